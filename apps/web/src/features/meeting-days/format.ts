import type { Locale } from '../../i18n/format';
import type { MeetingDay } from './api';

/** `HH:MM` of an ISO 8601 time with the Amsterdam offset (the API's meeting times): Dutch local time. */
export const timeOf = (iso: string): string => iso.slice(11, 16);

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The day's slots as `HH:MM` start and end, in order (slot i is index i). */
export function slotTimes(day: Pick<MeetingDay, 'startTime' | 'slotMinutes' | 'slots'>) {
  const start = minutesOf(day.startTime);
  return Array.from({ length: day.slots }, (_, i) => ({
    start: clock(start + i * day.slotMinutes),
    end: clock(start + (i + 1) * day.slotMinutes),
  }));
}

/** A time as a person types it (`9:00`, `09.30`, `1405`) → `HH:MM`, or null. Plain text: 24 hours, in any browser. */
export function parseTime(input: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(input.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** Whole slots of `slotMinutes` between two `HH:MM` times (what the form says the day will hold). */
export function slotCount(startTime: string, endTime: string, slotMinutes: number): number {
  if (!/^\d{2}:\d{2}$/.test(startTime) || !/^\d{2}:\d{2}$/.test(endTime) || !(slotMinutes > 0)) return 0;
  return Math.max(0, Math.floor((minutesOf(endTime) - minutesOf(startTime)) / slotMinutes));
}

const weekdayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `2027-06-11` → `vrijdag 11 juni 2027` / `Friday 11 June 2027`. */
export function dayDate(iso: string, locale: Locale): string {
  let f = weekdayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'full', timeZone: 'UTC' });
    weekdayFormats.set(locale, f);
  }
  return f.format(new Date(`${iso}T00:00:00Z`));
}

/** Today in the Netherlands as `YYYY-MM-DD`: days before it are past. */
export function todayNl(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}
