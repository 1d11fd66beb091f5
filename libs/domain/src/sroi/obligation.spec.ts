import { computeObligation, type ObligationInput, type ObligationReason } from './obligation';
import type { CertificationFact, SroiPolicyBody } from './policy.types';
import { examplePolicy } from './testing.fixtures';

const CONTRACT = { contractStart: '2024-01-01', contractEnd: '2025-12-31' };

function input(overrides: Partial<ObligationInput> = {}): ObligationInput {
  return {
    category: 'services',
    contractValueCents: 10_000_000,
    ...CONTRACT,
    contractorCertifications: [],
    ...overrides,
  };
}

function pso(
  level: CertificationFact['level'],
  overrides: Partial<CertificationFact> = {},
): CertificationFact {
  return {
    type: 'pso',
    level,
    validFrom: '2023-06-01',
    validUntil: '2026-05-31',
    status: 'verified',
    ...overrides,
  };
}

describe('computeObligation', () => {
  it.each<
    [
      string,
      Partial<SroiPolicyBody>,
      Partial<ObligationInput>,
      boolean,
      number,
      number,
      ObligationReason | undefined,
    ]
  >([
    // name, policy overrides, input overrides, applicable, amountCents, percentage, reason
    ['threshold exactly met applies', {}, {}, true, 500_000, 5, undefined],
    ['one cent below the threshold', {}, { contractValueCents: 9_999_999 }, false, 0, 0, 'BELOW_THRESHOLD'],
    [
      'category not covered',
      { categories: ['services'] },
      { category: 'works' },
      false,
      0,
      0,
      'NOT_APPLICABLE_CATEGORY',
    ],
    [
      'goods at exactly the minimum labour share',
      {},
      { category: 'goods', labourShare: 0.3 },
      true,
      500_000,
      5,
      undefined,
    ],
    [
      'goods below the minimum labour share',
      {},
      { category: 'goods', labourShare: 0.29 },
      false,
      0,
      0,
      'GOODS_LABOUR_SHARE_TOO_LOW',
    ],
    ['goods without a labour share', {}, { category: 'goods' }, false, 0, 0, 'GOODS_LABOUR_SHARE_MISSING'],
    [
      'goods under a policy without a labour-share minimum use the low-labour percentage',
      { goodsMinLabourShare: null },
      { category: 'goods', labourShare: 0.1, contractValueCents: 20_000_000 },
      true,
      400_000,
      2,
      undefined,
    ],
    [
      'services with a low labour share: 2 %',
      {},
      { labourShare: 0.2, contractValueCents: 20_000_000 },
      true,
      400_000,
      2,
      undefined,
    ],
    [
      'tender override wins over the low-labour percentage',
      {},
      { labourShare: 0.2, contractValueCents: 20_000_000, percentageOverride: 3.5 },
      true,
      700_000,
      3.5,
      undefined,
    ],
    [
      'cap of EUR 300,000',
      { capCents: 30_000_000 },
      { contractValueCents: 1_000_000_000 },
      true,
      30_000_000,
      5,
      undefined,
    ],
    ['minimum of EUR 10,000', { minCents: 1_000_000 }, {}, true, 1_000_000, 5, undefined],
    ['half a cent rounds up', {}, { contractValueCents: 10_000_010 }, true, 500_001, 5, undefined],
    ['0.45 cent rounds down', {}, { contractValueCents: 10_000_009 }, true, 500_000, 5, undefined],
    [
      'decimal percentage 2.5',
      {},
      { contractValueCents: 12_345_679, percentageOverride: 2.5 },
      true,
      308_642,
      2.5,
      undefined,
    ],
    [
      'PSO trede 3 valid for the whole period: 20 % off',
      {},
      { contractorCertifications: [pso('trede_3')] },
      true,
      400_000,
      5,
      undefined,
    ],
    [
      'PSO expiring one day before the contract end: no discount',
      {},
      { contractorCertifications: [pso('trede_3', { validUntil: '2025-12-30' })] },
      true,
      500_000,
      5,
      undefined,
    ],
    [
      'PSO valid exactly from contract start to contract end',
      {},
      { contractorCertifications: [pso('trede_3', { validFrom: '2024-01-01', validUntil: '2025-12-31' })] },
      true,
      400_000,
      5,
      undefined,
    ],
    [
      'PSO starting one day after the contract start: no discount',
      {},
      { contractorCertifications: [pso('trede_3', { validFrom: '2024-01-02' })] },
      true,
      500_000,
      5,
      undefined,
    ],
    [
      'a higher level than required counts (trede 2 earns the trede 1 discount)',
      {},
      { contractorCertifications: [pso('trede_2')] },
      true,
      450_000,
      5,
      undefined,
    ],
    [
      'an unverified PSO certificate earns nothing',
      {},
      { contractorCertifications: [pso('trede_3', { status: 'unverified' })] },
      true,
      500_000,
      5,
      undefined,
    ],
    [
      'an open-ended PSO certificate',
      {},
      { contractorCertifications: [pso('trede_1', { validUntil: null })] },
      true,
      450_000,
      5,
      undefined,
    ],
    [
      'the best of several certificates',
      {},
      {
        contractorCertifications: [
          pso('trede_1'),
          pso('trede_3', { validUntil: '2025-06-30' }),
          pso('trede_3'),
        ],
      },
      true,
      400_000,
      5,
      undefined,
    ],
    [
      'discount applies after the cap',
      { capCents: 30_000_000 },
      { contractValueCents: 1_000_000_000, contractorCertifications: [pso('trede_3')] },
      true,
      24_000_000,
      5,
      undefined,
    ],
    [
      'discounted amount rounds half up (500,001 × 0.8 = 400,000.8)',
      {},
      { contractValueCents: 10_000_010, contractorCertifications: [pso('trede_3')] },
      true,
      400_001,
      5,
      undefined,
    ],
  ])('%s', (_name, policyOverrides, inputOverrides, applicable, amountCents, percentage, reason) => {
    const result = computeObligation(examplePolicy(policyOverrides), input(inputOverrides));
    expect(result).toMatchObject({ applicable, amountCents, percentage });
    expect(result.reason).toBe(reason);
    expect(result.breakdown.at(-1)).toMatchObject({ code: 'TOTAL', valueCents: amountCents });
  });

  it('explains each step, and the lines add up to the total', () => {
    const result = computeObligation(
      examplePolicy({ capCents: 30_000_000 }),
      input({ contractValueCents: 1_000_000_000, contractorCertifications: [pso('trede_3')] }),
    );
    expect(result.breakdown.map((l) => l.code)).toEqual([
      'BASE',
      'PERCENTAGE_DEFAULT',
      'AMOUNT',
      'CAP_APPLIED',
      'PSO_DISCOUNT',
      'TOTAL',
    ]);
    expect(result.psoDiscount).toEqual({ level: 'trede_3', percentage: 20, discountCents: 6_000_000 });
    expect(
      result.grossAmountCents + result.breakdown.find((l) => l.code === 'PSO_DISCOUNT')!.valueCents!,
    ).toBe(result.amountCents);
    for (const line of result.breakdown) {
      expect(line.labelNl).toBeTruthy();
      expect(line.labelEn).toBeTruthy();
    }
  });

  it('rejects malformed input instead of guessing', () => {
    expect(() => computeObligation(examplePolicy(), input({ contractValueCents: 1.5 }))).toThrow(
      'contractValueCents',
    );
    expect(() => computeObligation(examplePolicy(), input({ contractEnd: '2023-12-31' }))).toThrow(
      'contract period',
    );
  });
});
