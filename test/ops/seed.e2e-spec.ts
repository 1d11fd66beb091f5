import { seedDemoData } from '@app/domain/seeds/organisations.seed';
import { ObligationsService, PoliciesService, TendersService } from '@app/domain';
import { seedProcurementDemo } from '../../libs/domain/src/seeds/procurement.seed';
import { createTestApp, TestApp } from '../support/app';
import { bearer, login } from '../support/factories';

describe('demo data (npm run seed)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const services = () => ({
    policies: t.app.get(PoliciesService),
    tenders: t.app.get(TendersService),
    obligations: t.app.get(ObligationsService),
  });

  it('is idempotent and gives a working demo: officer, contractor obligation, searchable enterprises', async () => {
    await seedDemoData(t.ds);
    await seedProcurementDemo(t.ds, services());
    const count = async (): Promise<number[]> =>
      Promise.all(
        [
          'organisation',
          'app_user',
          'offering',
          'certification',
          'sroi_policy',
          'tender',
          'obligation',
          'contribution',
        ].map(async (table) => (await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number),
      );
    const before = await count();
    await seedDemoData(t.ds);
    expect(await seedProcurementDemo(t.ds, services())).toEqual([]);
    expect(await count()).toEqual(before);

    const contractor = await login(t, 'inkoop@kennemerfacilitair.demo', 'demo-password-1');
    const obligations = await t
      .http()
      .get('/api/v1/obligations')
      .set(...bearer(contractor))
      .expect(200);
    expect(obligations.body.items).toHaveLength(1);
    expect(obligations.body.items[0]).toMatchObject({ amountCents: 5_750_000, percentage: 5 });
    expect(obligations.body.items[0].verifiedCents).toBeGreaterThan(0);
    expect(obligations.body.items[0].claimedCents).toBeGreaterThan(obligations.body.items[0].verifiedCents);

    const officer = await login(t, 'inkoop@haarlem.demo', 'demo-password-1');
    const policies = await t
      .http()
      .get('/api/v1/sroi-policies')
      .set(...bearer(officer))
      .expect(200);
    expect(policies.body.items[0]).toMatchObject({ status: 'published', defaultPercentage: 5 });
    const found = await t
      .http()
      .get('/api/v1/offerings')
      // Words of the demo offering's title: other specs leave many plain "schoonmaak" offerings in this database.
      .query({ q: 'schoonmaak scholen', postcode: '2011', radiusKm: 10, limit: 100 })
      .expect(200);
    expect(
      found.body.items.map((i: { socialEnterprise: { name: string } }) => i.socialEnterprise.name),
    ).toContain('Schoon Haarlem Sociaal');
  });
});
