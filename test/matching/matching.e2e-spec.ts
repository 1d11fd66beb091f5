import { todayInNl } from '@app/common';
import { ObligationMatchEntity } from '@app/database';
import { MatchingService } from '@app/domain';
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
import { MatchItem, settledMatches } from '../support/matching';
import { awardedObligation, publishedPolicy, tenderBody } from '../support/procurement';

type Match = MatchItem;

// The worker runs in this process beside the API; both boot against a machine shared with other suites.
jest.setTimeout(120_000);

const PSO = { type: 'pso', level: 'trede_2', validFrom: '2025-01-01', validUntil: '2030-12-31' };

describe('matching on BullMQ (e2e: API, worker, outbox, PostgreSQL, Redis)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let officer: Session;
  let otherOfficer: Session;
  let contractor: Session;
  let otherContractor: Session;
  let seA: Session;
  let seB: Session;
  let obligationId: string;
  let tenderPolicyId: string;

  const matchesOf = async (id: string = obligationId): Promise<Match[]> =>
    (await settledMatches(t, `/api/v1/obligations/${id}/matches?limit=100`, contractor)).items;
  const only = (items: Match[], ids: string[]): Match[] => items.filter((m) => ids.includes(m.offeringId));

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
    }).compile();
    worker = await ref.init();
    officer = (await createBuyerWithOfficer(t)).officer;
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    otherContractor = await register(t, 'contractor');
    seA = await register(t, 'social_enterprise');
    seB = await register(t, 'social_enterprise');
    await addCertification(t, seA, PSO, officer);
    await addCertification(t, seB, PSO, officer);
    tenderPolicyId = await publishedPolicy(t, officer);
    // Tender: cleaning (90911200) delivered in Haarlem (2011), EUR 600,000 → 5 % = EUR 30,000.
    obligationId = (await awardedObligation(t, officer, contractor, { policyId: tenderPolicyId }))
      .obligationId;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('ranks, explains and projects credit; changing a CPV code re-ranks', async () => {
    const exact = await createOffering(t, seA, {
      title: 'Schoonmaak van gebouwen',
      cpvCodes: ['90911200-8'],
      deliveryPostcode: '2011 AB',
    });
    const sameClass = await createOffering(t, seB, {
      title: 'Schoonmaak van gebouwen',
      cpvCodes: ['90910000-9'],
      deliveryPostcode: '2011 AB',
    });
    let items = only(await matchesOf(), [exact.id, sameClass.id]);
    expect(items.map((m) => m.offeringId)).toEqual([exact.id, sameClass.id]);
    const first = items[0];
    expect(first).toMatchObject({
      counts: true,
      projectedCreditCents: 3_000_000,
      spendToFillCents: 3_000_000,
    });
    expect(first.reasons.map((r) => r.factor)).toEqual([
      'cpv',
      'text',
      'distance',
      'certification',
      'capacity',
      'target_groups',
      'responsiveness',
    ]);
    expect(first.reasons[0]).toMatchObject({ value: 1, detail: expect.stringContaining('90911200') });
    expect(items[1].reasons[0].value).toBe(0.75);
    expect(first.score).toBeGreaterThan(items[1].score);

    // The stored rows, by the column names other features read.
    const rows = await t.ds.query(
      'SELECT offering_id, social_enterprise_id, counts, projected_credit_cents, revision FROM obligation_match WHERE obligation_id = $1',
      [obligationId],
    );
    expect(rows.find((r: { offering_id: string }) => r.offering_id === exact.id)).toMatchObject({
      social_enterprise_id: seA.user.organisationId,
      counts: true,
      projected_credit_cents: '3000000',
    });

    // Swap the codes: the order follows.
    await t
      .http()
      .patch(`/api/v1/offerings/${exact.id}`)
      .set(...bearer(seA))
      .send({ cpvCodes: ['90600000-3'] })
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/offerings/${sameClass.id}`)
      .set(...bearer(seB))
      .send({ cpvCodes: ['90911200-8'] })
      .expect(200);
    items = only(await matchesOf(), [exact.id, sameClass.id]);
    expect(items.map((m) => m.offeringId)).toEqual([sameClass.id, exact.id]);
    expect(items[1].reasons[0].value).toBe(0.25);

    // An offering outside the tender's CPV divisions is no candidate at all.
    await t
      .http()
      .patch(`/api/v1/offerings/${exact.id}`)
      .set(...bearer(seA))
      .send({ cpvCodes: ['45210000-2'] })
      .expect(200);
    items = only(await matchesOf(), [exact.id, sameClass.id]);
    expect(items.map((m) => m.offeringId)).toEqual([sameClass.id]);
  });

  it('changing a delivery postcode re-ranks by distance (and the radius cuts off)', async () => {
    const near = await createOffering(t, seA, {
      title: 'Glasbewassing',
      cpvCodes: ['90911300-9'],
      deliveryPostcode: '2011 AB',
    });
    const far = await createOffering(t, seB, {
      title: 'Glasbewassing',
      cpvCodes: ['90911300-9'],
      deliveryPostcode: '9711 AB',
    });
    let items = only(await matchesOf(), [near.id, far.id]);
    expect(items.map((m) => m.offeringId)).toEqual([near.id, far.id]);
    expect(items[0].distanceKm!).toBeLessThan(5);
    expect(items[1].distanceKm!).toBeGreaterThan(100);

    await t
      .http()
      .patch(`/api/v1/offerings/${near.id}`)
      .set(...bearer(seA))
      .send({ deliveryPostcode: '9711 AB' })
      .expect(200);
    await t
      .http()
      .patch(`/api/v1/offerings/${far.id}`)
      .set(...bearer(seB))
      .send({ deliveryPostcode: '2011 AB' })
      .expect(200);
    items = only(await matchesOf(), [near.id, far.id]);
    expect(items.map((m) => m.offeringId)).toEqual([far.id, near.id]);

    // A delivery radius that does not reach Haarlem takes the offering out of the candidates.
    await t
      .http()
      .patch(`/api/v1/offerings/${near.id}`)
      .set(...bearer(seA))
      .send({ deliveryRadiusKm: 25 })
      .expect(200);
    items = only(await matchesOf(), [near.id, far.id]);
    expect(items.map((m) => m.offeringId)).toEqual([far.id]);
  });

  it('a rejected or expired certificate turns a match to counts: false, listed below every counting one', async () => {
    const seC = await register(t, 'social_enterprise');
    const seD = await register(t, 'social_enterprise');
    const certC = await addCertification(t, seC, PSO, officer);
    const certD = await addCertification(t, seD, PSO, officer);
    const c = await createOffering(t, seC, { title: 'Schoonmaak', cpvCodes: ['90911200-8'] });
    const d = await createOffering(t, seD, { title: 'Schoonmaak', cpvCodes: ['90911200-8'] });
    let items = only(await matchesOf(), [c.id, d.id]);
    expect(items.map((m) => m.counts)).toEqual([true, true]);

    await t
      .http()
      .post(`/api/v1/certifications/${certC.id}/verification`)
      .set(...bearer(officer))
      .send({ decision: 'rejected' })
      .expect(200);
    const all = await matchesOf();
    items = only(all, [c.id, d.id]);
    expect(items.map((m) => [m.offeringId, m.counts])).toEqual([
      [d.id, true],
      [c.id, false],
    ]);
    expect(items[1]).toMatchObject({ projectedCreditCents: 0, spendToFillCents: null });
    const firstNonCounting = all.findIndex((m) => !m.counts);
    expect(all.slice(firstNonCounting).every((m) => !m.counts)).toBe(true);

    // Time passes: D's certificate ended yesterday. The daily job finds it and re-scores.
    const yesterday = new Date(Date.parse(`${todayInNl()}T12:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    await t.ds.query('UPDATE certification SET valid_until = $2 WHERE id = $1', [certD.id, yesterday]);
    await worker.get(MatchingService).certificateDates();
    items = only(await matchesOf(), [c.id, d.id]);
    expect(items.find((m) => m.offeringId === d.id)).toMatchObject({
      counts: false,
      projectedCreditCents: 0,
    });
  });

  it('a deleted offering disappears', async () => {
    const gone = await createOffering(t, seA, { title: 'Schoonmaak', cpvCodes: ['90911200-8'] });
    expect(only(await matchesOf(), [gone.id])).toHaveLength(1);
    await t
      .http()
      .delete(`/api/v1/offerings/${gone.id}`)
      .set(...bearer(seA))
      .expect((res) => expect([200, 204]).toContain(res.status));
    // Gone from the answer at once, and from the stored set after the re-score.
    const now = await t
      .http()
      .get(`/api/v1/obligations/${obligationId}/matches?limit=100`)
      .set(...bearer(contractor));
    expect(only(now.body.items, [gone.id])).toHaveLength(0);
    expect(only(await matchesOf(), [gone.id])).toHaveLength(0);
    // Other obligations in this shared database may match it too: each re-score of theirs is its own job, so wait
    // (with a deadline) until every stored set has dropped it.
    const deadline = Date.now() + 60_000;
    let left = await t.ds.getRepository(ObligationMatchEntity).countBy({ offeringId: gone.id });
    while (left > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      left = await t.ds.getRepository(ObligationMatchEntity).countBy({ offeringId: gone.id });
    }
    expect(left).toBe(0);
  });

  it('hiding a profile removes its offerings; publishing brings them back', async () => {
    const seE = await register(t, 'social_enterprise');
    const e = await createOffering(t, seE, { title: 'Schoonmaak', cpvCodes: ['90911200-8'] });
    expect(only(await matchesOf(), [e.id])).toHaveLength(1);
    const profile = {
      mission: 'Werk voor iedereen',
      targetGroups: ['participatiewet'],
      fteTotal: 10,
      fteTargetGroup: 6,
    };
    await t
      .http()
      .put(`/api/v1/social-enterprises/${seE.user.organisationId}/profile`)
      .set(...bearer(seE))
      .send({ ...profile, published: false })
      .expect(200);
    expect(only(await matchesOf(), [e.id])).toHaveLength(0);
    await t
      .http()
      .put(`/api/v1/social-enterprises/${seE.user.organisationId}/profile`)
      .set(...bearer(seE))
      .send(profile)
      .expect(200);
    const back = only(await matchesOf(), [e.id]);
    expect(back).toHaveLength(1);
    expect(back[0].reasons.find((r) => r.factor === 'target_groups')!.value).toBe(1);
  });

  it('pages best first with a keyset cursor', async () => {
    const all = await matchesOf();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: Match[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Match[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/v1/obligations/${obligationId}/matches?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(...bearer(contractor))
        .expect(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.map((m) => m.offeringId)).toEqual(all.map((m) => m.offeringId));
    await t
      .http()
      .get(`/api/v1/obligations/${obligationId}/matches?cursor=nonsense`)
      .set(...bearer(contractor))
      .expect(400);
  });

  it('refresh answers 202 with a job that can be polled; pending until it is done', async () => {
    const res = await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/matches/refresh`)
      .set(...bearer(officer))
      .expect(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    const before = await t
      .http()
      .get(`/api/v1/obligations/${obligationId}/matches`)
      .set(...bearer(officer));
    const deadline = Date.now() + 30_000;
    let job = await t
      .http()
      .get(`/api/v1/jobs/${res.body.id}`)
      .set(...bearer(officer))
      .expect(200);
    while (job.body.status !== 'done' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      job = await t
        .http()
        .get(`/api/v1/jobs/${res.body.id}`)
        .set(...bearer(officer))
        .expect(200);
    }
    expect(job.body).toMatchObject({ status: 'done', progress: 100, kind: 'matching_refresh' });
    const after = await settledMatches(t, `/api/v1/obligations/${obligationId}/matches`, officer);
    expect(after.revision).toBeGreaterThan(before.body.revision);
    expect(after.pending).toBe(false);
    expect(after.computedAt).toEqual(expect.any(String));
    // The contractor's organisation did not start this job.
    await t
      .http()
      .get(`/api/v1/jobs/${res.body.id}`)
      .set(...bearer(otherContractor))
      .expect(404);
  });

  it('tender matches: a bidder’s view of an active tender at its estimated value', async () => {
    const tender = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(tenderPolicyId, { estimatedValueCents: 40_000_000 }))
      .expect(201);
    const path = `/api/v1/tenders/${tender.body.id}/matches`;
    // A draft has no matches for anyone but the own officer, who learns it is not active.
    await t
      .http()
      .get(path)
      .set(...bearer(contractor))
      .expect(404);
    await t
      .http()
      .get(path)
      .set(...bearer(officer))
      .expect(422);
    await t
      .http()
      .post(`/api/v1/tenders/${tender.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);
    const page = await settledMatches(t, path, otherContractor);
    expect(page.tenderId).toBe(tender.body.id);
    expect(page.items.length).toBeGreaterThan(0);
    // 5 % of EUR 400,000: the credit a bidder could still need.
    expect(page.items[0]).toMatchObject({ counts: true, projectedCreditCents: 2_000_000 });
    await t
      .http()
      .get(path)
      .set(...bearer(officer))
      .expect(200);
    await t
      .http()
      .get(path)
      .set(...bearer(otherOfficer))
      .expect(403);
    await t
      .http()
      .get(path)
      .set(...bearer(seA))
      .expect(403);
    await t.http().get(path).expect(401);

    // The enterprise sees the tender and the obligation among its opportunities.
    const opp = await t
      .http()
      .get(`/api/v1/social-enterprises/${seB.user.organisationId}/opportunities?limit=100`)
      .set(...bearer(seB))
      .expect(200);
    const kinds = new Set(opp.body.items.map((o: { kind: string }) => o.kind));
    expect(kinds).toEqual(new Set(['obligation', 'tender']));
    expect(opp.body.items.find((o: { tenderId: string }) => o.tenderId === tender.body.id)).toMatchObject({
      kind: 'tender',
      tenderTitle: 'Schoonmaak gemeentelijke panden',
      buyerName: expect.any(String),
      projectedCreditCents: 2_000_000,
    });
    // Obligations of other specs in this database may be listed too: look for this one.
    expect(
      opp.body.items.find(
        (o: { kind: string; obligationId?: string }) =>
          o.kind === 'obligation' && o.obligationId === obligationId,
      ),
    ).toMatchObject({
      obligationId,
      reasons: expect.any(Array),
    });
  });

  it('authorisation on every route', async () => {
    const m = `/api/v1/obligations/${obligationId}/matches`;
    await t.http().get(m).expect(401);
    await t
      .http()
      .get(m)
      .set(...bearer(otherContractor))
      .expect(404);
    await t
      .http()
      .get(m)
      .set(...bearer(otherOfficer))
      .expect(404);
    await t
      .http()
      .get(m)
      .set(...bearer(seA))
      .expect(403);
    await t
      .http()
      .get(m)
      .set(...bearer(officer))
      .expect(200);
    await t
      .http()
      .get('/api/v1/obligations/00000000-0000-4000-8000-000000000000/matches')
      .set(...bearer(contractor))
      .expect(404);
    await t
      .http()
      .get('/api/v1/obligations/not-a-uuid/matches')
      .set(...bearer(contractor))
      .expect(400);
    await t.http().post(`${m}/refresh`).expect(401);
    await t
      .http()
      .post(`${m}/refresh`)
      .set(...bearer(otherContractor))
      .expect(404);
    await t
      .http()
      .post(`${m}/refresh`)
      .set(...bearer(otherOfficer))
      .expect(404);
    await t
      .http()
      .post(`${m}/refresh`)
      .set(...bearer(seA))
      .expect(403);
    const o = `/api/v1/social-enterprises/${seA.user.organisationId}/opportunities`;
    await t.http().get(o).expect(401);
    await t
      .http()
      .get(o)
      .set(...bearer(seB))
      .expect(403);
    await t
      .http()
      .get(o)
      .set(...bearer(contractor))
      .expect(403);
    await t
      .http()
      .get(o)
      .set(...bearer(seA))
      .expect(200);
    await t
      .http()
      .get('/api/v1/tenders/00000000-0000-4000-8000-000000000000/matches')
      .set(...bearer(contractor))
      .expect(404);
  });
});
