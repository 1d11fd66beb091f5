import { todayInNl } from '@app/common';
import { addDays } from '@app/domain';
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
import { awardedObligation } from '../support/procurement';
import { queueTrouble, relayUntil, startWorker, TestWorker } from '../support/worker';

// The worker runs in this process beside the API; both boot against a machine shared with other suites.
jest.setTimeout(120_000);

const HUGE = Number.MAX_SAFE_INTEGER; // 9007199254740991
const today = todayInNl();
const PSO = { type: 'pso', level: 'trede_2', validFrom: '2025-01-01', validUntil: '2030-12-31' };
const near = { cpvCodes: ['90911200-8'], deliveryPostcode: '2011 AB', deliveryRadiusKm: 25 };

/**
 * Issue 30, first finding: an offering with `capacityCentsPerMonth: 9007199254740991` (or a price indication that
 * large) was accepted, and from then on every obligation near it (same CPV division, within its radius) failed to
 * score: "amountCents must be an integer" on every retry, its matches `pending` for ever. One enterprise's typo took
 * matching down for a region. Such amounts are refused at the edge; one already stored (written before the bound,
 * or by another path) costs only its own candidacy: the obligation's matches are computed with its neighbours.
 */
describe('regression (issue 30): an oversized amount on one offering never stops matching (e2e)', () => {
  let t: TestApp;
  let w: TestWorker;
  let officer: Session;
  let contractor: Session;
  let seGood: Session;
  let seBad: Session;
  const stored: string[] = [];
  let since: Date;

  beforeAll(async () => {
    t = await createTestApp();
    since = await dbNow(t.ds);
    await clearBacklog(t.ds, since);
    w = await startWorker();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    seGood = await register(t, 'social_enterprise');
    seBad = await register(t, 'social_enterprise');
    // Certified, so a purchase from them counts and the projection values the capacity (where it broke).
    await addCertification(t, seGood, PSO, officer);
    await addCertification(t, seBad, PSO, officer);
  });
  afterAll(async () => {
    // The oversized amounts go, so they cannot break matching for the specs after this one.
    if (stored.length)
      await t.ds.query(
        `UPDATE offering SET capacity_cents_per_month = NULL, price_indication_cents = NULL, hidden = true
          WHERE id = ANY($1)`,
        [stored],
      );
    await w?.close();
    await t?.close();
  });

  it.each(['capacityCentsPerMonth', 'priceIndicationCents'])(
    'refuses %s = 9007199254740991 at the edge (400 VALIDATION_FAILED naming the field), on create and update',
    async (field) => {
      const created = await t
        .http()
        .post('/api/v1/offerings')
        .set(...bearer(seBad))
        .send({ title: 'Schoonmaak', cpvCodes: ['90911200-8'], [field]: HUGE });
      const offering = await createOffering(t, seBad, { title: 'Schoonmaak', ...near });
      const patched = await t
        .http()
        .patch(`/api/v1/offerings/${offering.id}`)
        .set(...bearer(seBad))
        .send({ [field]: HUGE });
      // Whatever was stored goes before asserting: an accepted amount would break matching for later specs.
      for (const id of [offering.id, created.status === 201 ? created.body.id : null].filter(Boolean))
        await t
          .http()
          .delete(`/api/v1/offerings/${id}`)
          .set(...bearer(seBad))
          .expect(204);

      for (const res of [created, patched]) {
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
      }
    },
  );

  it('an oversized amount already stored skips that candidate; the obligation near it gets its matches', async () => {
    const good = await createOffering(t, seGood, { title: 'Schoonmaak van gebouwen', ...near });
    const badCapacity = await createOffering(t, seBad, { title: 'Schoonmaak van gebouwen', ...near });
    const badPrice = await createOffering(t, seBad, { title: 'Schoonmaak van kantoren', ...near });
    stored.push(badCapacity.id, badPrice.id);
    // As an import, an older release or a hand edit could have left them: the API no longer writes them.
    await t.ds.query(`UPDATE offering SET capacity_cents_per_month = $2 WHERE id = $1`, [
      badCapacity.id,
      String(HUGE),
    ]);
    await t.ds.query(`UPDATE offering SET price_indication_cents = $2 WHERE id = $1`, [
      badPrice.id,
      String(HUGE),
    ]);

    // Cleaning in Haarlem (2011 RD), running around today: every offering above is a candidate.
    const { obligationId } = await awardedObligation(t, officer, contractor, {
      tender: { contractPeriod: { startDate: addDays(today, -30), endDate: addDays(today, 700) } },
    });
    const path = `/api/v1/obligations/${obligationId}/matches?limit=100`;
    const read = async (): Promise<MatchesAnswer> =>
      (
        await t
          .http()
          .get(path)
          .set(...bearer(contractor))
          .expect(200)
      ).body;
    const answer = await relayUntil(
      w.relay,
      `matches of obligation ${obligationId} (near offerings with ${HUGE} cents)`,
      async () => {
        const body = await read();
        return !body.pending && body;
      },
      {
        timeoutMs: 30_000,
        describe: async () => {
          const [state] = await t.ds.query(
            `SELECT requested_revision, started_revision, computed_revision FROM match_state
              WHERE subject_type = 'obligation' AND subject_id = $1`,
            [obligationId],
          );
          return `match_state ${JSON.stringify(state)}; ${(await queueTrouble(w, { since })).join('; ')}`;
        },
      },
    );

    const ids = answer.items.map((m) => m.offeringId);
    expect(ids).toContain(good.id);
    const mine = answer.items.find((m) => m.offeringId === good.id)!;
    expect(Number.isSafeInteger(mine.projectedCreditCents)).toBe(true);
    expect(mine.score).toBeGreaterThan(0);
    // The bad candidates are skipped (or, where the arithmetic can carry the amount, scored with safe integers).
    for (const bad of [badCapacity.id, badPrice.id]) {
      const m = answer.items.find((x) => x.offeringId === bad);
      if (!m) continue;
      expect(Number.isSafeInteger(m.projectedCreditCents)).toBe(true);
      expect(m.spendToFillCents === null || Number.isSafeInteger(m.spendToFillCents)).toBe(true);
      expect(Number.isFinite(m.score)).toBe(true);
    }
  });
});
