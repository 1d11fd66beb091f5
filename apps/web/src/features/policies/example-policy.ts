import type { Schemas } from '../../api/client';

/** The example policy of api.md: where a new buyer starts; every figure is editable before publishing. */
export const EXAMPLE_POLICY: Schemas['PolicyBodyDto'] = {
  name: 'Bouwblokken social return',
  version: String(new Date().getFullYear()),
  validFrom: `${new Date().getFullYear()}-01-01`,
  categories: ['services', 'works', 'goods'],
  thresholdCents: 10000000,
  defaultPercentage: 5,
  lowLabour: { belowShare: 0.3, percentage: 2 },
  goodsMinLabourShare: 0.3,
  minCents: null,
  capCents: null,
  fullTimeHoursPerWeek: 36,
  psoDiscounts: [{ level: 'trede_3', percentage: 20 }],
  blocks: [
    {
      code: 'PW_LT2Y',
      category: 'employment',
      targetGroup: 'participatiewet',
      benefitMonthsMax: 24,
      unit: 'fte_year',
      valueCents: 3000000,
      maxCountMonths: 24,
    },
    { code: 'WEP', category: 'training', targetGroup: 'other', unit: 'month', valueCents: 75000 },
    { code: 'ACT_HOUR', category: 'social_activity', unit: 'hour', valueCents: 10000 },
  ],
  bonuses: [{ code: 'age_50_plus', valueCents: 1000000, proRata: true }],
  purchaseRule: {
    eligibleCertifications: ['pso', 'pso_30plus', 'code_sociale_ondernemingen', 'sw_company'],
    minPsoLevel: null,
    mode: 'full_invoice',
    factor: null,
  },
};

type Policy = Schemas['PolicyResponseDto'];

/** The policy's own fields, without the record's id, status and timestamps (what PATCH and new versions take). */
export function policyBody(p: Policy): Schemas['PolicyBodyDto'] {
  const {
    id: _id,
    status: _status,
    lineageId: _lineage,
    previousVersionId: _prev,
    buyerOrganisationId: _buyer,
    publishedAt: _published,
    createdAt: _created,
    updatedAt: _updated,
    ...body
  } = p;
  return body;
}
