import {
  type ActivityBody,
  type ContributionContext,
  type ContributionReason,
  fullTimeExceeded,
  type PlacementBody,
  placementCoverage,
  type PurchaseBody,
  valueContribution,
} from './contribution';
import type { CertificationFact, PurchaseRule, SroiPolicyBody } from './policy.types';
import { examplePolicy } from './testing.fixtures';

const CTX: ContributionContext = { contractStart: '2024-01-01', contractEnd: '2025-12-31' };

function placement(overrides: Partial<PlacementBody> = {}): PlacementBody {
  return {
    category: 'employment',
    targetGroup: 'participatiewet',
    benefitMonths: 30,
    hoursPerWeek: 36,
    startDate: '2024-01-01',
    endDate: '2024-12-31',
    personToken: 'p-1',
    ...overrides,
  };
}

type Expect = [number, ContributionReason?];

describe('valueContribution: placements', () => {
  it.each<[string, Partial<PlacementBody>, Partial<ContributionContext>, Expect]>([
    // domain.md: Participatiewet 24 h/week for 12 months at 36 h full time
    ['domain example under a EUR 40,000 block', { hoursPerWeek: 24, benefitMonths: 24 }, {}, [2_666_667]],
    ['domain example under a EUR 30,000 block', { hoursPerWeek: 24, benefitMonths: 23 }, {}, [2_000_000]],
    [
      'benefit months 0 picks the range starting at 0',
      { hoursPerWeek: 24, benefitMonths: 0 },
      {},
      [2_000_000],
    ],
    ['ranged blocks need benefit months', { benefitMonths: null }, {}, [0, 'BENEFIT_MONTHS_REQUIRED']],
    ['block by code needs no benefit months', { blockCode: 'PW_2Y', benefitMonths: null }, {}, [4_000_000]],
    ['block code that does not exist', { blockCode: 'NOPE' }, {}, [0, 'BLOCK_NOT_FOUND']],
    ['block code of an activity block', { blockCode: 'ACT_HOUR' }, {}, [0, 'BLOCK_CATEGORY_MISMATCH']],
    ['block code for another target group', { blockCode: 'WW' }, {}, [0, 'TARGET_GROUP_MISMATCH']],
    [
      'block code outside its benefit range',
      { blockCode: 'PW_2Y', benefitMonths: 3 },
      {},
      [0, 'BENEFIT_MONTHS_OUT_OF_RANGE'],
    ],
    [
      'target group without a block falls back to the category block',
      { targetGroup: 'banenafspraak' },
      {},
      [1_000_000],
    ],
    [
      'training target group without a block',
      { category: 'training', targetGroup: 'pro_vso' },
      {},
      [0, 'BLOCK_NOT_FOUND'],
    ],
    ['hours above full time count as full time', { hoursPerWeek: 40 }, {}, [4_000_000]],
    ['zero hours', { hoursPerWeek: 0 }, {}, [0, 'ZERO_HOURS']],
    ['end before start', { startDate: '2024-06-01', endDate: '2024-05-31' }, {}, [0, 'INVALID_PERIOD']],
    [
      'starts before the contract: only the part inside counts',
      { startDate: '2023-07-01', endDate: '2024-06-30' },
      {},
      [2_000_000],
    ],
    [
      'ends after the contract',
      { startDate: '2024-04-01', endDate: '2024-12-31' },
      { contractEnd: '2024-06-30' },
      [1_000_000],
    ],
    [
      'entirely before the contract',
      { startDate: '2023-01-01', endDate: '2023-12-31' },
      {},
      [0, 'OUTSIDE_CONTRACT_PERIOD'],
    ],
    [
      'maxCountMonths caps 24 months of WW at 12',
      { targetGroup: 'ww', benefitMonths: null, startDate: '2024-01-01', endDate: '2025-12-31' },
      {},
      [2_000_000],
    ],
    [
      'maxCountMonths 24 does not bite on 24 months',
      { benefitMonths: 6, startDate: '2024-01-01', endDate: '2025-12-31' },
      {},
      [6_000_000],
    ],
    [
      '15 Jan–14 Feb is one month',
      { targetGroup: 'ww', benefitMonths: null, startDate: '2024-01-15', endDate: '2024-02-14' },
      {},
      [166_667],
    ],
    [
      'two weeks of a leap February: 14/29 month',
      { startDate: '2024-02-01', endDate: '2024-02-14' },
      {},
      [160_920],
    ],
    [
      '29 Feb 2024 to 28 Feb 2025 is a full year',
      { startDate: '2024-02-29', endDate: '2025-02-28' },
      {},
      [4_000_000],
    ],
    [
      'month unit, full time: 3 × EUR 750',
      { category: 'training', targetGroup: 'other', benefitMonths: null, endDate: '2024-03-31' },
      {},
      [225_000],
    ],
    [
      'month unit, half time is pro rata',
      {
        category: 'training',
        targetGroup: 'other',
        benefitMonths: null,
        endDate: '2024-03-31',
        hoursPerWeek: 18,
      },
      {},
      [112_500],
    ],
    [
      'week unit: two weeks',
      { category: 'training', targetGroup: 'bol', benefitMonths: null, endDate: '2024-01-14' },
      {},
      [20_000],
    ],
    [
      'hour unit: 20 h × 4 weeks × EUR 10',
      { targetGroup: 'wajong', benefitMonths: null, hoursPerWeek: 20, endDate: '2024-01-28' },
      {},
      [80_000],
    ],
    [
      'hour unit caps hours at full time',
      { targetGroup: 'wajong', benefitMonths: null, hoursPerWeek: 50, endDate: '2024-01-07' },
      {},
      [36_000],
    ],
    [
      'activity unit: a lump sum per placement',
      {
        category: 'training',
        targetGroup: 'bbl',
        benefitMonths: null,
        hoursPerWeek: 10,
        endDate: '2024-01-31',
      },
      {},
      [250_000],
    ],
    [
      'pro-rata bonus; the total is rounded once (2,666,666.67 + 666,666.67)',
      { hoursPerWeek: 24, bonuses: ['age_50_plus'] },
      {},
      [3_333_333],
    ],
    [
      'fixed bonus is not pro-rated',
      { endDate: '2024-06-30', bonuses: ['permanent_contract', 'permanent_contract'] },
      {},
      [2_500_000],
    ],
    ['unknown bonus', { bonuses: ['veteran'] }, {}, [0, 'BONUS_NOT_FOUND']],
  ])('%s', (_name, body, ctx, [valueCents, reason]) => {
    const result = valueContribution(examplePolicy(), { ...CTX, ...ctx }, placement(body));
    expect(result.valueCents).toBe(valueCents);
    expect(result.reason).toBe(reason);
    expect(result.countable).toBe(reason === undefined);
  });

  it('zero-valued block is not countable', () => {
    const policy = examplePolicy();
    policy.blocks = policy.blocks.map((b) => (b.code === 'PW_2Y' ? { ...b, valueCents: 0 } : b));
    expect(valueContribution(policy, CTX, placement())).toMatchObject({
      countable: false,
      reason: 'ZERO_VALUE',
    });
  });

  it('explains the computation in Dutch and English', () => {
    const result = valueContribution(
      examplePolicy(),
      { ...CTX, contractEnd: '2026-12-31' },
      placement({ hoursPerWeek: 24, startDate: '2023-07-01', endDate: '2026-06-30', benefitMonths: 3 }),
    );
    expect(result.blockCode).toBe('PW_LT2Y');
    expect(result.breakdown.map((l) => l.code)).toEqual([
      'BLOCK',
      'COUNTED_PERIOD',
      'MAX_COUNT_MONTHS',
      'HOURS',
      'BASE_VALUE',
      'TOTAL',
    ]);
    expect(result.breakdown[1].detail).toBe('2024-01-01 – 2025-12-31: 24 mo');
    expect(result.breakdown[4].detail).toBe('30000.00 × 24/36 × (24)/12');
    expect(result.valueCents).toBe(4_000_000);
  });
});

describe('placementCoverage and fullTimeExceeded', () => {
  it('clips to the contract, caps by maxCountMonths and reports the FTE share', () => {
    const cov = placementCoverage(
      examplePolicy(),
      CTX,
      { startDate: '2023-01-01', endDate: '2026-12-31', hoursPerWeek: 24 },
      { maxCountMonths: 12 },
    );
    expect(cov).toMatchObject({
      countedStart: '2024-01-01',
      countedEnd: '2024-12-31',
      clippedToContract: true,
      cappedByMaxCountMonths: true,
      effectiveHoursPerWeek: 24,
    });
    expect(cov!.fteShare.toString()).toBe('2/3');
    expect(cov!.countedMonths.toString()).toBe('12');
  });

  it.each([
    ['two thirds plus one third is exactly full time', [24, 12], false],
    ['one hour more is beyond full time', [24, 13], true],
    ['three thirds', [12, 12, 12], false],
  ])('%s', (_name, hours, exceeded) => {
    const loads = hours.map((h, i) => ({
      start: `2024-0${i + 1}-01`,
      end: '2024-12-31',
      hoursPerWeek: h,
      fullTimeHoursPerWeek: 36,
    }));
    expect(fullTimeExceeded(loads).exceeded).toBe(exceeded);
  });

  it('periods that do not overlap never add up', () => {
    expect(
      fullTimeExceeded([
        { start: '2024-01-01', end: '2024-06-30', hoursPerWeek: 36, fullTimeHoursPerWeek: 36 },
        { start: '2024-07-01', end: '2024-12-31', hoursPerWeek: 40, fullTimeHoursPerWeek: 40 },
      ]),
    ).toEqual({ exceeded: false });
  });
});

describe('valueContribution: purchases', () => {
  const cert = (overrides: Partial<CertificationFact> = {}): CertificationFact => ({
    type: 'code_sociale_ondernemingen',
    validFrom: '2023-01-01',
    status: 'verified',
    ...overrides,
  });
  const purchase = (overrides: Partial<PurchaseBody> = {}): PurchaseBody => ({
    category: 'social_purchase',
    supplierOrganisationId: 'se-1',
    invoiceNumber: 'F-2024-001',
    invoiceDate: '2024-06-30',
    amountCents: 1_234_567,
    ...overrides,
  });

  it.each<
    [
      string,
      CertificationFact[],
      Partial<PurchaseRule>,
      Partial<PurchaseBody>,
      Partial<ContributionContext>,
      Expect,
    ]
  >([
    ['open-ended certification, full invoice', [cert()], {}, {}, {}, [1_234_567]],
    [
      'certificate expired the day before the invoice',
      [cert({ validUntil: '2024-06-29' })],
      {},
      {},
      {},
      [0, 'CERTIFICATION_EXPIRED'],
    ],
    ['invoice on the last valid day', [cert({ validUntil: '2024-06-30' })], {}, {}, {}, [1_234_567]],
    [
      'certificate not yet valid',
      [cert({ validFrom: '2024-07-01' })],
      {},
      {},
      {},
      [0, 'CERTIFICATION_NOT_YET_VALID'],
    ],
    ['rejected certificate', [cert({ status: 'rejected' })], {}, {}, {}, [0, 'CERTIFICATION_REJECTED']],
    [
      'unverified certificate',
      [cert({ status: 'unverified' })],
      {},
      {},
      {},
      [0, 'CERTIFICATION_NOT_VERIFIED'],
    ],
    ['no certificates', [], {}, {}, {}, [0, 'SUPPLIER_NOT_CERTIFIED']],
    [
      'only a type the policy does not accept',
      [cert({ type: 'other' })],
      {},
      {},
      {},
      [0, 'SUPPLIER_NOT_CERTIFIED'],
    ],
    [
      'PSO level too low',
      [cert({ type: 'pso', level: 'trede_1' })],
      { minPsoLevel: 'trede_2' },
      {},
      {},
      [0, 'PSO_LEVEL_TOO_LOW'],
    ],
    [
      'PSO level above the minimum',
      [cert({ type: 'pso', level: 'trede_3' })],
      { minPsoLevel: 'trede_2' },
      {},
      {},
      [1_234_567],
    ],
    [
      'the PSO minimum does not apply to PSO 30+',
      [cert({ type: 'pso_30plus' })],
      { minPsoLevel: 'trede_2' },
      {},
      {},
      [1_234_567],
    ],
    [
      'the closest failure is reported',
      [cert({ status: 'rejected' }), cert({ validUntil: '2024-01-31' })],
      {},
      {},
      {},
      [0, 'CERTIFICATION_EXPIRED'],
    ],
    ['one good certificate among bad ones', [cert({ status: 'rejected' }), cert()], {}, {}, {}, [1_234_567]],
    [
      'labour component: 1,234,567 × 0.35 = 432,098.45',
      [cert()],
      { mode: 'labour_component' },
      { labourShare: 0.35 },
      {},
      [432_098],
    ],
    [
      'labour component without a share',
      [cert()],
      { mode: 'labour_component' },
      {},
      {},
      [0, 'LABOUR_SHARE_REQUIRED'],
    ],
    ['factor 0.5 rounds half up (617,283.5)', [cert()], { mode: 'factor', factor: 0.5 }, {}, {}, [617_284]],
    [
      'invoice before the contract',
      [cert()],
      {},
      { invoiceDate: '2023-12-31' },
      {},
      [0, 'OUTSIDE_CONTRACT_PERIOD'],
    ],
    ['zero amount', [cert()], {}, { amountCents: 0 }, {}, [0, 'ZERO_AMOUNT']],
    [
      'region required, supplier outside',
      [cert()],
      { region: 'Zuid-Kennemerland' },
      {},
      {},
      [0, 'SUPPLIER_OUTSIDE_REGION'],
    ],
    [
      'region required, supplier inside',
      [cert()],
      { region: 'Zuid-Kennemerland' },
      {},
      { supplierInRegion: true },
      [1_234_567],
    ],
  ])('%s', (_name, certs, rule, body, ctx, [valueCents, reason]) => {
    const base = examplePolicy();
    const policy: SroiPolicyBody = { ...base, purchaseRule: { ...base.purchaseRule, ...rule } };
    const result = valueContribution(
      policy,
      { ...CTX, supplierCertifications: certs, ...ctx },
      purchase(body),
    );
    expect(result.valueCents).toBe(valueCents);
    expect(result.reason).toBe(reason);
    expect(result.countable).toBe(reason === undefined);
    expect(result.breakdown.at(-1)!.labelNl).toBeTruthy();
  });
});

describe('valueContribution: social activities', () => {
  it.each<[string, Partial<ActivityBody>, Expect]>([
    ['8 employee hours at EUR 100', { blockCode: 'ACT_HOUR', quantity: 8 }, [80_000]],
    ['2 activities at EUR 1,000', { blockCode: 'ACT_LUMP', quantity: 2 }, [200_000]],
    ['1.5 hours at 3.33 = 4.995 rounds half up', { blockCode: 'ACT_ODD', quantity: 1.5 }, [500]],
    ['0.5 hours at 3.33 = 1.665 rounds half up', { blockCode: 'ACT_ODD', quantity: 0.5 }, [167]],
    ['zero quantity', { blockCode: 'ACT_HOUR', quantity: 0 }, [0, 'ZERO_QUANTITY']],
    ['a placement block', { blockCode: 'PW_2Y', quantity: 1 }, [0, 'BLOCK_CATEGORY_MISMATCH']],
    ['unknown block', { blockCode: 'ACT_DAY', quantity: 1 }, [0, 'BLOCK_NOT_FOUND']],
  ])('%s', (_name, body, [valueCents, reason]) => {
    const result = valueContribution(examplePolicy(), CTX, {
      category: 'social_activity',
      blockCode: 'ACT_HOUR',
      quantity: 1,
      description: 'Gastles op een vmbo-school',
      ...body,
    });
    expect(result.valueCents).toBe(valueCents);
    expect(result.reason).toBe(reason);
  });
});
