import { todayInNl } from '@app/common';
import { addDays } from '@app/domain';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { publishedPolicy, tenderBody } from '../support/procurement';

jest.setTimeout(120_000);

type Body = { id: string } & Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted on as they come
type Json = Record<string, any>;

const today = todayInNl();
const contractPeriod = { startDate: addDays(today, -200), endDate: addDays(today, 500) };

/** api.md "Names with ids": every response that names another organisation gives its name next to its id. */
describe('Names next to ids (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let se: Session;
  let names: { buyer: string; contractor: string; se: string };
  let tenderId: string;
  let obligationId: string;
  let offeringId: string;
  const title = `Groenonderhoud parken ${process.pid}-${Date.now()}`;

  const get = async (who: Session, path: string): Promise<Json> =>
    (
      await t
        .http()
        .get(path)
        .set(...bearer(who))
        .expect(200)
    ).body;

  const orgName = async (who: Session): Promise<string> =>
    ((await get(who, '/api/v1/me')).organisation as { name: string }).name;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    names = { buyer: await orgName(officer), contractor: await orgName(contractor), se: await orgName(se) };
    const validity = { validFrom: addDays(today, -400), validUntil: addDays(today, 900) };
    await addCertification(t, se, { type: 'pso_30plus', ...validity }, officer);
    offeringId = (await createOffering(t, se, { labourShare: 0.6 })).id;
    const policyId = await publishedPolicy(t, officer);
    const tender = await t
      .http()
      .post('/api/v1/tenders')
      .set(...bearer(officer))
      .send(tenderBody(policyId, { title, contractPeriod }))
      .expect(201);
    tenderId = tender.body.id;
    await t
      .http()
      .post(`/api/v1/tenders/${tenderId}/publish`)
      .set(...bearer(officer))
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a tender names its buyer, and its contractor only once awarded', async () => {
    const before = await get(officer, `/api/v1/tenders/${tenderId}`);
    expect(before).toMatchObject({ buyerName: names.buyer, contractorName: null });
    const award = await t
      .http()
      .post(`/api/v1/tenders/${tenderId}/award`)
      .set(...bearer(officer))
      .send({ contractorOrganisationId: contractor.user.organisationId, contractValueCents: 60_000_000 })
      .expect(201);
    obligationId = award.body.obligation.id;
    expect(award.body.obligation).toMatchObject({
      contractorOrganisationId: contractor.user.organisationId,
      contractorName: names.contractor,
      buyerName: names.buyer,
      tenderTitle: title,
    });
    const after = await get(officer, `/api/v1/tenders/${tenderId}`);
    expect(after).toMatchObject({
      buyerName: names.buyer,
      contractorName: names.contractor,
      award: { contractorOrganisationId: contractor.user.organisationId, contractorName: names.contractor },
    });
    // The list names it too (the whole page's contracts in one query).
    const list = await get(officer, `/api/v1/tenders?status=awarded&q=${encodeURIComponent(title)}`);
    expect(list.items).toEqual([expect.objectContaining({ id: tenderId, contractorName: names.contractor })]);
  });

  it('an obligation names its contractor and buyer, one by one and in the list, for both parties', async () => {
    for (const who of [officer, contractor]) {
      const one = await get(who, `/api/v1/obligations/${obligationId}`);
      expect(one).toMatchObject({
        contractorName: names.contractor,
        buyerName: names.buyer,
        tenderTitle: title,
      });
      const list = await get(who, '/api/v1/obligations?limit=100');
      expect(list.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: obligationId,
            contractorName: names.contractor,
            buyerName: names.buyer,
          }),
        ]),
      );
    }
  });

  it('quote requests, quotes and orders name both parties, the tender and the contract period', async () => {
    const context = {
      contractorName: names.contractor,
      socialEnterpriseName: names.se,
      tenderTitle: title,
      contractPeriod,
    };
    const request = (
      await t
        .http()
        .post('/api/v1/quote-requests')
        .set(...bearer(contractor))
        .send({ obligationId, offeringId, description: 'Maaien en snoeien' })
        .expect(201)
    ).body as Body;
    expect(request).toMatchObject(context);
    // What the enterprise sees: who asked, for which tender, over which period.
    expect(await get(se, `/api/v1/quote-requests/${request.id}`)).toMatchObject(context);
    const seList = await get(se, '/api/v1/quote-requests');
    expect(seList.items).toEqual([expect.objectContaining({ id: request.id, ...context })]);

    const quote = (
      await t
        .http()
        .post(`/api/v1/quote-requests/${request.id}/quotes`)
        .set(...bearer(se))
        .send({ amountCents: 1_000_000, validUntil: addDays(today, 30) })
        .expect(201)
    ).body as Body;
    expect(quote).toMatchObject(context);
    expect(await get(contractor, `/api/v1/quotes/${quote.id}`)).toMatchObject(context);
    const withQuote = await get(contractor, `/api/v1/quote-requests/${request.id}`);
    expect(withQuote.quotes).toEqual([expect.objectContaining({ id: quote.id, ...context })]);

    const order = (
      await t
        .http()
        .post(`/api/v1/quotes/${quote.id}/accept`)
        .set(...bearer(contractor))
        .expect(201)
    ).body as Body;
    expect(order).toMatchObject(context);
    expect(await get(se, `/api/v1/orders/${order.id}`)).toMatchObject(context);
    const orders = await get(se, '/api/v1/orders');
    expect(orders.items).toEqual([expect.objectContaining({ id: order.id, ...context })]);
    const officerView = await get(officer, `/api/v1/orders/${order.id}`);
    expect(officerView).toMatchObject(context);
  });

  it('a purchase contribution names its supplier; other contributions have supplierName null', async () => {
    const purchase = (
      await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/contributions`)
        .set(...bearer(contractor))
        .send({
          category: 'social_purchase',
          supplierOrganisationId: se.user.organisationId,
          invoiceNumber: `NAMES-${process.pid}-${Date.now()}`,
          invoiceDate: today,
          amountCents: 500_000,
        })
        .expect(201)
    ).body as Body;
    expect(purchase.supplierName).toBe(names.se);
    const activity = (
      await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/contributions`)
        .set(...bearer(contractor))
        .send({ category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 3, description: 'Gastles' })
        .expect(201)
    ).body as Body;
    expect(activity.supplierName).toBeNull();
    const list = await get(officer, `/api/v1/obligations/${obligationId}/contributions`);
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: purchase.id, supplierName: names.se }),
        expect.objectContaining({ id: activity.id, supplierName: null }),
      ]),
    );
    const reviewed = await t
      .http()
      .post(`/api/v1/contributions/${purchase.id}/review`)
      .set(...bearer(officer))
      .send({ decision: 'verified' })
      .expect(200);
    expect(reviewed.body.supplierName).toBe(names.se);
  });
});
