/**
 * Placement months (api.md): whole calendar months from the start date plus the remaining days as a
 * fraction of the next month's length; the end date is inclusive (1 Jan to 31 Dec is 12 months).
 *
 * Internally a period is half-open [start, end + 1 day). The k-th month boundary ("anniversary") is the
 * start's day-of-month k months later; when that month is too short the boundary is the 1st of the month
 * after (31 Jan + 1 month = 1 Mar, 29 Feb 2024 + 12 months = 1 Mar 2025). With that rule 31 Jan–28 Feb and
 * 29 Feb 2024–28 Feb 2025 are exactly 1 and 12 months, where clamping to the month end would add a stray
 * day. "The next month's length" is the number of days between the last whole-month boundary and the next.
 */
import {
  compareDates,
  fromDayNumber,
  parseIsoDate,
  SroiInputError,
  toDayNumber,
  ymdToDayNumber,
} from './dates';
import type { IsoDate } from './policy.types';
import { Rational } from './rational';

/** Both ends inclusive. */
export interface DatePeriod {
  start: IsoDate;
  end: IsoDate;
}

export function assertPeriod(period: DatePeriod, what = 'period'): void {
  if (compareDates(period.start, period.end) > 0) {
    throw new SroiInputError(`The ${what} ends (${period.end}) before it starts (${period.start})`);
  }
}

/** Day number of the boundary `k` whole months after `start`. */
export function monthBoundary(start: IsoDate, k: number): number {
  const s = parseIsoDate(start);
  const monthIndex = s.year * 12 + (s.month - 1) + k;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const first = ymdToDayNumber({ year, month, day: 1 });
  const dim =
    ymdToDayNumber({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }) - first;
  return s.day <= dim ? first + s.day - 1 : first + dim;
}

/** Exact placement months of [start, end], end inclusive. */
export function placementMonths(start: IsoDate, end: IsoDate): Rational {
  assertPeriod({ start, end });
  const s = parseIsoDate(start);
  const endExclusive = toDayNumber(end) + 1;
  const e = parseIsoDate(fromDayNumber(endExclusive));
  let whole = (e.year - s.year) * 12 + (e.month - s.month);
  if (monthBoundary(start, whole) > endExclusive) whole -= 1;
  const from = monthBoundary(start, whole);
  const remaining = endExclusive - from;
  if (remaining === 0) return Rational.of(whole);
  const nextLength = monthBoundary(start, whole + 1) - from;
  return Rational.of(whole).add(Rational.of(remaining, nextLength));
}

/** Inclusive day count. */
export function periodDays(period: DatePeriod): number {
  return toDayNumber(period.end) - toDayNumber(period.start) + 1;
}

/** The part of `period` inside `bounds`, or null when they do not overlap. */
export function clipPeriod(period: DatePeriod, bounds: DatePeriod): DatePeriod | null {
  const start = compareDates(period.start, bounds.start) >= 0 ? period.start : bounds.start;
  const end = compareDates(period.end, bounds.end) <= 0 ? period.end : bounds.end;
  return compareDates(start, end) <= 0 ? { start, end } : null;
}

/**
 * Shortens the period to at most `maxMonths` placement months from its start, so that every unit (months,
 * weeks, hours) sees the same capped period.
 */
export function capPeriodToMonths(period: DatePeriod, maxMonths: number): DatePeriod {
  if (!Number.isInteger(maxMonths) || maxMonths < 1) {
    throw new SroiInputError(`maxCountMonths must be a positive integer, got ${maxMonths}`);
  }
  const lastDay = monthBoundary(period.start, maxMonths) - 1;
  return lastDay < toDayNumber(period.end) ? { start: period.start, end: fromDayNumber(lastDay) } : period;
}

export function periodsOverlap(a: DatePeriod, b: DatePeriod): boolean {
  return compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;
}
