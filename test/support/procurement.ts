import type { TestApp } from './app';
import { bearer, Session } from './factories';

export function policyBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Bouwblokken social return',
    version: '2026',
    validFrom: '2026-01-01',
    categories: ['services', 'works', 'goods'],
    thresholdCents: 10_000_000,
    defaultPercentage: 5,
    lowLabour: { belowShare: 0.3, percentage: 2 },
    goodsMinLabourShare: 0.3,
    minCents: null,
    capCents: null,
    fullTimeHoursPerWeek: 36,
    psoDiscounts: [{ level: 'trede_3', percentage: 20 }],
    blocks: [
      {
        code: 'PW',
        category: 'employment',
        targetGroup: 'participatiewet',
        unit: 'fte_year',
        valueCents: 4_000_000,
      },
      { code: 'WEP', category: 'training', targetGroup: 'other', unit: 'month', valueCents: 75_000 },
      { code: 'ACT_HOUR', category: 'social_activity', unit: 'hour', valueCents: 10_000 },
    ],
    bonuses: [{ code: 'age_50_plus', valueCents: 1_000_000, proRata: true }],
    purchaseRule: {
      eligibleCertifications: ['pso', 'pso_30plus', 'code_sociale_ondernemingen', 'sw_company'],
      minPsoLevel: null,
      mode: 'full_invoice',
      factor: null,
    },
    penaltyPercentage: 50,
    ...over,
  };
}

export async function publishedPolicy(
  t: TestApp,
  officer: Session,
  over: Record<string, unknown> = {},
): Promise<string> {
  const p = await t
    .http()
    .post('/api/v1/sroi-policies')
    .set(...bearer(officer))
    .send(policyBody(over))
    .expect(201);
  await t
    .http()
    .post(`/api/v1/sroi-policies/${p.body.id}/publish`)
    .set(...bearer(officer))
    .expect(200);
  return p.body.id;
}

export function tenderBody(policyId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Schoonmaak gemeentelijke panden',
    description: 'Dagelijkse schoonmaak',
    mainProcurementCategory: 'services',
    items: [{ description: 'Schoonmaak', cpvCode: '90911200-8' }],
    estimatedValueCents: 60_000_000,
    deliveryPostcode: '2011 RD',
    contractPeriod: { startDate: '2026-01-01', endDate: '2027-12-31' },
    labourShare: 0.7,
    sroi: { policyId },
    ...over,
  };
}

/** A published tender awarded to the contractor: returns the obligation id. */
export async function awardedObligation(
  t: TestApp,
  officer: Session,
  contractor: Session,
  opts: { policyId?: string; contractValueCents?: number; tender?: Record<string, unknown> } = {},
): Promise<{ obligationId: string; tenderId: string; obligation: Record<string, unknown> }> {
  const policyId = opts.policyId ?? (await publishedPolicy(t, officer));
  const tender = await t
    .http()
    .post('/api/v1/tenders')
    .set(...bearer(officer))
    .send(tenderBody(policyId, opts.tender))
    .expect(201);
  await t
    .http()
    .post(`/api/v1/tenders/${tender.body.id}/publish`)
    .set(...bearer(officer))
    .expect(200);
  const award = await t
    .http()
    .post(`/api/v1/tenders/${tender.body.id}/award`)
    .set(...bearer(officer))
    .send({
      contractorOrganisationId: contractor.user.organisationId,
      contractValueCents: opts.contractValueCents ?? 60_000_000,
    })
    .expect(201);
  return {
    obligationId: award.body.obligation.id,
    tenderId: tender.body.id,
    obligation: award.body.obligation,
  };
}
