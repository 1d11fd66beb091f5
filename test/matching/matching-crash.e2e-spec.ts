import { BackgroundJobEntity } from '@app/database';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { QueryRunner } from 'typeorm';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { settledMatches } from '../support/matching';
import { awardedObligation } from '../support/procurement';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');

/** A real worker process (relay on), as in production, so the test can kill it without warning. */
function startWorker(): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, OUTBOX_RELAY: 'on', LOG_LEVEL: 'silent', TS_NODE_TRANSPILE_ONLY: '1' },
      stdio: 'ignore',
    },
  );
}

function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

describe('a matching worker killed mid-job (e2e, worker processes)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let obligationId: string;
  let first: ChildProcess | undefined;
  let since: Date;
  let second: ChildProcess | undefined;
  let lock: QueryRunner | undefined;
  const offerings: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    since = await dbNow(t.ds);
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    obligationId = (await awardedObligation(t, officer, contractor)).obligationId;
    for (let i = 0; i < 3; i += 1) {
      const se = await register(t, 'social_enterprise');
      await addCertification(
        t,
        se,
        { type: 'pso_30plus', validFrom: '2025-01-01', validUntil: '2030-12-31' },
        officer,
      );
      offerings.push((await createOffering(t, se, { cpvCodes: ['90911200-8'] })).id);
    }
  });

  afterAll(async () => {
    if (lock?.isTransactionActive) await lock.rollbackTransaction();
    await lock?.release();
    await stop(first, 'SIGKILL');
    await stop(second, 'SIGTERM');
    await t?.close();
  });

  it('leaves one complete result set after a restart', async () => {
    await clearBacklog(t.ds, since);
    first = startWorker();
    const path = `/api/v1/obligations/${obligationId}/matches?limit=100`;
    const baseline = await settledMatches(t, path, contractor, 120_000);
    expect(baseline.items.map((m) => m.offeringId)).toEqual(expect.arrayContaining(offerings));
    // The whole stored set, which other specs' offerings in the division may make longer than one page.
    const [{ n: size }] = await t.ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM obligation_match WHERE obligation_id = $1',
      [obligationId],
    );

    // Hold the stored rows: the refresh job scores, opens its write transaction and waits in its DELETE, mid-write,
    // until the kill. The dead worker's transaction is then rolled back by PostgreSQL.
    lock = t.ds.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('SELECT 1 FROM obligation_match WHERE obligation_id = $1 FOR UPDATE', [obligationId]);
    const res = await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/matches/refresh`)
      .set(...bearer(contractor))
      .expect(202);
    const jobs = t.ds.getRepository(BackgroundJobEntity);
    const deadline = Date.now() + 60_000;
    while ((await jobs.findOneByOrFail({ id: res.body.id })).status !== 'running') {
      if (Date.now() > deadline) throw new Error('the first worker never started the refresh');
      await new Promise((r) => setTimeout(r, 20));
    }
    await stop(first, 'SIGKILL');
    await lock.rollbackTransaction();
    expect((await jobs.findOneByOrFail({ id: res.body.id })).status).toBe('running');

    second = startWorker();
    const doneBy = Date.now() + 120_000;
    let job = await jobs.findOneByOrFail({ id: res.body.id });
    while (job.status !== 'done') {
      if (Date.now() > doneBy || job.status === 'failed') throw new Error(`refresh ended ${job.status}`);
      await new Promise((r) => setTimeout(r, 100));
      job = await jobs.findOneByOrFail({ id: res.body.id });
    }
    expect(job.attempts).toBe(2);

    const after = await settledMatches(t, path, contractor, 60_000);
    expect(after.revision).toBeGreaterThan(baseline.revision);
    expect(after.items.map((m) => m.offeringId)).toEqual(baseline.items.map((m) => m.offeringId));
    // One set: every row of one revision, none twice, as many as before.
    const rows: { revision: number; n: string }[] = await t.ds.query(
      'SELECT revision, count(*) AS n FROM obligation_match WHERE obligation_id = $1 GROUP BY revision',
      [obligationId],
    );
    expect(rows).toEqual([{ revision: after.revision, n: String(size) }]);
  });
});
