/** Shared policy fixtures for the engine's specs; not part of the public API. */
import type { SroiPolicyBody } from './policy.types';

export function examplePolicy(overrides: Partial<SroiPolicyBody> = {}): SroiPolicyBody {
  return {
    name: 'Bouwblokken social return',
    version: '2024',
    validFrom: '2024-01-01',
    categories: ['services', 'works', 'goods'],
    thresholdCents: 10_000_000,
    defaultPercentage: 5,
    lowLabour: { belowShare: 0.3, percentage: 2 },
    goodsMinLabourShare: 0.3,
    minCents: null,
    capCents: null,
    fullTimeHoursPerWeek: 36,
    psoDiscounts: [
      { level: 'trede_1', percentage: 10 },
      { level: 'trede_3', percentage: 20 },
    ],
    blocks: [
      {
        code: 'PW_LT2Y',
        category: 'employment',
        targetGroup: 'participatiewet',
        benefitMonthsMax: 24,
        unit: 'fte_year',
        valueCents: 3_000_000,
        maxCountMonths: 24,
      },
      {
        code: 'PW_2Y',
        category: 'employment',
        targetGroup: 'participatiewet',
        benefitMonthsMin: 24,
        unit: 'fte_year',
        valueCents: 4_000_000,
      },
      {
        code: 'WW',
        category: 'employment',
        targetGroup: 'ww',
        unit: 'fte_year',
        valueCents: 2_000_000,
        maxCountMonths: 12,
      },
      { code: 'GENERIC', category: 'employment', unit: 'fte_year', valueCents: 1_000_000 },
      { code: 'HOURLY', category: 'employment', targetGroup: 'wajong', unit: 'hour', valueCents: 1_000 },
      { code: 'WEP', category: 'training', targetGroup: 'other', unit: 'month', valueCents: 75_000 },
      { code: 'WEEKLY', category: 'training', targetGroup: 'bol', unit: 'week', valueCents: 10_000 },
      { code: 'TRAJECT', category: 'training', targetGroup: 'bbl', unit: 'activity', valueCents: 250_000 },
      { code: 'ACT_HOUR', category: 'social_activity', unit: 'hour', valueCents: 10_000 },
      { code: 'ACT_LUMP', category: 'social_activity', unit: 'activity', valueCents: 100_000 },
      { code: 'ACT_ODD', category: 'social_activity', unit: 'hour', valueCents: 333 },
    ],
    bonuses: [
      { code: 'age_50_plus', valueCents: 1_000_000, proRata: true },
      { code: 'permanent_contract', valueCents: 500_000, proRata: false },
    ],
    purchaseRule: {
      eligibleCertifications: ['pso', 'pso_30plus', 'code_sociale_ondernemingen', 'sw_company'],
      minPsoLevel: null,
      mode: 'full_invoice',
      factor: null,
    },
    ...overrides,
  };
}

/** Copy of /work/shared/data/sroi-policies/utrecht-current.json, kept here so the spec is self-contained. */
export const UTRECHT_CURRENT: unknown = {
  name: 'Bouwblokkenmodel social return (Utrecht, current table)',
  version: 'utrecht-current',
  validFrom: '2024-01-01',
  source:
    'Gemeente Utrecht, Bouwblokkenmodel social return (public web page); ' +
    'values per full-time year of 36 h/week',
  categories: ['services', 'works', 'goods'],
  thresholdCents: 10000000,
  defaultPercentage: 5,
  lowLabour: null,
  goodsMinLabourShare: null,
  minCents: null,
  capCents: null,
  fullTimeHoursPerWeek: 36,
  psoDiscounts: [],
  blocks: [
    {
      code: 'PW',
      category: 'employment',
      targetGroup: 'participatiewet',
      unit: 'fte_year',
      valueCents: 4000000,
    },
    {
      code: 'BANENAFSPRAAK',
      category: 'employment',
      targetGroup: 'banenafspraak',
      unit: 'fte_year',
      valueCents: 5000000,
    },
    { code: 'WW', category: 'employment', targetGroup: 'ww', unit: 'fte_year', valueCents: 2000000 },
    {
      code: 'WIA_WAO',
      category: 'employment',
      targetGroup: 'wia_wao',
      unit: 'fte_year',
      valueCents: 4000000,
    },
    { code: 'NUGGER', category: 'employment', targetGroup: 'nugger', unit: 'fte_year', valueCents: 1000000 },
    { code: 'BBL', category: 'training', targetGroup: 'bbl', unit: 'fte_year', valueCents: 3500000 },
    { code: 'BOL', category: 'training', targetGroup: 'bol', unit: 'fte_year', valueCents: 2000000 },
    { code: 'PRO_VSO', category: 'training', targetGroup: 'pro_vso', unit: 'fte_year', valueCents: 3500000 },
    { code: 'ACT_HOUR', category: 'social_activity', unit: 'hour', valueCents: 10000 },
  ],
  bonuses: [
    { code: 'age_50_plus', valueCents: 1000000, proRata: true },
    { code: 'status_holder', valueCents: 1000000, proRata: true },
    { code: 'permanent_contract', valueCents: 1000000, proRata: true },
  ],
  purchaseRule: {
    eligibleCertifications: [
      'pso',
      'pso_30plus',
      'code_sociale_ondernemingen',
      'sw_company',
      'regional_recognised_se',
    ],
    minPsoLevel: null,
    mode: 'full_invoice',
    factor: null,
  },
};
