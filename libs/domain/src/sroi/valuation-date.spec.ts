import { countsFrom, invoiceDateInFuture, valuationDate } from './valuation-date';

describe('valuationDate and countsFrom', () => {
  it('value a purchase asked about before the contract start on the start date, and say so', () => {
    expect(valuationDate('2027-03-01', '2026-12-07')).toBe('2027-03-01');
    expect(countsFrom('2027-03-01', '2026-12-07')).toBe('2027-03-01');
  });

  it('value on today once the contract has started, with no countsFrom', () => {
    expect(valuationDate('2026-03-01', '2026-12-07')).toBe('2026-12-07');
    expect(countsFrom('2026-03-01', '2026-12-07')).toBeNull();
    expect(valuationDate('2026-12-07', '2026-12-07')).toBe('2026-12-07');
    expect(countsFrom('2026-12-07', '2026-12-07')).toBeNull();
  });
});

describe('invoiceDateInFuture', () => {
  it('refuses only dates after today', () => {
    expect(invoiceDateInFuture('2026-12-08', '2026-12-07')).toBe(true);
    expect(invoiceDateInFuture('2026-12-07', '2026-12-07')).toBe(false);
    expect(invoiceDateInFuture('2025-01-01', '2026-12-07')).toBe(false);
  });
});
