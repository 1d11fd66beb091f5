import { addDays, daysBetween, fromDayNumber, isValidIsoDate, toDayNumber } from './dates';
import { capPeriodToMonths, clipPeriod, placementMonths } from './months';
import { Rational } from './rational';

describe('dates', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
  ])('%s + %i day = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00:00Z', false],
  ])('isValidIsoDate(%s) = %s', (date, valid) => {
    expect(isValidIsoDate(date)).toBe(valid);
  });

  it('day numbers round-trip and ignore the host time zone', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    for (let d = toDayNumber('1999-12-01'); d < toDayNumber('2001-03-31'); d++) {
      expect(toDayNumber(fromDayNumber(d))).toBe(d);
    }
  });
});

describe('placementMonths (end inclusive)', () => {
  it.each([
    ['2024-01-01', '2024-12-31', '12', 'leap year, whole year'],
    ['2023-01-01', '2023-12-31', '12', 'common year, whole year'],
    ['2024-01-15', '2024-02-14', '1', 'mid-month to mid-month'],
    ['2024-01-15', '2024-02-15', '1 1/29', 'one day into the next month (15 Feb–15 Mar 2024 is 29 days)'],
    ['2024-01-01', '2024-01-15', '15/31', 'half of January'],
    ['2024-02-01', '2024-02-29', '1', 'February of a leap year'],
    ['2023-02-01', '2023-02-28', '1', 'February of a common year'],
    ['2024-02-01', '2024-02-14', '14/29', 'two weeks of a leap February'],
    ['2023-02-01', '2023-02-14', '1/2', 'two weeks of a common February'],
    ['2024-01-31', '2024-02-29', '1', 'from the 31st: boundary rolls to 1 Mar'],
    ['2024-02-29', '2025-02-28', '12', 'from leap day: one year'],
    ['2024-03-01', '2024-03-01', '1/31', 'a single day'],
    ['2024-01-10', '2024-03-20', '2 11/31', 'two months and 11 days of a 31-day month'],
    ['2023-12-15', '2024-01-14', '1', 'across the year end'],
  ])('%s – %s = %s months (%s)', (start, end, expected) => {
    expect(placementMonths(start, end).toString()).toBe(expected);
  });

  it('clips to the contract and caps by whole months', () => {
    const clipped = clipPeriod(
      { start: '2023-07-01', end: '2026-06-30' },
      { start: '2024-01-01', end: '2025-12-31' },
    );
    expect(clipped).toEqual({ start: '2024-01-01', end: '2025-12-31' });
    expect(capPeriodToMonths(clipped!, 12)).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(
      clipPeriod({ start: '2023-01-01', end: '2023-12-31' }, { start: '2024-01-01', end: '2024-12-31' }),
    ).toBe(null);
  });
});

describe('Rational', () => {
  it.each([
    [0.35, '7/20'],
    [2.5, '2 1/2'],
    [0.1, '1/10'],
    [1e-7, '1/10000000'],
    [36, '36'],
  ])('fromNumber(%p) is exactly %s', (n, expected) => {
    expect(Rational.fromNumber(n).toString()).toBe(expected);
  });

  it.each([
    [1n, 2n, 1n],
    [3n, 2n, 2n],
    [-1n, 2n, -1n],
    [49_999n, 100_000n, 0n],
    [2_666_666_666_667n, 1_000_000n, 2_666_667n],
  ])('roundHalfUp(%p/%p) = %p', (num, den, expected) => {
    expect(Rational.of(num, den).roundHalfUp()).toBe(expected);
  });
});
