import type { CertificationFact, SroiPolicyBody } from '../sroi/policy.types';
import { examplePolicy } from '../sroi/testing.fixtures';
import { type ProjectionInput, projectCredit } from './projection';

const cert: CertificationFact = {
  type: 'pso',
  level: 'trede_2',
  validFrom: '2025-01-01',
  validUntil: null,
  status: 'verified',
};

function policyWith(rule: Partial<SroiPolicyBody['purchaseRule']>): SroiPolicyBody {
  const base = examplePolicy();
  return { ...base, purchaseRule: { ...base.purchaseRule, ...rule } };
}

const input = (over: Partial<ProjectionInput> = {}): ProjectionInput => ({
  policy: examplePolicy(),
  contractStart: '2026-01-01',
  contractEnd: '2027-12-31',
  today: '2026-07-01',
  remainingCents: 3_000_000,
  supplierOrganisationId: 'se',
  supplierCertifications: [cert],
  labourShare: null,
  capacityCentsPerMonth: null,
  ...over,
});

describe('projectCredit per purchase mode', () => {
  it.each([
    ['full_invoice', { mode: 'full_invoice' as const, factor: null }, null, 3_000_000, 3_000_000],
    ['factor 0.3', { mode: 'factor' as const, factor: 0.3 }, null, 3_000_000, 10_000_000],
    ['labour component 0.4', { mode: 'labour_component' as const, factor: null }, 0.4, 3_000_000, 7_500_000],
    // 1,000,000 / 0.3 = 3,333,333.33…: the contractor must spend a whole cent more
    ['factor, rounding up', { mode: 'factor' as const, factor: 0.3 }, null, 3_000_000, 10_000_000],
  ])('%s', (_name, rule, labourShare, credit, spend) => {
    const p = projectCredit(input({ policy: policyWith(rule), labourShare }));
    expect(p).toMatchObject({ counts: true, projectedCreditCents: credit, spendToFillCents: spend });
  });

  it('rounds the spend to fill up to a whole cent', () => {
    const p = projectCredit(
      input({ policy: policyWith({ mode: 'factor', factor: 0.3 }), remainingCents: 1_000_000 }),
    );
    expect(p.spendToFillCents).toBe(3_333_334);
  });

  it('labour component without a stated labour share does not count', () => {
    const p = projectCredit(input({ policy: policyWith({ mode: 'labour_component', factor: null }) }));
    expect(p).toMatchObject({ counts: false, reason: 'LABOUR_SHARE_REQUIRED', projectedCreditCents: 0 });
    expect(p.spendToFillCents).toBeNull();
  });
});

describe('projectCredit with a capacity cap', () => {
  it.each([
    // 18 whole months left (1 Jul 2026 – 31 Dec 2027) × EUR 1,000 = EUR 18,000 < EUR 30,000 remaining
    ['full invoice, capped', {}, 100_000, 1_800_000],
    // capacity large enough: the remaining amount is the ceiling
    ['full invoice, not capped', {}, 500_000, 3_000_000],
    // factor 0.5: EUR 18,000 of purchases bring EUR 9,000
    ['factor, capped', { policy: policyWith({ mode: 'factor', factor: 0.5 }) }, 100_000, 900_000],
    [
      'labour component, capped',
      { policy: policyWith({ mode: 'labour_component', factor: null }), labourShare: 0.25 },
      100_000,
      450_000,
    ],
    ['contract over', { today: '2028-01-05' }, 100_000, 0],
  ])('%s', (_name, over, capacity, credit) => {
    const p = projectCredit(input({ ...over, capacityCentsPerMonth: capacity }));
    expect(p.projectedCreditCents).toBe(credit);
  });

  it('counts whole months left from the contract start when it lies ahead', () => {
    const p = projectCredit(input({ today: '2025-11-20', capacityCentsPerMonth: 100_000 }));
    expect(p.monthsLeft).toBe(24);
    expect(p.projectedCreditCents).toBe(2_400_000);
  });

  it('a stored contract end of 9999-12-31 gives months, not an error (the day after would be year 10000)', () => {
    const p = projectCredit(input({ contractEnd: '9999-12-31', capacityCentsPerMonth: 100_000 }));
    expect(p.monthsLeft).toBeGreaterThan(95_000);
    expect(p.projectedCreditCents).toBe(3_000_000);
  });
});

describe('projectCredit: counts under the frozen policy today', () => {
  it.each([
    ['no certificate', [], 'SUPPLIER_NOT_CERTIFIED'],
    ['rejected', [{ ...cert, status: 'rejected' as const }], 'CERTIFICATION_REJECTED'],
    ['unverified', [{ ...cert, status: 'unverified' as const }], 'CERTIFICATION_NOT_VERIFIED'],
    ['expired yesterday', [{ ...cert, validUntil: '2026-06-30' }], 'CERTIFICATION_EXPIRED'],
    ['type not accepted', [{ ...cert, type: 'other' as const, level: null }], 'SUPPLIER_NOT_CERTIFIED'],
  ])('%s', (_name, certs, reason) => {
    const p = projectCredit(input({ supplierCertifications: certs as CertificationFact[] }));
    expect(p).toMatchObject({ counts: false, reason, projectedCreditCents: 0, spendToFillCents: null });
  });

  it('minimum PSO level', () => {
    const policy = policyWith({ minPsoLevel: 'trede_3' });
    expect(projectCredit(input({ policy })).reason).toBe('PSO_LEVEL_TOO_LOW');
  });

  it('region: the caller says whether the supplier is inside it', () => {
    const policy = policyWith({ region: 'Haarlem' });
    expect(projectCredit(input({ policy, supplierInRegion: false })).reason).toBe('SUPPLIER_OUTSIDE_REGION');
    expect(projectCredit(input({ policy, supplierInRegion: true })).counts).toBe(true);
  });

  it('a tender whose contract has not started is judged on the supplier alone', () => {
    const p = projectCredit(input({ today: '2025-03-01' }));
    expect(p.counts).toBe(true);
  });

  it('nothing remaining: counts, but no credit to gain', () => {
    const p = projectCredit(input({ remainingCents: 0 }));
    expect(p).toMatchObject({ counts: true, projectedCreditCents: 0, spendToFillCents: 0 });
  });
});

describe('projectCredit on the valuation date (the later of today and the contract start)', () => {
  it('values a contract that has not started on its start date, as its quotes and invoices are', () => {
    const p = projectCredit(
      input({ contractStart: '2027-03-01', contractEnd: '2029-02-28', today: '2026-12-07' }),
    );
    expect(p).toMatchObject({ counts: true, projectedCreditCents: 3_000_000 });
  });

  it('judges the certificate on the contract start, not today', () => {
    // Valid today, ended before the contract starts: a purchase on the start date would not count.
    const ending: CertificationFact = { ...cert, validFrom: '2025-01-01', validUntil: '2027-01-31' };
    const p = projectCredit(
      input({
        contractStart: '2027-03-01',
        contractEnd: '2029-02-28',
        today: '2026-12-07',
        supplierCertifications: [ending],
      }),
    );
    expect(p).toMatchObject({ counts: false, projectedCreditCents: 0 });
  });

  it('does not count after the contract has ended (an invoice today would fall outside it)', () => {
    const p = projectCredit(
      input({ contractStart: '2024-01-01', contractEnd: '2025-12-31', today: '2026-12-07' }),
    );
    expect(p).toMatchObject({ counts: false, reason: 'OUTSIDE_CONTRACT_PERIOD', projectedCreditCents: 0 });
  });
});
