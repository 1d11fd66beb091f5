import { BackgroundJobEntity } from '@app/database';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { bearer, createBuyerWithOfficer, register, Session } from '../support/factories';
import { awardedObligation } from '../support/procurement';
import { download, pdfText, waitForReport } from './reports-helpers';

jest.setTimeout(300_000);

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

describe('a worker killed mid-report (e2e, worker processes)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let obligationId: string;
  let first: ChildProcess | undefined;
  let since: Date;
  let second: ChildProcess | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    since = await dbNow(t.ds);
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    obligationId = (await awardedObligation(t, officer, contractor, { contractValueCents: 115_000_000 }))
      .obligationId;
    // Enough contributions that the PDF takes a few seconds: a window to kill the worker in.
    await t.ds.query(
      `INSERT INTO contribution (obligation_id, category, status, body, claimed_value_cents, breakdown, submitted_by)
       SELECT $1, 'social_activity', 'submitted',
              jsonb_build_object('category', 'social_activity', 'blockCode', 'ACT_HOUR', 'quantity', 1,
                                 'description', 'Gastles ' || g),
              10000, '[]'::jsonb, $2
         FROM generate_series(1, 2000) g`,
      [obligationId, contractor.user.id],
    );
  });

  afterAll(async () => {
    await stop(first, 'SIGKILL');
    await stop(second, 'SIGTERM');
    await t?.close();
  });

  it('is retried by another worker and finishes, never left running', async () => {
    await clearBacklog(t.ds, since);
    first = startWorker();
    const res = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(contractor))
      .send({ scope: 'obligation', scopeId: obligationId, format: 'pdf' })
      .expect(202);
    const id = res.body.id as string;
    const jobs = t.ds.getRepository(BackgroundJobEntity);

    const deadline = Date.now() + 150_000;
    while ((await jobs.findOneByOrFail({ id })).status === 'queued') {
      if (Date.now() > deadline) throw new Error('the first worker never started the report');
      await new Promise((r) => setTimeout(r, 20));
    }
    await stop(first, 'SIGKILL');
    const killed = await jobs.findOneByOrFail({ id });
    // Killed while generating: the row says running and no file was committed.
    expect(killed.status).toBe('running');
    expect(
      Number(
        (await t.ds.query('SELECT count(*) AS n FROM report_file_chunk WHERE report_id = $1', [id]))[0].n,
      ),
    ).toBe(0);

    second = startWorker();
    const done = await waitForReport(t, contractor, id, 200_000);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    const row = await jobs.findOneByOrFail({ id });
    expect(row.attempts).toBe(2);
    const file = await download(t, contractor, id);
    expect(createHash('sha256').update(file.body).digest('hex')).toBe(done.sha256);
    // A table cell may wrap at a space.
    const text = pdfText(file.body).replace(/\s+/g, ' ');
    expect(text).toContain('Gastles 2000');
    expect(text).toContain('€ 57.500,00');
  });
});
