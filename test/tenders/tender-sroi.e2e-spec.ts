import { createTestApp, TestApp } from '../support/app';
import { bearer, createBuyerWithOfficer, register, Session, uniqueWord } from '../support/factories';
import { publishedPolicy, tenderBody } from '../support/procurement';

jest.setTimeout(60_000);

/**
 * api.md "Tender pages": a public tender shows its SROI condition in money: the policy's name and version, the
 * percentage that applies and the obligation it would create at its estimated value, computed by the SROI engine
 * (the same figure the award then sets, for a contractor without a PSO discount).
 */
describe('tender pages show the SROI condition in money (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let policyId: string;
  const version = `sroi-page-${Date.now()}`;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    // Default 5 %, 2 % below a labour share of 0.3, nothing below € 100.000,00.
    policyId = await publishedPolicy(t, officer, { name: 'Social return op de tenderpagina', version });
  });

  afterAll(() => t.close());

  async function publishedTender(over: Record<string, unknown>): Promise<string> {
    const created = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId, over))
      .expect(201);
    await t
      .http()
      .post(`/api/v1/tenders/${created.body.id}/publish`)
      .set(...bearer(officer))
      .expect(200);
    return created.body.id;
  }

  const publicView = async (id: string) => (await t.http().get(`/api/v1/tenders/${id}`).expect(200)).body;

  it("shows the policy's percentage and the expected obligation when the tender sets none", async () => {
    const word = uniqueWord();
    const id = await publishedTender({ estimatedValueCents: 78_000_000, title: `Schoonmaak ${word}` });
    const tender = await publicView(id);
    expect(tender.sroi).toEqual({
      policyId,
      policyName: 'Social return op de tenderpagina',
      policyVersion: version,
      percentage: 5,
      percentageOverride: null,
      estimatedObligationCents: 3_900_000, // € 780.000,00 × 5 % = € 39.000,00
      applicable: true,
      notApplicableReason: null,
    });
    // The list shows the same condition.
    const list = await t.http().get('/api/v1/tenders').query({ status: 'active', q: word }).expect(200);
    expect(list.body.items.map((x: { id: string; sroi: unknown }) => [x.id, x.sroi])).toEqual([
      [id, tender.sroi],
    ]);
  });

  it("uses the tender's own percentage over the policy's", async () => {
    const tender = await publicView(await publishedTender({ sroi: { policyId, percentage: 6.5 } }));
    expect(tender.sroi).toMatchObject({
      percentage: 6.5,
      percentageOverride: 6.5,
      estimatedObligationCents: 3_900_000,
    });
  });

  it("uses the policy's low-labour percentage for a low labour share", async () => {
    const tender = await publicView(await publishedTender({ labourShare: 0.2 }));
    expect(tender.sroi).toMatchObject({
      percentage: 2,
      percentageOverride: null,
      estimatedObligationCents: 1_200_000,
    });
  });

  it('says when the policy asks nothing of the tender (below the threshold)', async () => {
    const tender = await publicView(await publishedTender({ estimatedValueCents: 5_000_000 }));
    expect(tender.sroi).toMatchObject({
      percentage: null,
      estimatedObligationCents: 0,
      applicable: false,
      notApplicableReason: 'BELOW_THRESHOLD',
    });
  });

  it('matches the obligation the award sets at the estimated value', async () => {
    const id = await publishedTender({ estimatedValueCents: 61_234_567 });
    const expected = (await publicView(id)).sroi.estimatedObligationCents;
    expect(expected).toBe(3_061_728); // 5 % of € 612.345,67, rounded half up
    const award = await t
      .http()
      .post(`/api/v1/tenders/${id}/award`)
      .set(...bearer(officer))
      .send({ contractorOrganisationId: contractor.user.organisationId, contractValueCents: 61_234_567 })
      .expect(201);
    expect(award.body.obligation.amountCents).toBe(expected);
    // Awarded, the tender still shows its condition to its officer.
    const own = await t
      .http()
      .get(`/api/v1/tenders/${id}`)
      .set(...bearer(officer))
      .expect(200);
    expect(own.body.sroi.estimatedObligationCents).toBe(expected);
  });
});
