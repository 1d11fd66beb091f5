import { todayInNl } from '@app/common';
import { MATCH_CANDIDATE_CAP, MatchingService, MatchingTriggers } from '@app/domain';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
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

jest.setTimeout(180_000);

const PSO = { type: 'pso', level: 'trede_2', validFrom: '2025-01-01', validUntil: '2030-12-31' };
const ARTISTIC = '92312000-1';

interface StoredRow {
  offering_id: string;
  social_enterprise_id: string;
  score: number;
  counts: boolean;
  projected_credit_cents: string;
  spend_to_fill_cents: string | null;
  distance_km: number | null;
  reasons: unknown[];
  revision: number;
}

/**
 * A change to one offering or enterprise re-scores only its pairs and patches the stored set; the result must be
 * exactly what a full re-score of the same data stores. The cap of candidate generation is lowered to 3 so a
 * handful of offerings reaches it: a patch must then keep the nearest 3, or fall back to the whole set.
 */
describe('incremental re-scoring equals a full re-score (e2e: API, worker, outbox, PostgreSQL, Redis)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let matching: MatchingService;
  let officer: Session;
  let contractor: Session;
  let obligationId: string;
  const se: Session[] = [];
  const off: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
    }).compile();
    worker = await ref.init();
    matching = worker.get(MatchingService);
    matching.candidateCap = 3;
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    // Artistic services (a CPV division no other spec uses), delivered in Haarlem (2011).
    obligationId = (
      await awardedObligation(t, officer, contractor, {
        tender: {
          title: 'Artistieke programmering wijkcentra',
          items: [{ description: 'Artistieke diensten', cpvCode: ARTISTIC }],
        },
      })
    ).obligationId;
    for (let i = 0; i < 5; i += 1) se.push(await register(t, 'social_enterprise'));
    await addCertification(t, se[1], PSO, officer);
  });

  afterAll(async () => {
    if (matching) matching.candidateCap = MATCH_CANDIDATE_CAP;
    await worker?.close();
    await t?.close();
  });

  /** Waits for the stored set, then compares it row by row with a full re-score of the same data. */
  async function expectFullRescoreStored(): Promise<{ ids: string[]; patched: boolean }> {
    const page = await settledMatches(t, `/api/v1/obligations/${obligationId}/matches?limit=100`, contractor);
    const stored: StoredRow[] = await t.ds.query(
      `SELECT offering_id, social_enterprise_id, score, counts, projected_credit_cents::text, spend_to_fill_cents::text,
              distance_km, reasons, revision
         FROM obligation_match WHERE obligation_id = $1 ORDER BY counts DESC, score DESC, offering_id`,
      [obligationId],
    );
    const s = await matching.obligationSubject(obligationId, todayInNl());
    const full = matching.score(s!, await matching.candidates(t.ds.manager, s!));
    // Reasons are stored compact (arrays), in the order the scorer wrote them.
    const reasons = (rs: unknown[]): unknown[] => rs;
    expect(
      stored.map((r) => ({
        offeringId: r.offering_id,
        socialEnterpriseId: r.social_enterprise_id,
        score: r.score,
        counts: r.counts,
        projectedCreditCents: Number(r.projected_credit_cents),
        spendToFillCents: r.spend_to_fill_cents == null ? null : Number(r.spend_to_fill_cents),
        distanceKm: r.distance_km,
        reasons: reasons(r.reasons),
      })),
    ).toEqual(
      full.map((r) => ({
        offeringId: r.offeringId,
        socialEnterpriseId: r.socialEnterpriseId,
        score: r.score,
        counts: r.counts,
        projectedCreditCents: r.projectedCreditCents,
        spendToFillCents: r.spendToFillCents,
        distanceKm: r.distanceKm,
        reasons: reasons(r.reasons),
      })),
    );
    expect(page.items.map((m) => m.offeringId)).toEqual(full.map((r) => r.offeringId));
    // Each row keeps the exact key the cap ordered it by (-1 only on rows stored before the key was).
    const keys: { offering_id: string; cap_key: number }[] = await t.ds.query(
      'SELECT offering_id, cap_key FROM obligation_match WHERE obligation_id = $1 AND cap_key >= 0',
      [obligationId],
    );
    for (const k of keys) expect(k.cap_key).toBe(full.find((r) => r.offeringId === k.offering_id)!.capKey);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM match_delta WHERE subject_type = 'obligation' AND subject_id = $1`,
      [obligationId],
    );
    expect(n).toBe(0);
    // A patched set keeps the rows it did not re-score at their older revision; a whole set is one revision.
    return {
      ids: stored.map((r) => r.offering_id),
      patched: stored.some((r) => r.revision < page.revision),
    };
  }

  const patch = (who: Session, id: string, body: Record<string, unknown>): Promise<unknown> =>
    t
      .http()
      .patch(`/api/v1/offerings/${id}`)
      .set(...bearer(who))
      .send(body)
      .expect(200);

  it('keeps the nearest candidates through creations, edits, moves, a deletion and a rejected certificate', async () => {
    // Haarlem 2011 (0 km), 2021 (1.4 km), 2101 (3.3 km), 2201 (18 km), Amsterdam 1011 (18 km).
    const postcodes = { a: '2011 AB', b: '2021 AB', c: '2101 AB', d: '2201 AB', e: '1011 AB' };
    for (const [i, [k, pc]] of Object.entries(postcodes).entries()) {
      off[k] = (
        await createOffering(t, se[i], {
          title: 'Artistieke workshops',
          cpvCodes: [ARTISTIC],
          deliveryPostcode: pc,
        })
      ).id;
    }
    let set = await expectFullRescoreStored();
    expect(set.ids.sort()).toEqual([off.a, off.b, off.c].sort());

    // A listed offering's capacity: only its pair is scored again.
    await patch(se[0], off.a, { capacityCentsPerMonth: 50_000 });
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(true);

    // E moves next door: it enters the nearest 3 and C (the farthest) leaves, still pair by pair.
    await patch(se[4], off.e, { deliveryPostcode: '2012 AB' });
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(true);
    expect(set.ids.sort()).toEqual([off.a, off.b, off.e].sort());

    // A set stored before the cap's key and the set's size were (cap_key -1, match_count null): its rows are
    // counted and their keys computed from the offerings' points.
    await t.ds.query('UPDATE obligation_match SET cap_key = -1 WHERE obligation_id = $1', [obligationId]);
    await t.ds.query('UPDATE match_state SET match_count = NULL WHERE subject_id = $1', [obligationId]);
    await patch(se[0], off.a, { capacityCentsPerMonth: 60_000 });
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(true);
    expect(set.ids.sort()).toEqual([off.a, off.b, off.e].sort());

    // A moves to Utrecht: beyond every kept row, so the next nearest (C) comes back, read past the farthest
    // kept row (E); still pair by pair.
    await patch(se[0], off.a, { deliveryPostcode: '3511 AB' });
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(true);
    expect(set.ids.sort()).toEqual([off.b, off.c, off.e].sort());

    // An offering outside the set gets a new CPV code: nothing in the set moves.
    await patch(se[3], off.d, { cpvCodes: ['92310000-7'] });
    set = await expectFullRescoreStored();
    expect(set.ids.sort()).toEqual([off.b, off.c, off.e].sort());

    // B's enterprise loses its certificate: only B's pair is scored again, and it no longer counts. (Had the
    // changed offering been the farthest of a full set, the set could not tell whether an unlisted candidate is
    // nearer now, and the whole set would be scored.)
    const [cert] = await t.ds.query('SELECT id FROM certification WHERE organisation_id = $1', [
      se[1].user.organisationId,
    ]);
    await t
      .http()
      .post(`/api/v1/certifications/${cert.id}/verification`)
      .set(...bearer(officer))
      .send({ decision: 'rejected' })
      .expect(200);
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(true);
    const [b] = await t.ds.query(
      'SELECT counts FROM obligation_match WHERE obligation_id = $1 AND offering_id = $2',
      [obligationId, off.b],
    );
    expect(b.counts).toBe(false);

    // A listed offering is deleted: the set would shrink below the cap, so the next nearest past the farthest
    // kept row (D) comes in, pair by pair.
    await t
      .http()
      .delete(`/api/v1/offerings/${off.b}`)
      .set(...bearer(se[1]))
      .expect((res) => expect([200, 204]).toContain(res.status));
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(true);
    expect(set.ids.sort()).toEqual([off.c, off.d, off.e].sort());

    // A subject whose own point changes is scored whole again (every pair's distance moved).
    await t.ds.query(
      `UPDATE tender SET delivery_postcode = '2021 AB' WHERE id = (SELECT tender_id FROM obligation WHERE id = $1)`,
      [obligationId],
    );
    await t.ds.transaction((m) => worker.get(MatchingTriggers).obligationChanged(m, obligationId));
    set = await expectFullRescoreStored();
    expect(set.patched).toBe(false);
  });

  it("finds a batch's candidates as each subject's own query does, with the cap reached or not", async () => {
    // Three offerings within 30 km of Haarlem and one in Groningen: a cap of 3 is reached, one of 50 is not.
    for (const [k, postcode] of [
      [2, '2011 AB'],
      [3, '1012 AB'],
      [4, '2311 AB'],
      [0, '9711 AB'],
    ] as const) {
      await createOffering(t, se[k], {
        title: `Theater op locatie ${k}`,
        cpvCodes: [ARTISTIC],
        deliveryPostcode: postcode,
      });
    }
    const s = (await matching.obligationSubject(obligationId, todayInNl()))!;
    for (const cap of [3, 50]) {
      matching.candidateCap = cap;
      const own = await matching.candidates(t.ds.manager, s);
      const [batch] = await matching.batchCandidates(t.ds.manager, [s, { ...s }]);
      if (cap === 3) expect(own).toHaveLength(3);
      else expect(own.length).toBeGreaterThanOrEqual(4);
      expect(batch.map((c) => [c.offeringId, c.distanceKm])).toEqual(
        own.map((c) => [c.offeringId, c.distanceKm]),
      );
    }
    matching.candidateCap = 3;
  });
});
