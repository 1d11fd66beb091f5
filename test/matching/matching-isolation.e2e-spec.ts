import { todayInNl } from '@app/common';
import { addDays, MatchingService, readFailureCounts } from '@app/domain';
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
import { MatchesAnswer } from '../support/matching';
import { awardedObligation, publishedPolicy, tenderBody } from '../support/procurement';
import { queueTrouble, relayUntil, startWorker, TestWorker } from '../support/worker';

// The worker runs in this process beside the API; both boot against a machine shared with other suites.
jest.setTimeout(180_000);

/** Past safe integers, inside PostgreSQL's bigint: what a hand edit or an old import could have stored. */
const HUGE_BIGINT = '9000000000000000000';
const today = todayInNl();
const PSO = { type: 'pso', level: 'trede_2', validFrom: '2025-01-01', validUntil: '2030-12-31' };
const near = { cpvCodes: ['90911200-8'], deliveryPostcode: '2011 AB', deliveryRadiusKm: 25 };
const period = { contractPeriod: { startDate: addDays(today, -30), endDate: addDays(today, 700) } };

interface Failed {
  code: string;
  reason: string;
  reasonNl: string;
  since: string;
}
type Answer = MatchesAnswer & { failed: Failed | null };

/**
 * Issue 30, item 2: a subject (obligation or tender) whose own data cannot be scored becomes visibly failed at
 * once, with a reason in words, counted and logged once however often it is tried again; it recovers by itself
 * when the cause is gone (here the nightly re-score, or the next change near it). A candidate whose valuation
 * fails costs only its own place, and is counted.
 */
describe('matching failure isolation: failed, then recovered (e2e, real worker)', () => {
  let t: TestApp;
  let w: TestWorker;
  let officer: Session;
  let contractor: Session;
  let se: Session;
  let seBad: Session;
  let goodId: string;
  let badId: string;
  let since: Date;

  const count = async (name: string, reason: string): Promise<number> =>
    (await readFailureCounts(t.ds)).find((c) => c.name === name && c.reason === reason)?.count ?? 0;

  const read = async (path: string, who: Session): Promise<Answer> =>
    (
      await t
        .http()
        .get(path)
        .set(...bearer(who))
        .expect(200)
    ).body;

  /** Delivers the outbox until the answer at `path` satisfies `ok`; a deadline names the match state. */
  const until = (
    path: string,
    who: Session,
    what: string,
    ok: (a: Answer) => boolean,
    subject: { type: string; id: string },
  ): Promise<Answer> =>
    relayUntil(
      w.relay,
      what,
      async () => {
        const a = await read(path, who);
        return ok(a) && a;
      },
      {
        timeoutMs: 60_000,
        describe: async () => {
          const [state] = await t.ds.query(
            `SELECT requested_revision, started_revision, computed_revision, failed_revision, failure_code
               FROM match_state WHERE subject_type = $1 AND subject_id = $2`,
            [subject.type, subject.id],
          );
          return `match_state ${JSON.stringify(state)}; ${(await queueTrouble(w, { since })).join('; ')}`;
        },
      },
    );

  beforeAll(async () => {
    t = await createTestApp();
    since = await dbNow(t.ds);
    await clearBacklog(t.ds, since);
    w = await startWorker();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    seBad = await register(t, 'social_enterprise');
    await addCertification(t, se, PSO, officer);
    await addCertification(t, seBad, PSO, officer);
    goodId = (await createOffering(t, se, { title: 'Schoonmaak van gebouwen', ...near })).id;
    badId = (await createOffering(t, seBad, { title: 'Schoonmaak van kantoren', ...near })).id;
    // The API refuses it now; stored before the bounds (or by an old import), it must cost only its own place.
    await t.ds.query(`UPDATE offering SET capacity_cents_per_month = $2 WHERE id = $1`, [
      badId,
      String(Number.MAX_SAFE_INTEGER),
    ]);
  });
  afterAll(async () => {
    await t?.ds.query(`UPDATE offering SET capacity_cents_per_month = NULL, hidden = true WHERE id = $1`, [
      badId,
    ]);
    await w?.close();
    await t?.close();
  });

  it('an obligation that cannot be scored is failed once with a reason in words, then recovers by itself', async () => {
    const skippedBefore = await count('matching.candidate_skipped', 'amount_out_of_range');
    const { obligationId } = await awardedObligation(t, officer, contractor, { tender: period });
    const path = `/api/v1/obligations/${obligationId}/matches?limit=100`;
    const subject = { type: 'obligation', id: obligationId };

    // 1. Scored, with the bad candidate skipped and counted; nothing failed.
    const first = await until(path, contractor, 'first set', (a) => !a.pending, subject);
    const ids = first.items.map((m) => m.offeringId);
    expect(ids).toContain(goodId);
    expect(ids).not.toContain(badId);
    expect(first.failed).toBeNull();
    expect(await count('matching.candidate_skipped', 'amount_out_of_range')).toBeGreaterThan(skippedBefore);

    // 2. The obligation's own amount is past safe integers: every candidate would fail, so the subject fails.
    const [{ amount_cents: amount }] = await t.ds.query(
      'SELECT amount_cents::text AS amount_cents FROM obligation WHERE id = $1',
      [obligationId],
    );
    await t.ds.query('UPDATE obligation SET amount_cents = $2 WHERE id = $1', [obligationId, HUGE_BIGINT]);
    const failedBefore = await count('matching.subject_failed', 'amount_out_of_range');
    const refresh = async () =>
      (
        await t
          .http()
          .post(`/api/v1/obligations/${obligationId}/matches/refresh`)
          .set(...bearer(contractor))
          .expect(202)
      ).body.id as string;
    const job = await refresh();
    const failed = await until(path, contractor, 'failed', (a) => a.failed != null && !a.pending, subject);
    expect(failed.failed).toEqual({
      code: 'amount_out_of_range',
      reason: 'An amount of this obligation or its policy is too large to value.',
      reasonNl: 'Een bedrag van deze verplichting of het beleid ervan is te groot om te waarderen.',
      since: expect.any(String),
    });
    // The last good set stays; the failed revision is not waiting for anything.
    expect(failed.revision).toBe(first.revision);
    expect(failed.items.map((m) => m.offeringId)).toContain(goodId);
    // The refresh someone waits on finishes (no retry loop), and the driver's or engine's words reach no client.
    const jobAnswer = await relayUntil(w.relay, `refresh job ${job}`, async () => {
      const j = (
        await t
          .http()
          .get(`/api/v1/jobs/${job}`)
          .set(...bearer(contractor))
      ).body;
      return ['done', 'failed'].includes(j.status) && j;
    });
    expect(jobAnswer.status).toBe('done');
    expect(JSON.stringify(failed)).not.toMatch(/amountCents|safe integer|spend to fill/);

    // 3. Tried again (another refresh): still failed since the same moment, counted once.
    const again = await refresh();
    await relayUntil(w.relay, `second refresh ${again}`, async () => {
      const j = (
        await t
          .http()
          .get(`/api/v1/jobs/${again}`)
          .set(...bearer(contractor))
      ).body;
      return j.status === 'done';
    });
    const still = await read(path, contractor);
    expect(still.pending).toBe(false);
    expect(still.failed?.since).toBe(failed.failed!.since);
    expect(await count('matching.subject_failed', 'amount_out_of_range')).toBe(failedBefore + 1);
    const [state] = await t.ds.query(
      `SELECT failure_detail FROM match_state WHERE subject_type = 'obligation' AND subject_id = $1`,
      [obligationId],
    );
    expect(state.failure_detail).toMatch(/safe integer|cents/);

    // 4. The cause is gone; the nightly re-score computes the set and clears the failure (counted as recovered).
    const recoveredBefore = await count('matching.subject_recovered', 'amount_out_of_range');
    await t.ds.query('UPDATE obligation SET amount_cents = $2 WHERE id = $1', [obligationId, amount]);
    await w.worker.get(MatchingService).rescoreAll();
    const recovered = await until(
      path,
      contractor,
      'recovered',
      (a) => a.failed == null && !a.pending,
      subject,
    );
    expect(recovered.revision).toBeGreaterThan(first.revision);
    expect(recovered.items.map((m) => m.offeringId)).toContain(goodId);
    expect(recovered.items.map((m) => m.offeringId)).not.toContain(badId);
    expect(await count('matching.subject_recovered', 'amount_out_of_range')).toBe(recoveredBefore + 1);
  });

  it('a tender whose estimated value cannot be valued is failed on the next change near it, then recovers', async () => {
    const policyId = await publishedPolicy(t, officer);
    const created = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId, period))
      .expect(201);
    const tenderId: string = created.body.id;
    await t
      .http()
      .post(`/api/v1/tenders/${tenderId}/publish`)
      .set(...bearer(officer))
      .expect(200);
    const path = `/api/v1/tenders/${tenderId}/matches?limit=100`;
    const subject = { type: 'tender', id: tenderId };
    const first = await until(path, officer, 'tender set', (a) => !a.pending, subject);
    expect(first.items.map((m) => m.offeringId)).toContain(goodId);
    expect(first.failed).toBeNull();

    await t.ds.query('UPDATE tender SET estimated_value_cents = $2 WHERE id = $1', [tenderId, HUGE_BIGINT]);
    // A change near it (the enterprise edits its offering) asks for the tender's set again.
    await t
      .http()
      .patch(`/api/v1/offerings/${goodId}`)
      .set(...bearer(se))
      .send({ title: 'Schoonmaak van gebouwen en kantoren' })
      .expect(200);
    const failed = await until(
      path,
      officer,
      'tender failed',
      (a) => a.failed != null && !a.pending,
      subject,
    );
    expect(failed.failed?.code).toBe('amount_out_of_range');
    expect(failed.failed?.reason).toBe('An amount of this tender or its policy is too large to value.');
    // The contractor sees the same state.
    expect((await read(path, contractor)).failed?.reasonNl).toBe(
      'Een bedrag van deze aanbesteding of het beleid ervan is te groot om te waarderen.',
    );

    await t.ds.query('UPDATE tender SET estimated_value_cents = 60000000 WHERE id = $1', [tenderId]);
    await w.worker.get(MatchingService).rescoreAll();
    const recovered = await until(
      path,
      officer,
      'tender recovered',
      (a) => a.failed == null && !a.pending,
      subject,
    );
    expect(recovered.items.map((m) => m.offeringId)).toContain(goodId);
  });

  it('a scoring job BullMQ gave up on fails its subject (job_failed) once; the next set stored clears it', async () => {
    const { obligationId } = await awardedObligation(t, officer, contractor, { tender: period });
    const path = `/api/v1/obligations/${obligationId}/matches?limit=100`;
    const subject = { type: 'obligation', id: obligationId };
    await until(path, contractor, 'first set', (a) => !a.pending, subject);
    const matching = w.worker.get(MatchingService);
    const before = await count('matching.subject_failed', 'job_failed');

    // What the processor's `failed` listener does when BullMQ gives up on a refresh (it names no revision).
    await t.ds.query(
      `UPDATE match_state SET requested_revision = requested_revision + 1
        WHERE subject_type = 'obligation' AND subject_id = $1`,
      [obligationId],
    );
    await matching.givenUp('obligation', obligationId, null, 'connection terminated unexpectedly');
    await matching.givenUp('obligation', obligationId, null, 'connection terminated unexpectedly');
    const failed = await read(path, contractor);
    expect(failed.pending).toBe(false);
    expect(failed.failed).toEqual({
      code: 'job_failed',
      reason: 'The calculation failed several times in a row.',
      reasonNl: 'De berekening is een aantal keer achter elkaar mislukt.',
      since: expect.any(String),
    });
    expect(JSON.stringify(failed)).not.toMatch(/connection terminated/);
    expect(await count('matching.subject_failed', 'job_failed')).toBe(before + 1);

    // A revision already stored is never failed by a late give-up of an older job.
    await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/matches/refresh`)
      .set(...bearer(contractor))
      .expect(202);
    const recovered = await until(
      path,
      contractor,
      'recovered',
      (a) => a.failed == null && !a.pending,
      subject,
    );
    await matching.givenUp('obligation', obligationId, recovered.revision, 'late');
    expect((await read(path, contractor)).failed).toBeNull();
  });
});
