import { BOUNDS, MAX_DATE, MIN_DATE, SIZES } from '@app/common';
import { type ContributionContext, type PlacementBody, valueContribution } from './contribution';
import { SroiInputError } from './dates';
import { computeObligation, type ObligationInput } from './obligation';
import type { BlockUnit, CertificationFact, SroiBlock, SroiPolicyBody } from './policy.types';
import { Rational } from './rational';
import { examplePolicy } from './testing.fixtures';

/**
 * The engine at the edge's bounds (libs/common/src/bounds.ts): every product of the largest inputs is exact and
 * a safe integer of cents, within the largest value a contribution can be verified at; past the bounds the engine
 * refuses (SroiInputError, a 400 at the API) rather than round or throw a RangeError.
 */
const MAX_UNIT = BOUNDS.unitValueCents.max;
const MAX_HOURS = BOUNDS.hoursPerWeek.max;
const MAX_FULL_TIME = BOUNDS.fullTimeHoursPerWeek.max;
const CENTURY: ContributionContext = { contractStart: MIN_DATE, contractEnd: MAX_DATE };
/** 2000-01-01..2100-12-31, both inclusive. */
const CENTURY_DAYS = 36_890;
const CENTURY_MONTHS = 1212;

const pso = (level: CertificationFact['level']): CertificationFact => ({
  type: 'pso',
  level,
  status: 'verified',
  validFrom: MIN_DATE,
  validUntil: null,
});

function obligationInput(overrides: Partial<ObligationInput> = {}): ObligationInput {
  return {
    category: 'services',
    contractValueCents: BOUNDS.contractValueCents.max,
    contractStart: MIN_DATE,
    contractEnd: MAX_DATE,
    contractorCertifications: [],
    ...overrides,
  };
}

/** Half-up rounding of num/den, independent of Rational. */
const roundHalfUp = (num: bigint, den: bigint): number => Number((2n * num + den) / (2n * den));

const expectSafeCents = (cents: number, max = BOUNDS.contributionValueCents.max): void => {
  expect(Number.isSafeInteger(cents)).toBe(true);
  expect(cents).toBeGreaterThan(0);
  expect(cents).toBeLessThanOrEqual(max);
};

describe('the SROI engine at the bounds of its inputs', () => {
  describe('obligation: the largest contract value × a percentage', () => {
    it.each<[string, Partial<ObligationInput>, Partial<SroiPolicyBody>, number]>([
      ['100 %', { percentageOverride: BOUNDS.percentage.max }, {}, BOUNDS.contractValueCents.max],
      ['99.99 %', { percentageOverride: 99.99 }, {}, 999_900_000_000],
      ['0.01 %', { percentageOverride: 0.01 }, {}, 100_000_000],
      ['the policy default (5 %)', {}, {}, 50_000_000_000],
      [
        'raised to the largest minimum',
        { percentageOverride: 0.01 },
        { minCents: BOUNDS.policyAmountCents.max },
        BOUNDS.policyAmountCents.max,
      ],
      [
        'a PSO discount of 33.33 % on 100 %',
        { percentageOverride: 100, contractorCertifications: [pso('trede_3')] },
        { psoDiscounts: [{ level: 'trede_3', percentage: 33.33 }] },
        666_700_000_000,
      ],
      [
        'a PSO discount of 100 %: nothing owed',
        { percentageOverride: 100, contractorCertifications: [pso('trede_3')] },
        { psoDiscounts: [{ level: 'trede_3', percentage: 100 }] },
        0,
      ],
    ])('%s', (_name, input, policy, amountCents) => {
      const r = computeObligation(examplePolicy(policy), obligationInput(input));
      expect(r.amountCents).toBe(amountCents);
      for (const cents of [r.amountCents, r.grossAmountCents, r.psoDiscount?.discountCents ?? 0])
        expect(Number.isSafeInteger(cents)).toBe(true);
      expect(r.grossAmountCents - (r.psoDiscount?.discountCents ?? 0)).toBe(r.amountCents);
    });

    it('the threshold at its largest still lets the largest contract through', () => {
      const r = computeObligation(
        examplePolicy({ thresholdCents: BOUNDS.policyAmountCents.max }),
        obligationInput(),
      );
      expect(r.applicable).toBe(true);
    });
  });

  describe('placement: the largest block value × hours × a whole century', () => {
    const bonuses = Array.from({ length: SIZES.placementBonuses.max }, (_, i) => ({
      code: `bonus_${i}`,
      valueCents: MAX_UNIT,
      proRata: true,
    }));
    const policyWith = (unit: BlockUnit, extra: Partial<SroiBlock> = {}): SroiPolicyBody =>
      examplePolicy({
        fullTimeHoursPerWeek: MAX_FULL_TIME,
        blocks: [{ code: 'MAX', category: 'employment', unit, valueCents: MAX_UNIT, ...extra }],
        bonuses,
      });
    const body: PlacementBody = {
      category: 'employment',
      blockCode: 'MAX',
      targetGroup: 'participatiewet',
      benefitMonths: BOUNDS.benefitMonths.max,
      hoursPerWeek: MAX_HOURS,
      startDate: MIN_DATE,
      endDate: MAX_DATE,
      bonuses: bonuses.map((b) => b.code),
      personToken: 'p-bounds-1',
    };

    it('hour: 10^8 cents × 80 h × 5,270 weeks, plus ten pro-rata bonuses at 10^8, exact to the cent', () => {
      const r = valueContribution(policyWith('hour'), CENTURY, body);
      expect(r.countable).toBe(true);
      // base: value × hours × days / 7; bonuses: n × value × hours / full time × months / 12
      const fullTimeTimes12 = BigInt(MAX_FULL_TIME * 12);
      const num =
        BigInt(MAX_UNIT) * BigInt(MAX_HOURS) * BigInt(CENTURY_DAYS) * fullTimeTimes12 +
        7n * BigInt(bonuses.length) * BigInt(MAX_UNIT) * BigInt(MAX_HOURS) * BigInt(CENTURY_MONTHS);
      expect(r.valueCents).toBe(roundHalfUp(num, 7n * fullTimeTimes12));
      expectSafeCents(r.valueCents);
    });

    it.each<BlockUnit>(['fte_year', 'month', 'week', 'activity'])('%s', (unit) => {
      const r = valueContribution(policyWith(unit), CENTURY, body);
      expect(r.countable).toBe(true);
      expectSafeCents(r.valueCents);
      for (const line of r.breakdown)
        if (line.valueCents !== undefined) expect(Number.isSafeInteger(line.valueCents)).toBe(true);
    });

    it('capped by the largest maxCountMonths', () => {
      const r = valueContribution(
        policyWith('month', { maxCountMonths: BOUNDS.maxCountMonths.max }),
        CENTURY,
        { ...body, bonuses: [] },
      );
      // month unit: value × fte share (80/168) × 1200 months
      expect(r.valueCents).toBe(
        roundHalfUp(BigInt(MAX_UNIT) * 80n * BigInt(BOUNDS.maxCountMonths.max), BigInt(MAX_FULL_TIME)),
      );
    });
  });

  it('activity: the largest block value × the largest quantity is the largest verifiable value', () => {
    const policy = examplePolicy({
      blocks: [{ code: 'ACT', category: 'social_activity', unit: 'hour', valueCents: MAX_UNIT }],
    });
    const r = valueContribution(policy, CENTURY, {
      category: 'social_activity',
      blockCode: 'ACT',
      quantity: BOUNDS.activityQuantity.max,
      description: 'x',
    });
    expect(r.valueCents).toBe(MAX_UNIT * BOUNDS.activityQuantity.max);
    expect(r.valueCents).toBe(BOUNDS.contributionValueCents.max);
  });

  describe('purchase: the largest invoice, and what matching asks for a capacity over the longest contract', () => {
    const certified = { ...CENTURY, supplierCertifications: [pso('trede_1')] };
    const purchase = (amountCents: number, labourShare: number | null = null) =>
      ({
        category: 'social_purchase',
        supplierOrganisationId: 's-1',
        invoiceNumber: 'F-1',
        invoiceDate: MIN_DATE,
        amountCents,
        labourShare,
      }) as const;

    it.each<[string, SroiPolicyBody['purchaseRule']['mode'], number | null, number | null, number]>([
      ['full invoice', 'full_invoice', null, null, BOUNDS.invoiceCents.max],
      ['factor 0.999999', 'factor', 0.999999, null, 99_999_900_000],
      ['labour share 0.333', 'labour_component', null, 0.333, 33_300_000_000],
    ])('%s', (_name, mode, factor, share, expected) => {
      const policy = examplePolicy({ purchaseRule: { ...examplePolicy().purchaseRule, mode, factor } });
      const r = valueContribution(policy, certified, purchase(BOUNDS.invoiceCents.max, share));
      expect(r.valueCents).toBe(expected);
    });

    it('the largest monthly capacity × the months to 9999-12-30 stays a safe integer', () => {
      // projection.ts values capacity × whole months left; an imported contract may end in 9999.
      const months = 95_999;
      const amount = BOUNDS.capacityCentsPerMonth.max * months;
      expect(Number.isSafeInteger(amount)).toBe(true);
      const r = valueContribution(
        examplePolicy(),
        { contractStart: MIN_DATE, contractEnd: '9999-12-30', supplierCertifications: [pso('trede_1')] },
        purchase(amount),
      );
      expect(r.valueCents).toBe(amount);
    });
  });

  describe('past the bounds: bad input, never a rounded amount or a RangeError', () => {
    const refused = (run: () => unknown): void => expect(run).toThrow(SroiInputError);

    it('an amount past Number.MAX_SAFE_INTEGER', () => {
      refused(() => Rational.of(Number.MAX_SAFE_INTEGER).mul(2).toCents());
      refused(() =>
        valueContribution(
          examplePolicy({
            fullTimeHoursPerWeek: MAX_FULL_TIME,
            blocks: [
              { code: 'HUGE', category: 'employment', unit: 'hour', valueCents: Number.MAX_SAFE_INTEGER },
            ],
          }),
          CENTURY,
          {
            category: 'employment',
            blockCode: 'HUGE',
            targetGroup: 'participatiewet',
            hoursPerWeek: MAX_HOURS,
            startDate: MIN_DATE,
            endDate: MAX_DATE,
            personToken: 'p-bounds-2',
          },
        ),
      );
    });

    it.each<[string, unknown]>([
      ['fractional', 1.5],
      ['unsafe', Number.MAX_SAFE_INTEGER + 2],
      ['negative', -1],
      ['a string', '100'],
    ])('a block or bonus value that is %s', (_name, valueCents) => {
      const block = { code: 'B', category: 'social_activity', unit: 'hour', valueCents } as SroiBlock;
      refused(() =>
        valueContribution(examplePolicy({ blocks: [block] }), CENTURY, {
          category: 'social_activity',
          blockCode: 'B',
          quantity: 1,
          description: 'x',
        }),
      );
      refused(() =>
        valueContribution(
          examplePolicy({ bonuses: [{ code: 'b', valueCents: valueCents as number, proRata: false }] }),
          CENTURY,
          {
            category: 'employment',
            targetGroup: 'participatiewet',
            benefitMonths: 30,
            hoursPerWeek: 36,
            startDate: MIN_DATE,
            endDate: '2000-12-31',
            bonuses: ['b'],
            personToken: 'p-bounds-3',
          },
        ),
      );
    });

    it.each<[string, Partial<SroiPolicyBody>]>([
      ['a fractional minimum', { minCents: 0.5 }],
      ['an unsafe cap', { capCents: Number.MAX_SAFE_INTEGER + 2 }],
      ['a threshold in a string', { thresholdCents: '1' as unknown as number }],
      ['a percentage above 100', { defaultPercentage: 101 }],
      ['a PSO discount above 100 %', { psoDiscounts: [{ level: 'trede_1', percentage: 150 }] }],
    ])('a policy with %s', (_name, policy) => {
      refused(() => computeObligation(examplePolicy(policy), obligationInput()));
    });

    it('a policy whose full time is 0 hours', () => {
      refused(() =>
        valueContribution(examplePolicy({ fullTimeHoursPerWeek: 0 }), CENTURY, {
          category: 'employment',
          targetGroup: 'participatiewet',
          benefitMonths: 30,
          hoursPerWeek: 36,
          startDate: MIN_DATE,
          endDate: '2000-12-31',
          personToken: 'p-bounds-4',
        }),
      );
    });
  });
});
