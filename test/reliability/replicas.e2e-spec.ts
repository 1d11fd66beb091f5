import { OutboxMessageEntity } from '@app/database';
import { JobName, jobId, QueueName, redisOptionsFromUrl } from '@app/queue';
import { Queue } from 'bullmq';
import { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource, In } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { registrationBody } from '../support/factories';
import { killProcess, RedisServer, spawnEntryPoint, waitFor } from '../support/faults';
import { freePort } from '../support/redis-server';

jest.setTimeout(480_000);

const RATE_LIMIT = 12;
const WRITES = 8;

/**
 * Two API and two worker processes on one PostgreSQL and one Redis, as docker/compose.yml scales them: a token
 * from one API works on the other, rate limits are shared, every outbox row is relayed once and every job runs
 * once, also when one worker is killed in the middle of the load.
 */
describe('replicas: 2 API + 2 worker processes (e2e)', () => {
  const redis = new RedisServer();
  const procs: ChildProcess[] = [];
  let apis: string[] = [];
  let ds: DataSource;
  const logs = mkdtempSync(join(tmpdir(), 'buysocial-replicas-'));

  beforeAll(async () => {
    await redis.start();
    const env = { REDIS_URL: redis.url, AUTH_RATE_LIMIT: String(RATE_LIMIT), OUTBOX_RELAY: 'on' };
    const ports = [await freePort(), await freePort()];
    apis = ports.map((p) => `http://127.0.0.1:${p}`);
    procs.push(
      ...ports.map((p, i) =>
        spawnEntryPoint('api', { ...env, PORT: String(p) }, join(logs, `api-${i + 1}.log`)),
      ),
      spawnEntryPoint('worker', env, join(logs, 'worker-1.log')),
      spawnEntryPoint('worker', env, join(logs, 'worker-2.log')),
    );
    ds = new DataSource(dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL! }));
    await ds.initialize();
    // Four processes compile and boot at once: slow on a busy 2-core machine.
    for (const [i, api] of apis.entries()) {
      await waitFor(
        `${api}/health`,
        async () => (await request(api).get('/health')).status === 200,
        300_000,
        500,
      ).catch((err: Error) => {
        throw new Error(
          `${err.message}\n${readFileSync(join(logs, `api-${i + 1}.log`), 'utf8').slice(-3000)}`,
        );
      });
    }
  });

  afterAll(async () => {
    await Promise.all(procs.map((p) => killProcess(p, 'SIGKILL')));
    await ds?.destroy();
    await redis.destroy();
  });

  it('shares tokens and rate limits, relays every outbox row once and runs every job once', async () => {
    // A token issued by one API is accepted by the other.
    const session = await request(apis[0])
      .post('/api/v1/auth/register')
      .send(registrationBody('contractor'))
      .expect(201);
    await request(apis[1])
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .expect(200);

    // One counter in Redis: refresh attempts on both APIs together hit the limit once.
    const refreshes: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) {
      const res = await request(apis[i % 2])
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: `x.${i}` });
      refreshes.push(res.status);
    }
    expect(refreshes.filter((s) => s !== 429)).toHaveLength(RATE_LIMIT);
    expect(refreshes.slice(RATE_LIMIT)).toEqual([429, 429]);

    // Writes on both APIs; the first worker is killed half way.
    const organisations: string[] = [session.body.user.organisationId];
    for (let i = 1; i < WRITES; i++) {
      if (i === WRITES / 2) await killProcess(procs[2], 'SIGKILL');
      const res = await request(apis[i % 2])
        .post('/api/v1/auth/register')
        .send(registrationBody('contractor'))
        .expect(201);
      organisations.push(res.body.user.organisationId);
    }
    const delivered = await waitFor(
      'a welcome notification for every organisation',
      async () => {
        const [row] = await ds.query(
          `SELECT count(DISTINCT organisation_id)::int AS n FROM notification WHERE organisation_id = ANY($1) AND kind = 'welcome'`,
          [organisations],
        );
        return row.n === WRITES;
      },
      120_000,
      250,
    );

    const ids = organisations.map((o) => jobId(JobName.WelcomeOrganisation, o));
    const rows = await ds.getRepository(OutboxMessageEntity).findBy({ jobId: In(ids) });
    expect(rows).toHaveLength(WRITES);
    expect(rows.filter((r) => r.dispatchedAt === null)).toEqual([]);
    const [dupes] = await ds.query(
      `SELECT count(*)::int AS n FROM notification WHERE organisation_id = ANY($1) AND kind = 'welcome'`,
      [organisations],
    );
    expect(dupes.n).toBe(WRITES);
    const queue = new Queue(QueueName.Notifications, {
      connection: redisOptionsFromUrl(redis.url),
      prefix: 'buysocial',
    });
    try {
      for (const id of ids) {
        expect(await queue.getJobState(id)).toBe('completed');
        const job = await queue.getJob(id);
        // Ran once: no retry, and at most one stall recovery (a job the killed worker held).
        expect(job!.attemptsMade).toBeLessThanOrEqual(1);
      }
    } finally {
      await queue.close();
    }
    process.stdout.write(
      `\nreplicas: ${WRITES} writes over 2 APIs, worker 1 killed after ${WRITES / 2}; all jobs done ${delivered} ms after the last write\n`,
    );
  });
});
