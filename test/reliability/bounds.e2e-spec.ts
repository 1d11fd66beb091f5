import { BOUNDS } from '@app/common';
import { OfferingEntity, SroiPolicyEntity } from '@app/database';
import { createTestApp, TestApp } from '../support/app';
import {
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
  uniqueWord,
} from '../support/factories';
import { awardedObligation, policyBody, publishedPolicy, tenderBody } from '../support/procurement';

jest.setTimeout(60_000);

type Res = { status: number; body: Record<string, unknown> };

/** A 400 with this code whose invalidParams name `field`. */
function expectRefused(res: Res, code: string, field: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
  expect((res.body.invalidParams as { name: string }[]).map((p) => p.name)).toContain(field);
}

/**
 * Issue 30, items 1 and 3: money, count and size fields have upper bounds (libs/common/src/bounds.ts) stated in
 * the OpenAPI document, and a nested array is never taken for an array of objects.
 */
describe('reliability: bounds and shapes at the API edge (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let se: Session;
  let policyId: string;
  let tenderId: string;
  let obligationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    policyId = await publishedPolicy(t, officer);
    ({ obligationId, tenderId } = await awardedObligation(t, officer, contractor, { policyId }));
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  describe('1. an offering with an absurd capacity or price (it stopped matching for a whole region)', () => {
    it.each([
      ['capacityCentsPerMonth', Number.MAX_SAFE_INTEGER],
      ['capacityCentsPerMonth', BOUNDS.capacityCentsPerMonth.max + 1],
      ['priceIndicationCents', Number.MAX_SAFE_INTEGER],
      ['priceIndicationCents', BOUNDS.priceIndicationCents.max + 1],
    ])('%s %d → 400 on create and update, nothing stored', async (field, value) => {
      const title = `Bounds ${uniqueWord()}`;
      const created = await t
        .http()
        .post('/api/v1/offerings')
        .set(...bearer(se))
        .send({ title, cpvCodes: ['90910000-9'], [field]: value });
      expectRefused(created, 'VALIDATION_FAILED', field);
      expect(await t.ds.getRepository(OfferingEntity).countBy({ title })).toBe(0);

      const offering = await createOffering(t, se, { [field]: 1000 });
      const patched = await t
        .http()
        .patch(`/api/v1/offerings/${offering.id}`)
        .set(...bearer(se))
        .send({ [field]: value });
      expectRefused(patched, 'VALIDATION_FAILED', field);
      const stored = await t.ds.getRepository(OfferingEntity).findOneByOrFail({ id: offering.id });
      expect(stored[field as 'capacityCentsPerMonth' | 'priceIndicationCents']).toBe(1000);
    });

    it('the bounds themselves are accepted', async () => {
      const offering = await createOffering(t, se, {
        capacityCentsPerMonth: BOUNDS.capacityCentsPerMonth.max,
        priceIndicationCents: BOUNDS.priceIndicationCents.max,
      });
      expect(offering).toMatchObject({
        capacityCentsPerMonth: BOUNDS.capacityCentsPerMonth.max,
        priceIndicationCents: BOUNDS.priceIndicationCents.max,
      });
    });
  });

  describe('2. other money fields past their bounds', () => {
    it('a tender and an award above the largest contract value', async () => {
      const over = BOUNDS.contractValueCents.max + 1;
      expectRefused(
        await t
          .http()
          .post('/api/v1/tenders')
          .set(...bearer(officer))
          .send(tenderBody(policyId, { estimatedValueCents: over })),
        'VALIDATION_FAILED',
        'estimatedValueCents',
      );
      expectRefused(
        await t
          .http()
          .post(`/api/v1/tenders/${tenderId}/award`)
          .set(...bearer(officer))
          .send({ contractorOrganisationId: contractor.user.organisationId, contractValueCents: over }),
        'VALIDATION_FAILED',
        'contractValueCents',
      );
    });

    it('a purchase contribution above the largest invoice', async () => {
      expectRefused(
        await t
          .http()
          .post(`/api/v1/obligations/${obligationId}/contributions`)
          .set(...bearer(contractor))
          .send({
            category: 'social_purchase',
            supplierOrganisationId: se.user.organisationId,
            invoiceNumber: 'F-BOUNDS-1',
            invoiceDate: '2026-03-01',
            amountCents: BOUNDS.invoiceCents.max + 1,
          }),
        'CONTRIBUTION_INVALID',
        'amountCents',
      );
    });

    it('a policy whose threshold or block value is past its bound', async () => {
      const block = { code: 'X', category: 'social_activity', unit: 'hour' };
      for (const [over, field] of [
        [{ thresholdCents: BOUNDS.policyAmountCents.max + 1 }, 'thresholdCents'],
        [{ blocks: [{ ...block, valueCents: BOUNDS.unitValueCents.max + 1 }] }, 'blocks[0].valueCents'],
        [
          { bonuses: [{ code: 'b', valueCents: Number.MAX_SAFE_INTEGER, proRata: true }] },
          'bonuses[0].valueCents',
        ],
      ] as const) {
        expectRefused(
          await t
            .http()
            .post('/api/v1/sroi-policies')
            .set(...bearer(officer))
            .send(policyBody(over)),
          'POLICY_INVALID',
          field,
        );
      }
    });
  });

  describe('3. nested arrays (they were accepted with 201/200)', () => {
    const valid = policyBody() as {
      blocks: unknown[];
      bonuses: unknown[];
      psoDiscounts: unknown[];
    };

    it.each(['blocks', 'bonuses', 'psoDiscounts'] as const)(
      '%s: [[...]] → 400 POLICY_INVALID on create, patch and new version; nothing changes',
      async (field) => {
        const nested = { [field]: [valid[field]] };
        expectRefused(
          await t
            .http()
            .post('/api/v1/sroi-policies')
            .set(...bearer(officer))
            .send(policyBody(nested)),
          'POLICY_INVALID',
          `${field}[0]`,
        );
        const draft = await t
          .http()
          .post('/api/v1/sroi-policies')
          .set(...bearer(officer))
          .send(policyBody({ version: uniqueWord('v').slice(0, 40) }))
          .expect(201);
        expectRefused(
          await t
            .http()
            .patch(`/api/v1/sroi-policies/${draft.body.id}`)
            .set(...bearer(officer))
            .send(nested),
          'POLICY_INVALID',
          `${field}[0]`,
        );
        expectRefused(
          await t
            .http()
            .post(`/api/v1/sroi-policies/${policyId}/versions`)
            .set(...bearer(officer))
            .send(policyBody({ ...nested, version: uniqueWord('v').slice(0, 40) })),
          'POLICY_INVALID',
          `${field}[0]`,
        );
        const stored = await t.ds.getRepository(SroiPolicyEntity).findOneByOrFail({ id: draft.body.id });
        expect((stored.body as unknown as Record<string, unknown>)[field]).toEqual(valid[field]);
      },
    );

    it('a tender whose items nest an array → 400', async () => {
      const items = (tenderBody(policyId) as { items: unknown[] }).items;
      expectRefused(
        await t
          .http()
          .post('/api/v1/tenders')
          .set(...bearer(officer))
          .send(tenderBody(policyId, { items: [items] })),
        'VALIDATION_FAILED',
        'items[0]',
      );
    });

    it('a scalar array holding an array → 400', async () => {
      expectRefused(
        await t
          .http()
          .post('/api/v1/offerings')
          .set(...bearer(se))
          .send({ title: 'Geneste codes', cpvCodes: [['90910000-9']] }),
        'VALIDATION_FAILED',
        'cpvCodes',
      );
    });
  });

  it('4. the OpenAPI document states the bounds', async () => {
    const doc = (await t.http().get('/api/v1/openapi.json').expect(200)).body as {
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    };
    const offering = doc.components.schemas.CreateOfferingDto.properties;
    expect(offering.capacityCentsPerMonth).toMatchObject({
      minimum: 0,
      maximum: BOUNDS.capacityCentsPerMonth.max,
    });
    expect(offering.priceIndicationCents).toMatchObject({ maximum: BOUNDS.priceIndicationCents.max });
    expect(doc.components.schemas.CreateTenderDto.properties.estimatedValueCents).toMatchObject({
      maximum: BOUNDS.contractValueCents.max,
    });
    expect(doc.components.schemas.PolicyBodyDto.properties.blocks).toMatchObject({ maxItems: 200 });
  });
});
