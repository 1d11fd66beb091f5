/**
 * Date-only arithmetic on 'YYYY-MM-DD'. Dates are converted to a day number (days since 1970-01-01) with
 * pure integer arithmetic, so neither the host time zone nor DST can shift a date by one day.
 */
import type { IsoDate } from './policy.types';

export class SroiInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SroiInputError';
  }
}

export interface YearMonthDay {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day numbers of the dates seen, by their text: matching compares the same few dates (contract period, today,
 * certificate validity) for every candidate pair, where parsing them again each time cost more than the rest of
 * a pair's projection. Bounded: cleared when full.
 */
const DAY_NUMBERS = new Map<string, number>();
const DAY_NUMBERS_MAX = 10_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  if (DAY_NUMBERS.has(value)) return true;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIsoDate(value: IsoDate): YearMonthDay {
  if (!isValidIsoDate(value))
    throw new SroiInputError(`Invalid date '${String(value)}', expected YYYY-MM-DD`);
  const m = ISO_DATE.exec(value)!;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function formatIsoDate({ year, month, day }: YearMonthDay): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function ymdToDayNumber({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayNumberToYmd(dayNumber: number): YearMonthDay {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function toDayNumber(date: IsoDate): number {
  let n = DAY_NUMBERS.get(date);
  if (n === undefined) {
    n = ymdToDayNumber(parseIsoDate(date));
    if (DAY_NUMBERS.size >= DAY_NUMBERS_MAX) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(date, n);
  }
  return n;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return formatIsoDate(dayNumberToYmd(dayNumber));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Negative when a is before b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Days from a to b (b exclusive); 0 for the same date. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Whether `date` lies in [from, until], `until` inclusive and open-ended when absent. */
export function isWithin(date: IsoDate, from: IsoDate, until?: IsoDate | null): boolean {
  return compareDates(from, date) <= 0 && (until == null || compareDates(date, until) <= 0);
}
