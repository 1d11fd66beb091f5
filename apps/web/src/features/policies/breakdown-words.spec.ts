import { type BreakdownLineLike, localiseText, wordBreakdownLine } from './breakdown-words';

/*
 * The rule engine itself (libs/domain), so the words are checked against the lines it really writes. Required by
 * Jest's module map: the web's tsconfig does not see the server's libraries, hence the hand-written types.
 */
type Engine = {
  computeObligation: (policy: unknown, input: unknown) => { breakdown: BreakdownLineLike[] };
  valueContribution: (policy: unknown, ctx: unknown, body: unknown) => { breakdown: BreakdownLineLike[] };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { computeObligation, valueContribution } = require('@app/domain/sroi') as Engine;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { examplePolicy } = require('@app/domain/sroi/testing.fixtures') as {
  examplePolicy: (overrides: Record<string, unknown>) => unknown;
};

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('breakdown words', () => {
  it('words the obligation amount in the money format of the page', () => {
    const line = {
      code: 'AMOUNT',
      labelNl: 'Bedrag: grondslag × percentage',
      labelEn: 'Amount: base × percentage',
      detail: '780000.00 × 5 % = 39000.00',
      params: { baseCents: 78_000_000, percentage: 5, amountCents: 3_900_000 },
    };
    expect(nbsp(wordBreakdownLine(line, 'nl').detail!)).toBe('€ 780.000,00 × 5% = € 39.000,00');
    expect(nbsp(wordBreakdownLine(line, 'en').detail!)).toBe('€780,000.00 × 5% = €39,000.00');
  });

  it('words a line stored without params from its own text', () => {
    const old = {
      code: 'AMOUNT',
      labelNl: 'Bedrag: grondslag × percentage',
      labelEn: 'Amount: base × percentage',
      detail: '780000.00 × 5 % = 39000.00',
    };
    expect(nbsp(wordBreakdownLine(old, 'nl').detail!)).toBe('€ 780.000,00 × 5% = € 39.000,00');
    expect(nbsp(localiseText('pso trede_3 2024-01-01 – 2027-12-31 (verified)', 'nl'))).toBe(
      'PSO trede 3 1 januari 2024 – 31 december 2027 (gecontroleerd)',
    );
    expect(localiseText('Bonus age_50_plus, vast bedrag', 'nl')).not.toMatch(/_/);
  });

  it('words a certification as people write it', () => {
    const line = {
      code: 'CERTIFICATION',
      labelNl: 'Leverancier was op de factuurdatum gecertificeerd',
      labelEn: 'The supplier was certified on the invoice date',
      detail: 'pso trede_3 2024-01-01 – 2027-12-31 (verified)',
      params: {
        certificationType: 'pso',
        psoLevel: 'trede_3',
        validFrom: '2024-01-01',
        validUntil: '2027-12-31',
        certificationStatus: 'verified',
      },
    };
    expect(wordBreakdownLine(line, 'nl').detail).toBe(
      'PSO trede 3, geldig 1 januari 2024 – 31 december 2027 (gecontroleerd)',
    );
    expect(wordBreakdownLine(line, 'en').detail).toBe(
      'PSO step 3, valid 1 January 2024 – 31 December 2027 (verified)',
    );
  });

  it('leaves no code, raw amount or ISO date in any line the engine writes', () => {
    const policy = examplePolicy({
      purchaseRule: {
        eligibleCertifications: ['pso'],
        minPsoLevel: null,
        mode: 'labour_component',
        factor: null,
      },
    });
    const obligation = computeObligation(policy, {
      category: 'works',
      contractValueCents: 78_000_000,
      percentageOverride: null,
      labourShare: null,
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      contractorCertifications: [
        {
          type: 'pso',
          level: 'trede_3',
          validFrom: '2024-01-01',
          validUntil: '2028-12-31',
          status: 'verified',
        },
      ],
    });
    const ctx = {
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
      supplierCertifications: [
        {
          type: 'pso' as const,
          level: 'trede_3' as const,
          validFrom: '2024-01-01',
          validUntil: '2027-12-31',
          status: 'verified' as const,
        },
      ],
      supplierInRegion: true,
    };
    const placement = valueContribution(policy, ctx, {
      category: 'employment',
      targetGroup: 'participatiewet',
      benefitMonths: 30,
      hoursPerWeek: 36,
      startDate: '2026-02-01',
      endDate: '2026-12-31',
      bonuses: ['age_50_plus', 'permanent_contract'],
      personToken: 'p-1',
    });
    const purchase = valueContribution(policy, ctx, {
      category: 'social_purchase',
      supplierOrganisationId: 'x',
      invoiceNumber: 'F-1',
      invoiceDate: '2026-03-01',
      amountCents: 1_234_56,
      labourShare: 0.4,
    });
    const lines = [...obligation.breakdown, ...placement.breakdown, ...purchase.breakdown];
    expect(lines.length).toBeGreaterThan(6);
    for (const locale of ['nl', 'en'] as const) {
      for (const line of lines) {
        const w = wordBreakdownLine(line, locale);
        const text = `${w.label} ${w.detail ?? ''}`;
        expect(text).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b/);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        // No amount as the engine writes it (`1234.56`): only the page's money format (`€ 1.234,56`).
        expect(text).not.toMatch(/(?<![€\s\d.,])\d+\.\d{2}\b/);
        expect(text).not.toMatch(/EUR /);
      }
    }
  });
  it("names a building block by its facts, never by the officer's code", () => {
    const ctx = { contractStart: '2026-01-01', contractEnd: '2027-12-31', supplierCertifications: [] };
    const activity = valueContribution(examplePolicy({}), ctx, {
      category: 'social_activity',
      blockCode: 'ACT_HOUR',
      quantity: 3,
      description: 'Gastles',
    });
    const line = activity.breakdown.find((l) => l.code === 'ACTIVITY')!;
    expect(nbsp(wordBreakdownLine(line, 'nl').label)).toBe(
      'Maatschappelijke activiteit, per uur: 3 × € 100,00',
    );
    expect(nbsp(wordBreakdownLine(line, 'en').label)).toBe('Social activity, per hour: 3 × €100.00');
    const placement = valueContribution(examplePolicy({}), ctx, {
      category: 'employment',
      targetGroup: 'participatiewet',
      benefitMonths: 30,
      hoursPerWeek: 36,
      startDate: '2026-02-01',
      endDate: '2026-12-31',
      personToken: 'p-2',
    });
    const block = placement.breakdown.find((l) => l.code === 'BLOCK')!;
    expect(nbsp(wordBreakdownLine(block, 'nl').label)).toBe(
      'Werkgelegenheid (Participatiewet, 24 maanden of langer in de uitkering), per fte-jaar: € 40.000,00',
    );
    for (const l of [line, block]) expect(wordBreakdownLine(l, 'en').label).not.toMatch(/ACT_HOUR|PW_2Y/);
    // A line stored before the block's facts were in its params still reads, with the code it has.
    const old = {
      ...line,
      params: { block: 'ACT_HOUR', blockValueCents: 10_000, unit: 'hour', quantity: 3 },
    };
    expect(nbsp(wordBreakdownLine(old, 'nl').label)).toBe('Bouwblok ACT_HOUR: 3 × € 100,00 per uur');
  });
});
