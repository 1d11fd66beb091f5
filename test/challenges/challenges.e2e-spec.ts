import { addDays, ChallengeMatchingService, ChallengesService } from '@app/domain';
import { todayInNl } from '@app/common';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { relayUntil, startWorker, TestWorker } from '../support/worker';
import {
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
  uniqueWord,
} from '../support/factories';
import { publishedPolicy, tenderBody } from '../support/procurement';

jest.setTimeout(120_000);

/**
 * Issue 34, challenges: the NewFuture@Work competition from draft to decision (proposals with partners, one per
 * organisation, edits until the deadline, shortlist before winners, feedback to each proposer, winners in public),
 * a tender that follows from it, and an open challenge among a matching enterprise's opportunities.
 */
describe('challenges (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let otherOfficer: Session;
  let c1: Session;
  let c2: Session;
  let e1: Session;
  let e2: Session;
  let challengeId: string;
  let p1: string;
  let p2: string;
  let p3: string;
  let w: TestWorker;
  const word = uniqueWord('newfuture');

  const http = () => t.http();
  const body = {
    title: `NewFuture@Work ${word}`,
    description: 'Hoe helpen we jongeren in Schalkwijk aan een eerste baan?',
    theme: 'werk',
    kind: 'competition',
    deadline: addDays(todayInNl(), 30),
    area: { postcode: '2035 AB', name: 'Schalkwijk' },
    cpvCodes: ['77313000-7'],
    targetGroups: ['participatiewet'],
    budgetCents: 2_500_000,
    rewardDescription: 'Een pilot van een jaar',
  };

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    [c1, c2, e1, e2] = [
      await register(t, 'contractor'),
      await register(t, 'contractor'),
      await register(t, 'social_enterprise'),
      await register(t, 'social_enterprise'),
    ];
    await clearBacklog(t.ds, await dbNow(t.ds));
    w = await startWorker();
  });
  afterAll(async () => {
    await w?.close();
    await t.close();
  });

  it('keeps a draft to its officers, lets them change it, and publishes it', async () => {
    const created = await http()
      .post('/api/v1/challenges')
      .set(...bearer(officer))
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({ status: 'draft', kind: 'competition', deadline: body.deadline });
    challengeId = created.body.id;
    await http()
      .post('/api/v1/challenges')
      .set(...bearer(c1))
      .send(body)
      .expect(403);
    await http().get(`/api/v1/challenges/${challengeId}`).expect(404);
    await http()
      .get(`/api/v1/challenges/${challengeId}`)
      .set(...bearer(otherOfficer))
      .expect(404);
    const patched = await http()
      .patch(`/api/v1/challenges/${challengeId}`)
      .set(...bearer(officer))
      .send({ rewardDescription: 'Een pilot van een jaar met de gemeente' })
      .expect(200);
    expect(patched.body).toMatchObject({
      rewardDescription: 'Een pilot van een jaar met de gemeente',
      cpvCodes: ['77313000-7'],
    });
    await http()
      .patch(`/api/v1/challenges/${challengeId}`)
      .set(...bearer(otherOfficer))
      .send({})
      .expect(404);
    await http()
      .post('/api/v1/challenges')
      .set(...bearer(officer))
      .send({ ...body, deadline: '2027-02-30' })
      .expect(400);
    const published = await http()
      .post(`/api/v1/challenges/${challengeId}/publish`)
      .set(...bearer(officer))
      .expect(200);
    expect(published.body.status).toBe('open');
    const again = await http()
      .post(`/api/v1/challenges/${challengeId}/publish`)
      .set(...bearer(officer))
      .expect(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    const locked = await http()
      .patch(`/api/v1/challenges/${challengeId}`)
      .set(...bearer(officer))
      .send({ theme: 'x' });
    expect([locked.status, locked.body.code]).toEqual([409, 'CHALLENGE_NOT_EDITABLE']);
    const pub = await http().get(`/api/v1/challenges/${challengeId}`).expect(200);
    expect(pub.body).toMatchObject({ status: 'open', proposalCount: 0, winners: [] });
    expect(pub.body.buyerName).toMatch(/Gemeente/);
    const list = await http()
      .get('/api/v1/challenges')
      .query({ q: word, theme: 'werk', status: 'open' })
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([challengeId]);
    const none = await http().get('/api/v1/challenges').query({ q: word, status: 'decided' }).expect(200);
    expect(none.body.items).toEqual([]);
  });

  it('takes one proposal per organisation, with partners, editable until the deadline', async () => {
    const first = await http()
      .post(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(c1))
      .send({
        summary: 'Leerwerkplekken in het groenonderhoud',
        approach: 'Twaalf jongeren werken een jaar mee.',
        requestedBudgetCents: 2_000_000,
        partnerOrganisationIds: [e1.user.organisationId],
      })
      .expect(201);
    p1 = first.body.id;
    expect(first.body).toMatchObject({
      status: 'submitted',
      partnerOrganisationIds: [e1.user.organisationId],
    });
    expect(first.body.partners[0].name).toMatch(/social_enterprise/);
    const dup = await http()
      .post(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(c1))
      .send({ summary: 'Nog een', approach: 'x' })
      .expect(409);
    expect(dup.body.code).toBe('ALREADY_PROPOSED');
    const selfPartner = await http()
      .post(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(c2))
      .send({ summary: 'S', approach: 'A', partnerOrganisationIds: [c2.user.organisationId] })
      .expect(422);
    expect(selfPartner.body.code).toBe('INVALID_PARTNER');
    p2 = (
      await http()
        .post(`/api/v1/challenges/${challengeId}/proposals`)
        .set(...bearer(e2))
        .send({ summary: 'Een buurtbedrijf voor jongeren', approach: 'Wij leiden op.' })
        .expect(201)
    ).body.id;
    p3 = (
      await http()
        .post(`/api/v1/challenges/${challengeId}/proposals`)
        .set(...bearer(c2))
        .send({ summary: 'Tijdelijk', approach: 'Trekken we terug.' })
        .expect(201)
    ).body.id;
    await http()
      .delete(`/api/v1/proposals/${p3}`)
      .set(...bearer(c2))
      .expect(204);
    await http()
      .delete(`/api/v1/proposals/${p1}`)
      .set(...bearer(c2))
      .expect(404);
    const edited = await http()
      .patch(`/api/v1/proposals/${p1}`)
      .set(...bearer(c1))
      .send({ summary: 'Leerwerkplekken in het groenonderhoud van Schalkwijk' })
      .expect(200);
    expect(edited.body.summary).toBe('Leerwerkplekken in het groenonderhoud van Schalkwijk');
    await http()
      .patch(`/api/v1/proposals/${p1}`)
      .set(...bearer(e2))
      .send({ summary: 'x' })
      .expect(404);

    const all = await http()
      .get(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(officer))
      .expect(200);
    expect(all.body.items.map((p: { id: string }) => p.id).sort()).toEqual([p1, p2].sort());
    const partner = await http()
      .get(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(e1))
      .expect(200);
    expect(partner.body.items.map((p: { id: string }) => p.id)).toEqual([p1]);
    const own = await http()
      .get(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(e2))
      .expect(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([p2]);
    const stranger = await http()
      .get(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(c2))
      .expect(200);
    expect(stranger.body.items).toEqual([]);
    const early = await http()
      .post(`/api/v1/proposals/${p1}/decision`)
      .set(...bearer(officer))
      .send({ decision: 'shortlisted', feedback: 'Goed plan' })
      .expect(409);
    expect(early.body.code).toBe('CHALLENGE_NOT_JUDGING');
    const [outbox] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'kind' = 'proposal_received' AND payload->>'organisationId' = $1`,
      [officer.user.organisationId],
    );
    expect(outbox.n).toBeGreaterThanOrEqual(2);
  });

  it('closes for proposals at the deadline, before the worker records it, and GET writes nothing', async () => {
    await t.ds.query(`UPDATE challenge SET closes_at = now() - interval '1 minute' WHERE id = $1`, [
      challengeId,
    ]);
    const late = await http()
      .patch(`/api/v1/proposals/${p1}`)
      .set(...bearer(c1))
      .send({ summary: 'Te laat' })
      .expect(409);
    expect(late.body.code).toBe('CHALLENGE_CLOSED');
    expect(
      (
        await http()
          .delete(`/api/v1/proposals/${p2}`)
          .set(...bearer(e2))
          .expect(409)
      ).body.code,
    ).toBe('CHALLENGE_CLOSED');
    const newcomer = await http()
      .post(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(c2))
      .send({ summary: 'S', approach: 'A' })
      .expect(409);
    expect(newcomer.body.code).toBe('CHALLENGE_CLOSED');
    expect((await http().get(`/api/v1/challenges/${challengeId}`).expect(200)).body.status).toBe('judging');
    const [stored] = await t.ds.query('SELECT status FROM challenge WHERE id = $1', [challengeId]);
    expect(stored.status).toBe('open');
    // The worker's sweep (close-due-challenges) records it.
    expect(await t.app.get(ChallengesService).closeDue()).toBeGreaterThanOrEqual(1);
    const [after] = await t.ds.query('SELECT status FROM challenge WHERE id = $1', [challengeId]);
    expect(after.status).toBe('judging');
  });

  it('shortlists before it picks winners, gives each proposer its feedback and publishes the winners', async () => {
    const decide = (id: string, decision: string, feedback: string, who = officer) =>
      http()
        .post(`/api/v1/proposals/${id}/decision`)
        .set(...bearer(who))
        .send({ decision, feedback });
    const tooSoon = await decide(p1, 'winner', 'Winnaar').expect(422);
    expect(tooSoon.body.code).toBe('NOT_SHORTLISTED');
    await decide(p1, 'shortlisted', 'Op de shortlist', otherOfficer).expect(404);
    await decide(p1, 'shortlisted', 'Op de shortlist').expect(200);
    await decide(p2, 'not_selected', 'Mooi idee, maar te klein voor deze vraag.').expect(200);
    const won = await decide(p1, 'winner', 'Het sterkste plan: van harte gefeliciteerd.').expect(200);
    expect(won.body).toMatchObject({ status: 'winner', decision: 'winner' });
    expect((await http().get(`/api/v1/challenges/${challengeId}`).expect(200)).body.winners).toEqual([]);
    const finished = await http()
      .post(`/api/v1/challenges/${challengeId}/finish`)
      .set(...bearer(officer))
      .expect(200);
    expect(finished.body.status).toBe('decided');
    const pub = await http().get(`/api/v1/challenges/${challengeId}`).expect(200);
    expect(pub.body.proposalCounts).toEqual({ total: 2, shortlisted: 1, winners: 1 });
    expect(pub.body.winners).toEqual([
      {
        proposalId: p1,
        organisationId: c1.user.organisationId,
        organisationName: expect.stringMatching(/contractor/),
        summary: 'Leerwerkplekken in het groenonderhoud van Schalkwijk',
      },
    ]);
    const mine = await http()
      .get(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(c1))
      .expect(200);
    expect(mine.body.items[0]).toMatchObject({ feedback: 'Het sterkste plan: van harte gefeliciteerd.' });
    const theirs = await http()
      .get(`/api/v1/challenges/${challengeId}/proposals`)
      .set(...bearer(e2))
      .expect(200);
    expect(theirs.body.items[0]).toMatchObject({
      status: 'not_selected',
      feedback: 'Mooi idee, maar te klein voor deze vraag.',
    });
    await decide(p2, 'winner', 'Toch').expect(409);
    const [decided] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'kind' = 'proposal_decided' AND payload->>'organisationId' = $1`,
      [c1.user.organisationId],
    );
    expect(decided.n).toBe(2);
  });

  it('links a tender to the challenge it follows from, shown on both', async () => {
    const policyId = await publishedPolicy(t, officer);
    const tender = await http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId, { title: `Groenonderhoud Schalkwijk ${word}`, challengeId }))
      .expect(201);
    expect(tender.body.challengeId).toBe(challengeId);
    await http()
      .post(`/api/v1/tenders/${tender.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);
    expect((await http().get(`/api/v1/tenders/${tender.body.id}`).expect(200)).body.challengeId).toBe(
      challengeId,
    );
    const c = await http().get(`/api/v1/challenges/${challengeId}`).expect(200);
    expect(c.body.tenders).toEqual([{ id: tender.body.id, title: `Groenonderhoud Schalkwijk ${word}` }]);
    const foreign = await http()
      .post('/api/v1/tenders')
      .set(...bearer(otherOfficer))
      .send(tenderBody(await publishedPolicy(t, otherOfficer), { challengeId }))
      .expect(422);
    expect(foreign.body.code).toBe('INVALID_CHALLENGE');
  });

  it('shows an open challenge among a matching enterprise’s opportunities and tells it', async () => {
    const offering = await createOffering(t, e1, {
      title: `Groenonderhoud met leerwerkplekken ${word}`,
      cpvCodes: ['77313000-7'],
    });
    const open = await http()
      .post('/api/v1/challenges')
      .set(...bearer(officer))
      .send({
        ...body,
        kind: 'open_call',
        title: `Schone parken ${word}`,
        deadline: addDays(todayInNl(), 20),
      })
      .expect(201);
    await http()
      .post(`/api/v1/challenges/${open.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);
    const [job] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'score-challenge' AND payload->>'challengeId' = $1`,
      [open.body.id],
    );
    expect(job.n).toBe(1);
    // The real worker takes the job from the outbox and stores the matches.
    await relayUntil(w.relay, 'score-challenge', async () => {
      const [row] = await t.ds.query(
        'SELECT count(*)::int AS n FROM challenge_match WHERE challenge_id = $1',
        [open.body.id],
      );
      return row.n > 0;
    });
    const opp = await http()
      .get(`/api/v1/social-enterprises/${e1.user.organisationId}/opportunities`)
      .query({ limit: 100 })
      .set(...bearer(e1))
      .expect(200);
    const item = opp.body.items.find((i: { challengeId?: string }) => i.challengeId === open.body.id);
    expect(item).toMatchObject({
      kind: 'challenge',
      challengeId: open.body.id,
      title: `Schone parken ${word}`,
      offeringId: offering.id,
      counts: false,
    });
    expect(item.score).toBeGreaterThan(0.5);
    expect(item.reasons.map((r: { factor: string }) => r.factor)).toEqual([
      'cpv',
      'target_groups',
      'distance',
      'text',
    ]);
    const [told] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'kind' = 'new_opportunity' AND payload->>'organisationId' = $1`,
      [e1.user.organisationId],
    );
    expect(told.n).toBe(1);
    // An offering created after publication finds the challenge at the worker's next sweep.
    const late = await createOffering(t, e2, { title: `Parkonderhoud ${word}`, cpvCodes: ['77313000-7'] });
    expect(await t.app.get(ChallengeMatchingService).rescoreStale()).toBeGreaterThanOrEqual(1);
    const e2Opps = await http()
      .get(`/api/v1/social-enterprises/${e2.user.organisationId}/opportunities`)
      .query({ limit: 100 })
      .set(...bearer(e2))
      .expect(200);
    expect(
      e2Opps.body.items.find((i: { challengeId?: string }) => i.challengeId === open.body.id),
    ).toMatchObject({
      offeringId: late.id,
    });
    // Each enterprise is told once per challenge, however often it is scored.
    const [stillOnce] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE payload->>'kind' = 'new_opportunity'
          AND payload->>'organisationId' = $1 AND payload->'params'->>'challengeId' = $2`,
      [e1.user.organisationId, open.body.id],
    );
    expect(stillOnce.n).toBe(1);
    // A challenge past its deadline is no longer an opportunity.
    await t.ds.query(`UPDATE challenge SET closes_at = now() - interval '1 second' WHERE id = $1`, [
      open.body.id,
    ]);
    const later = await http()
      .get(`/api/v1/social-enterprises/${e1.user.organisationId}/opportunities`)
      .query({ limit: 100 })
      .set(...bearer(e1))
      .expect(200);
    expect(
      later.body.items.find((i: { challengeId?: string }) => i.challengeId === open.body.id),
    ).toBeUndefined();
    // Judged by its deadline even before the sweep records it: the officer may finish it at once.
    const finished = await http()
      .post(`/api/v1/challenges/${open.body.id}/finish`)
      .set(...bearer(officer))
      .expect(200);
    expect(finished.body.status).toBe('decided');
  });
});
