import { todayInNl } from '@app/common';
import { MatchingService } from '@app/domain';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { bearer, createBuyerWithOfficer, createOffering, register, Session } from '../support/factories';
import { awardedObligation } from '../support/procurement';

jest.setTimeout(120_000);

/** Translation services: a CPV division no other spec matches on. */
const TRANSLATION = '79530000-8';

/**
 * One offering change touches many sets: the first job patches its own and takes along the other obligations
 * waiting for a patch of the same offering, in one transaction. The relay is off, so no job runs by itself: the
 * spec runs the first one and sees the others' sets stored with it, each equal to a full re-score.
 */
describe('patch mates: one job patches every set an offering change touches (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let matching: MatchingService;
  let se: Session;
  const obligations: string[] = [];
  let offeringId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'off' })],
    }).compile();
    worker = await ref.init();
    matching = worker.get(MatchingService);
    const { officer } = await createBuyerWithOfficer(t);
    const contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    offeringId = (
      await createOffering(t, se, {
        title: 'Vertaalwerk',
        cpvCodes: [TRANSLATION],
        deliveryPostcode: '2011 AB',
      })
    ).id;
    for (let i = 0; i < 3; i += 1) {
      const { obligationId } = await awardedObligation(t, officer, contractor, {
        tender: { title: `Vertaaldiensten ${i}`, items: [{ description: 'Vertalen', cpvCode: TRANSLATION }] },
      });
      obligations.push(obligationId);
      await matching.scoreObligation(obligationId);
    }
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const open = async (): Promise<string[]> =>
    (
      await t.ds.query(
        `SELECT subject_id FROM match_state WHERE subject_type = 'obligation' AND subject_id = ANY($1::uuid[])
            AND requested_revision > computed_revision ORDER BY subject_id`,
        [obligations],
      )
    ).map((r: { subject_id: string }) => r.subject_id);

  it('stores every affected set in the first job, each equal to a full re-score', async () => {
    expect(await open()).toEqual([]);
    await t
      .http()
      .patch(`/api/v1/offerings/${offeringId}`)
      .set(...bearer(se))
      .send({ capacityCentsPerMonth: 250_000 })
      .expect(200);
    const waiting = await open();
    expect(waiting).toEqual([...obligations].sort());

    const outcome = await matching.scoreObligation(waiting[0]);
    expect(outcome).toMatchObject({ mode: 'incremental', batch: 3 });
    expect(await open()).toEqual([]);
    // The mates' own jobs find their revision stored and write nothing.
    expect(await matching.scoreObligation(waiting[1])).toBeNull();

    for (const id of obligations) {
      const s = await matching.obligationSubject(id, todayInNl());
      const full = matching.score(s!, await matching.candidates(t.ds.manager, s!));
      const stored = await t.ds.query(
        `SELECT offering_id, score, counts, reasons, cap_key FROM obligation_match WHERE obligation_id = $1
          ORDER BY counts DESC, score DESC, offering_id`,
        [id],
      );
      expect(stored.map((r: { offering_id: string }) => r.offering_id)).toEqual(
        full.map((r) => r.offeringId),
      );
      expect(stored.map((r: { reasons: unknown }) => r.reasons)).toEqual(full.map((r) => r.reasons));
      const [{ match_count }] = await t.ds.query(
        `SELECT match_count FROM match_state WHERE subject_type = 'obligation' AND subject_id = $1`,
        [id],
      );
      expect(match_count).toBe(full.length);
    }
  });
});
