import { createTestApp, TestApp } from '../support/app';
import { bearer, createBuyerWithOfficer, register, Session, uniqueWord } from '../support/factories';
import { awardedObligation } from '../support/procurement';

jest.setTimeout(120_000);

/**
 * Issue 34, initiatives: a resident's idea entered by an officer (the contact hidden from the public), pledges
 * offered → accepted → delivered, an illegal move, a delivered pledge counted once as a social_activity
 * contribution, the outcome, and the stats.
 */
describe('initiatives (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let otherContractor: Session;
  let se: Session;
  let initiativeId: string;
  let hoursPledge: string;
  let moneyPledge: string;
  let obligationId: string;
  const word = uniqueWord('moestuin');
  const period = { from: '2031-03-01', to: '2031-03-31' };

  const http = () => t.http();

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    otherContractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    obligationId = (await awardedObligation(t, officer, contractor)).obligationId;
  });
  afterAll(() => t.close());

  it('lets an officer enter a resident’s idea, and keeps the contact from the public', async () => {
    const created = await http()
      .post('/api/v1/initiatives')
      .set(...bearer(officer))
      .send({
        title: `Buurtmoestuin ${word}`,
        summary: 'Een moestuin waar buren samen groente kweken.',
        postcode: '2035 AB',
        needs: [
          { kind: 'hours', description: 'Handen om de bakken te bouwen', hours: 40 },
          { kind: 'money', description: 'Zaden en gereedschap', amountCents: 150_000 },
          { kind: 'space', description: 'Een schuur voor het gereedschap' },
        ],
        pitchedAt: { date: '2031-03-12', eventName: 'Initiatievencafé Schalkwijk' },
        initiator: { name: 'Fatima el Amrani', email: 'fatima@example.nl' },
      })
      .expect(201);
    initiativeId = created.body.id;
    expect(created.body).toMatchObject({
      status: 'pitched',
      forResident: true,
      initiator: { name: 'Fatima el Amrani', email: 'fatima@example.nl' },
      pitchedAt: { date: '2031-03-12', eventName: 'Initiatievencafé Schalkwijk' },
    });
    const pub = await http().get(`/api/v1/initiatives/${initiativeId}`).expect(200);
    expect(pub.body.initiator).toBeNull();
    expect(JSON.stringify(pub.body)).not.toContain('fatima');
    const asContractor = await http()
      .get(`/api/v1/initiatives/${initiativeId}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(asContractor.body.initiator).toBeNull();
    const list = await http().get('/api/v1/initiatives').query({ q: word }).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([initiativeId]);
    expect(JSON.stringify(list.body)).not.toContain('fatima');
    // Only an officer enters an idea for somebody else.
    const notOfficer = await http()
      .post('/api/v1/initiatives')
      .set(...bearer(se))
      .send({ title: 'X', summary: 'Y', needs: [], initiator: { name: 'Iemand' } })
      .expect(403);
    expect(notOfficer.body.code).toBe('INITIATOR_OFFICER_ONLY');
    await http().post('/api/v1/initiatives').send({ title: 'X', summary: 'Y', needs: [] }).expect(401);
    const own = await http()
      .post('/api/v1/initiatives')
      .set(...bearer(se))
      .send({
        title: `Repaircafé ${word}`,
        summary: 'Samen repareren',
        needs: [{ kind: 'network', description: 'Vrijwilligers' }],
      })
      .expect(201);
    expect(own.body.initiator).toMatchObject({ name: 'Test Person' });
    expect((await http().get(`/api/v1/initiatives/${own.body.id}`).expect(200)).body.initiator).toBeNull();
  });

  it('takes pledges and moves them offered → accepted → delivered, refusing an illegal move', async () => {
    const pledge = (who: Session, body: object) =>
      http()
        .post(`/api/v1/initiatives/${initiativeId}/pledges`)
        .set(...bearer(who))
        .send(body);
    hoursPledge = (
      await pledge(contractor, {
        needIndex: 0,
        kind: 'hours',
        description: 'Twee timmerlieden, drie dagen',
        hours: 24,
      }).expect(201)
    ).body.id;
    moneyPledge = (
      await pledge(se, {
        needIndex: 1,
        kind: 'money',
        description: 'Bijdrage zaden',
        amountCents: 50_000,
      }).expect(201)
    ).body.id;
    const wrongKind = await pledge(se, { needIndex: 1, kind: 'hours', description: 'x', hours: 1 }).expect(
      422,
    );
    expect(wrongKind.body.code).toBe('INVALID_NEED');
    expect(
      (await pledge(se, { needIndex: 9, kind: 'money', description: 'x', amountCents: 1 }).expect(422)).body
        .code,
    ).toBe('INVALID_NEED');
    await pledge(se, { kind: 'money', description: 'Zonder bedrag' }).expect(400);

    const [told] = await t.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message
        WHERE payload->>'kind' = 'pledge_received' AND payload->>'organisationId' = $1
          AND payload->'params'->>'initiativeId' = $2`,
      [officer.user.organisationId, initiativeId],
    );
    expect(told.n).toBe(2);
    const view = await http().get(`/api/v1/initiatives/${initiativeId}`).expect(200);
    expect(view.body.needs[0]).toMatchObject({ kind: 'hours', pledgedCount: 1, pledgedHours: 24 });
    expect(view.body.needs[1]).toMatchObject({ kind: 'money', pledgedCount: 1, pledgedAmountCents: 50_000 });
    expect(view.body.pledges.map((p: { status: string }) => p.status)).toEqual(['offered', 'offered']);

    const early = await http()
      .post(`/api/v1/pledges/${hoursPledge}/deliver`)
      .set(...bearer(officer))
      .expect(409);
    expect(early.body.code).toBe('ILLEGAL_TRANSITION');
    await http()
      .post(`/api/v1/pledges/${hoursPledge}/accept`)
      .set(...bearer(otherContractor))
      .expect(403);
    await http()
      .post(`/api/v1/pledges/${hoursPledge}/accept`)
      .set(...bearer(officer))
      .expect(200);
    const again = await http()
      .post(`/api/v1/pledges/${hoursPledge}/accept`)
      .set(...bearer(officer))
      .expect(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
    const delivered = await http()
      .post(`/api/v1/pledges/${hoursPledge}/deliver`)
      .set(...bearer(officer))
      .expect(200);
    expect(delivered.body.status).toBe('delivered');
    await http()
      .post(`/api/v1/pledges/${moneyPledge}/accept`)
      .set(...bearer(officer))
      .expect(200);
  });

  it('counts a delivered pledge once as a social_activity contribution of the contractor that pledged', async () => {
    const notYet = await http()
      .post(`/api/v1/pledges/${moneyPledge}/contribution`)
      .set(...bearer(contractor))
      .send({ obligationId, blockCode: 'ACT_HOUR' })
      .expect(404);
    expect(notYet.body.code).toBe('PLEDGE_NOT_FOUND');
    await http()
      .post(`/api/v1/pledges/${hoursPledge}/contribution`)
      .set(...bearer(otherContractor))
      .send({ obligationId, blockCode: 'ACT_HOUR' })
      .expect(404);
    const wrongBlock = await http()
      .post(`/api/v1/pledges/${hoursPledge}/contribution`)
      .set(...bearer(contractor))
      .send({ obligationId, blockCode: 'PW' })
      .expect(422);
    expect(wrongBlock.body.code).toBe('PLEDGE_NOT_COUNTABLE');
    const counted = await http()
      .post(`/api/v1/pledges/${hoursPledge}/contribution`)
      .set(...bearer(contractor))
      .send({ obligationId, blockCode: 'ACT_HOUR' })
      .expect(201);
    // 24 hours × € 100 per hour (the test policy's ACT_HOUR block).
    expect(counted.body).toMatchObject({
      status: 'submitted',
      category: 'social_activity',
      claimedValueCents: 240_000,
      pledgeId: hoursPledge,
      body: { category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 24 },
    });
    const twice = await http()
      .post(`/api/v1/pledges/${hoursPledge}/contribution`)
      .set(...bearer(contractor))
      .send({ obligationId, blockCode: 'ACT_HOUR' })
      .expect(409);
    expect(twice.body.code).toBe('PLEDGE_ALREADY_COUNTED');
    // Reviewed like any other contribution.
    await http()
      .post(`/api/v1/contributions/${counted.body.id}/review`)
      .set(...bearer(officer))
      .send({ decision: 'verified' })
      .expect(200);
    const list = await http()
      .get(`/api/v1/obligations/${obligationId}/contributions`)
      .set(...bearer(contractor))
      .expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === counted.body.id)).toMatchObject({
      status: 'verified',
      pledgeId: hoursPledge,
    });
    const view = await http().get(`/api/v1/initiatives/${initiativeId}`).expect(200);
    expect(view.body.pledges.find((p: { id: string }) => p.id === hoursPledge).contributionId).toBe(
      counted.body.id,
    );
  });

  it('records the outcome and refuses an illegal move', async () => {
    await http()
      .patch(`/api/v1/initiatives/${initiativeId}`)
      .set(...bearer(contractor))
      .send({ status: 'realised' })
      .expect(403);
    const going = await http()
      .patch(`/api/v1/initiatives/${initiativeId}`)
      .set(...bearer(officer))
      .send({ status: 'in_progress' })
      .expect(200);
    expect(going.body.status).toBe('in_progress');
    const done = await http()
      .patch(`/api/v1/initiatives/${initiativeId}`)
      .set(...bearer(officer))
      .send({ status: 'realised', outcomeNote: 'De tuin is geopend op 1 mei.' })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'realised', outcomeNote: 'De tuin is geopend op 1 mei.' });
    const back = await http()
      .patch(`/api/v1/initiatives/${initiativeId}`)
      .set(...bearer(officer))
      .send({ status: 'in_progress' })
      .expect(409);
    expect(back.body.code).toBe('ILLEGAL_TRANSITION');
    const closed = await http()
      .post(`/api/v1/initiatives/${initiativeId}/pledges`)
      .set(...bearer(se))
      .send({ kind: 'network', description: 'Te laat' })
      .expect(409);
    expect(closed.body.code).toBe('INITIATIVE_CLOSED');
  });

  it('sums the period: pitched, outcomes, pledges and the verified SROI credit', async () => {
    // A second idea in the same period, stopped, and one outside it.
    const stopped = await http()
      .post('/api/v1/initiatives')
      .set(...bearer(officer))
      .send({
        title: `Kledingruil ${word}`,
        summary: 'Ruilen in plaats van kopen',
        needs: [],
        pitchedAt: { date: '2031-03-20', eventName: 'Initiatievencafé' },
      })
      .expect(201);
    await http()
      .patch(`/api/v1/initiatives/${stopped.body.id}`)
      .set(...bearer(officer))
      .send({ status: 'stopped' })
      .expect(200);
    await http()
      .post('/api/v1/initiatives')
      .set(...bearer(officer))
      .send({ title: 'Later', summary: 'x', needs: [], pitchedAt: { date: '2031-04-02', eventName: 'Café' } })
      .expect(201);
    const stats = await http().get('/api/v1/initiatives/stats').query(period).expect(200);
    expect(stats.body).toEqual({
      pitched: 2,
      inProgress: 0,
      realised: 1,
      changed: 0,
      stopped: 1,
      pledges: { count: 2, amountCents: 50_000, hours: 24 },
      sroiCreditCents: 240_000,
    });
    await http().get('/api/v1/initiatives/stats').query({ from: 'gisteren' }).expect(400);
    const all = await http().get('/api/v1/initiatives/stats').expect(200);
    expect(all.body.pitched).toBeGreaterThanOrEqual(4);
  });
});
