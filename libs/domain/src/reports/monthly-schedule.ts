/** Dutch public holidays that can fall in the first days of a month (only New Year's Day does). */
function isHoliday(iso: string): boolean {
  return iso.slice(5) === '01-01';
}

function isWeekend(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The first working day (Monday to Friday, not a public holiday) of the month of `iso`. */
export function firstWorkingDayOfMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  for (let d = 1; ; d += 1) {
    const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (!isWeekend(day) && !isHoliday(day)) return day;
  }
}

/** The calendar month before the month of `iso`: `{ from: first day, to: last day }`. */
export function previousMonth(iso: string): { from: string; to: string; month: string } {
  const [y, m] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  const from = first.toISOString().slice(0, 10);
  return { from, to: last.toISOString().slice(0, 10), month: from.slice(0, 7) };
}

/**
 * BullMQ cron cannot say "first working day", so the scheduler ticks on days 1 to 4 (the first working day is
 * always among them: 1 January on a Friday gives Monday the 4th) and the tick acts only on the right day.
 */
export const MONTHLY_TICK_PATTERN = '0 7 1-4 * *';
export const SCHEDULE_TIMEZONE = 'Europe/Amsterdam';
