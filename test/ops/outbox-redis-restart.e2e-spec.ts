import { OutboxMessageEntity } from '@app/database';
import { jobId, JobName, OutboxRelay, QueueName, redisOptionsFromUrl } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { ChildProcess } from 'node:child_process';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { registrationBody } from '../support/factories';
import { freePort, startRedis, stopRedis } from '../support/redis-server';

describe('outbox across a Redis restart (e2e, a Redis of its own that the test stops)', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let redis: ChildProcess;
  let url: string;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    redis = await startRedis(port);
    api = await createTestApp({ REDIS_URL: url });
    await clearBacklog(api.ds, await dbNow(api.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'off', REDIS_URL: url })],
    }).compile();
    worker = await ref.init();
  });

  afterAll(async () => {
    // If the test stopped early with Redis down, start it again: closing BullMQ can wait for Redis to come back.
    if (redis.exitCode !== null || redis.signalCode !== null)
      redis = await startRedis(port).catch(() => redis);
    try {
      await Promise.all([worker?.close(), api?.close()]);
    } finally {
      await stopRedis(redis);
    }
  });

  it('commits while Redis is down, keeps the job, and runs it once Redis is back', async () => {
    await stopRedis(redis);

    // The business change commits without Redis: the job waits in PostgreSQL.
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send(registrationBody('contractor'))
      .expect(201);
    const id = jobId(JobName.WelcomeOrganisation, res.body.user.organisationId);
    const relay = worker.get(OutboxRelay);
    expect(await relay.relayOnce()).toBe(0);
    const pending = await api.ds.getRepository(OutboxMessageEntity).findOneByOrFail({ jobId: id });
    expect(pending.dispatchedAt).toBeNull();
    // Other specs leave pending rows too: the relay tried the oldest one, gave up after its timeout and
    // recorded why; nothing was marked dispatched.
    const [failed] = await api.ds.query(
      "SELECT count(*)::int AS n FROM outbox_message WHERE dispatched_at IS NULL AND last_error LIKE '%Redis%'",
    );
    expect(failed.n).toBeGreaterThanOrEqual(1);

    redis = await startRedis(port);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Notifications));
    const events = new QueueEvents(QueueName.Notifications, {
      connection: redisOptionsFromUrl(url),
      prefix: 'buysocial',
    });
    try {
      await events.waitUntilReady();
      const isDispatched = async (): Promise<boolean> =>
        (await api.ds.getRepository(OutboxMessageEntity).findOneByOrFail({ jobId: id })).dispatchedAt !==
        null;
      for (let i = 0; i < 40 && !(await isDispatched()); i++) {
        if ((await relay.relayOnce().catch(() => 0)) === 0) await new Promise((r) => setTimeout(r, 250));
      }
      expect(await isDispatched()).toBe(true);
      const job = await queue.getJob(id);
      await job!.waitUntilFinished(events, 15_000);
      expect(await queue.getJobState(id)).toBe('completed');
      const rows = await api.ds.query('SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1', [
        `welcome-${res.body.user.organisationId}`,
      ]);
      expect(rows[0].n).toBe(1);
    } finally {
      await events.close();
    }
  }, 90_000);
});
