const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the Netherlands as YYYY-MM-DD (certificate validity is judged by Dutch calendar days). */
export function todayInNl(now: Date = new Date()): string {
  return AMSTERDAM.format(now);
}

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The one range every date must fall in at the edge: far-off years (9999-12-31 + 1 day is year 10000) break
 * date arithmetic and say nothing a procurement platform needs.
 */
export const MIN_DATE = '2000-01-01';
export const MAX_DATE = '2100-12-31';
export const DATE_RULE = `a date YYYY-MM-DD from ${MIN_DATE} to ${MAX_DATE}`;

/** A real calendar date in YYYY-MM-DD form within MIN_DATE..MAX_DATE (rejects 2023-02-29). */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || value < MIN_DATE || value > MAX_DATE)
    return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
