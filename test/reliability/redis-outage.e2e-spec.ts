import { OutboxMessageEntity } from '@app/database';
import { JobName, jobId } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { In, IsNull } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { registrationBody } from '../support/factories';
import { RedisServer, waitFor } from '../support/faults';

jest.setTimeout(120_000);

const WRITES = 6;

/**
 * Redis is killed while writes keep coming (a Redis of the test's own, AOF as in docker/compose.yml): every
 * write still commits, its job waits in the outbox, and after Redis returns each job runs exactly once.
 */
describe('Redis stopped during writes (e2e, a Redis of its own)', () => {
  const redis = new RedisServer();
  let api: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await redis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    await clearBacklog(api.ds, await dbNow(api.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'on', REDIS_URL: redis.url })],
    }).compile();
    worker = await ref.init();
  });

  afterAll(async () => {
    // If the test stopped early with Redis down, start it again: closing BullMQ can wait for Redis to come back.
    const down = redis.proc && (redis.proc.exitCode !== null || redis.proc.signalCode !== null);
    if (down) await redis.start().catch(() => undefined);
    try {
      await Promise.all([worker?.close(), api?.close()]);
    } finally {
      await redis.destroy();
    }
  });

  it('loses nothing: the outbox delivers every job once after the restart', async () => {
    const organisations: string[] = [];
    const statuses: number[] = [];
    let killedAfter = -1;
    for (let i = 0; i < WRITES; i++) {
      if (i === 2) {
        await redis.stop('SIGKILL');
        killedAfter = organisations.length;
      }
      const res = await api.http().post('/api/v1/auth/register').send(registrationBody('contractor'));
      statuses.push(res.status);
      if (res.status === 201) organisations.push(res.body.user.organisationId);
    }
    // Every write committed although Redis was gone for most of them.
    expect(statuses).toEqual(Array(WRITES).fill(201));
    const ids = organisations.map((o) => jobId(JobName.WelcomeOrganisation, o));
    const outbox = api.ds.getRepository(OutboxMessageEntity);
    const waiting = await outbox.countBy({ jobId: In(ids.slice(killedAfter)), dispatchedAt: IsNull() });
    expect(waiting).toBeGreaterThan(0);

    const restartedAt = Date.now();
    await redis.start();
    const delivered = await waitFor(
      'every welcome notification',
      async () => {
        const [row] = await api.ds.query(
          'SELECT count(DISTINCT organisation_id)::int AS n FROM notification WHERE organisation_id = ANY($1) AND kind = $2',
          [organisations, 'welcome'],
        );
        return row.n === WRITES;
      },
      60_000,
      200,
    );
    const [dupes] = await api.ds.query(
      `SELECT count(*)::int AS n FROM (SELECT organisation_id FROM notification WHERE organisation_id = ANY($1)
        AND kind = 'welcome' GROUP BY organisation_id HAVING count(*) > 1) d`,
      [organisations],
    );
    expect(dupes.n).toBe(0);
    const undelivered = (await outbox.findBy({ jobId: In(ids) })).filter((r) => r.dispatchedAt === null);
    expect(undelivered).toEqual([]);
    process.stdout.write(
      `\nredis outage: ${WRITES} writes (${WRITES - killedAfter} while Redis was down) all 201; every job ran once, ` +
        `the last ${delivered} ms after Redis restarted (${Date.now() - restartedAt} ms to verify)\n`,
    );
  });
});
