/** Time arithmetic of a meeting day: `HH:MM` in Dutch local time, slots, and instants with their UTC offset. */

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOf(hhmm: string): number {
  if (!HH_MM.test(hhmm)) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface DaySlot {
  index: number;
  /** Minutes after midnight, local time. */
  start: number;
  end: number;
}

/** Whole slots of `slotMinutes` from the start; a remainder shorter than a slot at the end is not used. */
export function daySlots(startTime: string, endTime: string, slotMinutes: number): DaySlot[] {
  const start = minutesOf(startTime);
  const end = minutesOf(endTime);
  const slots: DaySlot[] = [];
  for (let s = start; s + slotMinutes <= end; s += slotMinutes) {
    slots.push({ index: slots.length, start: s, end: s + slotMinutes });
  }
  return slots;
}

/** The slots lying wholly inside [from, until]; a missing bound is the start or end of the day. */
export function slotsWithin(slots: DaySlot[], from: string | null, until: string | null): number[] {
  const lo = from === null ? -Infinity : minutesOf(from);
  const hi = until === null ? Infinity : minutesOf(until);
  return slots.filter((s) => s.start >= lo && s.end <= hi).map((s) => s.index);
}

const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/** The Europe/Amsterdam UTC offset in minutes at an instant (+60 in winter, +120 in summer). */
function offsetAt(instant: Date): number {
  const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * The instant of a Dutch wall-clock time on a date, as a Date and as ISO 8601 with its offset
 * (`2026-06-12T09:00:00+02:00`). Meeting hours never fall in the night-time DST gap, so the first guess of the
 * offset, corrected once, is exact.
 */
export function amsterdamInstant(date: string, minutes: number): { at: Date; iso: string } {
  const wall = Date.parse(`${date}T${hhmmOf(minutes)}:00Z`);
  let offset = offsetAt(new Date(wall - 60 * 60_000));
  offset = offsetAt(new Date(wall - offset * 60_000));
  const at = new Date(wall - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const iso = `${date}T${hhmmOf(minutes)}:00${sign}${hhmmOf(abs)}`;
  return { at, iso };
}

/** ISO 8601 with the Amsterdam offset for a stored instant. */
export function amsterdamIso(instant: Date): string {
  const offset = offsetAt(instant);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${hhmmOf(Math.abs(offset))}`;
}
