import { readFailureCounts } from '@app/domain';
import { parse } from 'csv-parse/sync';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { bearer, createBuyerWithOfficer, register, Session } from '../support/factories';
import { awardedObligation } from '../support/procurement';
import { relayUntil, startWorker, TestWorker } from '../support/worker';
import { download, pdfText } from './reports-helpers';

// Each test waits on real worker runs on a machine shared with other suites.
jest.setTimeout(120_000);

/**
 * Issue 30, item 2 for reports: one obligation whose stored data cannot be valued (here a contract end of
 * `infinity`, which PostgreSQL's date type accepts and the SROI engine refuses) never fails a buyer report: its
 * row is marked (`error` in the CSV, "Cannot be computed" in the PDF), the other rows are as before, and the row
 * is counted. A report of that obligation itself fails visibly at once (no retries) with the reason.
 */
describe('report rows that cannot be rendered (e2e, real worker)', () => {
  let t: TestApp;
  let w: TestWorker;
  let officer: Session;
  let contractor: Session;
  let buyerId: string;
  let good: string;
  let bad: string;
  let badContract: string;
  let badEnd: string;

  const count = async (): Promise<number> =>
    (await readFailureCounts(t.ds)).find(
      (c) => c.name === 'reports.row_failed' && c.reason === 'buyer_obligation',
    )?.count ?? 0;

  /** Asks for a report and delivers the outbox until the worker finished it (done or failed). */
  const make = async (who: Session, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const res = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(who))
      .send(body)
      .expect(202);
    return relayUntil(w.relay, `report ${res.body.id}`, async () => {
      const r = (
        await t
          .http()
          .get(`/api/v1/reports/${res.body.id}`)
          .set(...bearer(who))
          .expect(200)
      ).body;
      return ['done', 'failed'].includes(r.status) && r;
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    w = await startWorker();
    const buyer = await createBuyerWithOfficer(t);
    officer = buyer.officer;
    buyerId = buyer.organisationId;
    contractor = await register(t, 'contractor');
    good = (await awardedObligation(t, officer, contractor)).obligationId;
    bad = (await awardedObligation(t, officer, contractor, { contractValueCents: 20_000_000 })).obligationId;
    [{ contract_id: badContract, end_date: badEnd }] = await t.ds.query(
      `SELECT o.contract_id, c.end_date::text AS end_date FROM obligation o JOIN contract c ON c.id = o.contract_id
        WHERE o.id = $1`,
      [bad],
    );
    // A hand edit or an old import: the API never writes it.
    await t.ds.query(`UPDATE contract SET end_date = 'infinity' WHERE id = $1`, [badContract]);
  });
  afterAll(async () => {
    await t?.ds.query('UPDATE contract SET end_date = $2 WHERE id = $1', [badContract, badEnd]);
    await w?.close();
    await t?.close();
  });

  it('a buyer CSV marks the row it cannot compute and keeps the others', async () => {
    const before = await count();
    const report = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'csv' });
    expect(report.status).toBe('done');
    const [header, ...rows] = parse(
      (await download(t, officer, report.id as string)).body.toString('utf8'),
    ) as string[][];
    const byId = new Map(rows.map((r) => [r[header.indexOf('obligation_id')], r]));
    expect(byId.get(bad)![header.indexOf('status')]).toBe('error');
    expect(Number(byId.get(bad)![header.indexOf('amount_cents')])).toBeGreaterThan(0);
    expect(byId.get(good)![header.indexOf('status')]).toBe('open');
    expect(await count()).toBe(before + 1);
  });

  it('a buyer PDF says it in words', async () => {
    const report = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'pdf', language: 'en' });
    expect(report.status).toBe('done');
    const text = pdfText((await download(t, officer, report.id as string)).body);
    // The status column is narrow: the words wrap.
    expect(text.replace(/\s+/g, ' ')).toContain('Cannot be computed');
  });

  it('a buyer JSON (its obligations exactly as GET /obligations gives them) fails at once with the reason', async () => {
    // The obligations service cannot compute that obligation's view either; until it can, the JSON report says so
    // rather than retrying or leaving it running.
    const report = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'json' });
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(/^The report cannot be made: its stored data cannot be valued/);
  });

  it("a report of the obligation itself fails at once with the reason, without BullMQ's retries", async () => {
    const report = await make(contractor, { scope: 'obligation', scopeId: bad, format: 'pdf' });
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(
      /^The report cannot be made: its stored data cannot be valued \(.*infinity.*\)$/i,
    );
    const [job] = await t.ds.query('SELECT attempts FROM background_job WHERE id = $1', [report.id]);
    expect(job.attempts).toBe(1);
    // The good obligation's report is unaffected.
    expect((await make(contractor, { scope: 'obligation', scopeId: good, format: 'pdf' })).status).toBe(
      'done',
    );
  });
});
