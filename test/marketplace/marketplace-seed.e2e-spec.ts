import { seedDemoData } from '@app/domain/seeds/organisations.seed';
import {
  ObligationsService,
  OrdersService,
  PoliciesService,
  QuoteRequestsService,
  QuotesService,
  TendersService,
} from '@app/domain';
import { seedMarketplaceDemo } from '../../libs/domain/src/seeds/marketplace.seed';
import { seedProcurementDemo } from '../../libs/domain/src/seeds/procurement.seed';
import { createTestApp, TestApp } from '../support/app';
import { bearer, login } from '../support/factories';

jest.setTimeout(120_000);

describe('marketplace demo data (npm run seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const marketplace = () => ({
    requests: t.app.get(QuoteRequestsService),
    quotes: t.app.get(QuotesService),
    orders: t.app.get(OrdersService),
  });

  it('adds a request, a quote, an order and an invoice-born contribution, once', async () => {
    await seedDemoData(t.ds);
    await seedProcurementDemo(t.ds, {
      policies: t.app.get(PoliciesService),
      tenders: t.app.get(TendersService),
      obligations: t.app.get(ObligationsService),
    });
    await seedMarketplaceDemo(t.ds, marketplace());
    const count = async (): Promise<number[]> =>
      Promise.all(
        ['quote_request', 'quote', 'purchase_order', 'invoice', 'contribution'].map(
          async (table) => (await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number,
        ),
      );
    const before = await count();
    expect(await seedMarketplaceDemo(t.ds, marketplace())).toEqual([]);
    expect(await count()).toEqual(before);

    const contractor = await login(t, 'inkoop@kennemerfacilitair.demo', 'demo-password-1');
    const orders = await t
      .http()
      .get('/api/v1/orders')
      .set(...bearer(contractor))
      .expect(200);
    expect(orders.body.items).toHaveLength(1);
    expect(orders.body.items[0]).toMatchObject({ status: 'open', amountCents: 1_380_000 });
    expect(orders.body.items[0].invoices[0]).toMatchObject({
      invoiceNumber: 'SHS-2026-0212',
      contribution: { status: 'submitted', claimedValueCents: 690_000 },
    });
    const enterprise = await login(t, 'info@schoonhaarlem.demo', 'demo-password-1');
    const requests = await t
      .http()
      .get('/api/v1/quote-requests')
      .set(...bearer(enterprise))
      .expect(200);
    expect(requests.body.items[0]).toMatchObject({ status: 'ordered' });
    expect(requests.body.items[0].quotes[0]).toMatchObject({ status: 'accepted' });
  });
});
