import { firstWorkingDayOfMonth, previousMonth } from './monthly-schedule';

describe('monthly schedule', () => {
  it.each([
    ['2026-12-15', '2026-12-01'], // Tuesday
    ['2026-11-03', '2026-11-02'], // the 1st is a Sunday
    ['2026-08-20', '2026-08-03'], // the 1st is a Saturday
    ['2027-01-10', '2027-01-04'], // New Year's Day on a Friday, then a weekend
    ['2026-01-05', '2026-01-02'], // New Year's Day on a Thursday
  ])('in the month of %s the first working day is %s', (day, first) =>
    expect(firstWorkingDayOfMonth(day)).toBe(first),
  );

  it.each([
    ['2026-12-01', { from: '2026-11-01', to: '2026-11-30', month: '2026-11' }],
    ['2027-01-04', { from: '2026-12-01', to: '2026-12-31', month: '2026-12' }],
    ['2028-03-01', { from: '2028-02-01', to: '2028-02-29', month: '2028-02' }],
  ])('the month before %s', (day, period) => expect(previousMonth(day)).toEqual(period));
});
