import type { DaySlot } from './day-slots';
import { slotsWithin } from './day-slots';

/** A registrant left out of a schedule, with why in words (the build's job result lists them). */
export interface SkippedRegistrant {
  organisationId: string;
  name: string;
  reason: string;
}

/** What the schedule reads of a registration. */
export interface RegistrationTimes {
  organisationId: string;
  availableFrom: string | null;
  availableUntil: string | null;
  organisation?: { name: string } | null;
}

/**
 * The registrations a schedule can use, each with the day's slots it is available in. One whose stored data
 * cannot be used (an availability that is not a `HH:MM` time: the column takes any five characters, and a hand
 * edit or an old import may have left one) is left out with the reason, and never fails the whole schedule.
 */
export function usableRegistrations<R extends RegistrationTimes>(
  registrations: R[],
  slots: DaySlot[],
): { usable: { registration: R; slots: number[] }[]; skipped: SkippedRegistrant[] } {
  const usable: { registration: R; slots: number[] }[] = [];
  const skipped: SkippedRegistrant[] = [];
  for (const r of registrations) {
    try {
      usable.push({ registration: r, slots: slotsWithin(slots, r.availableFrom, r.availableUntil) });
    } catch {
      skipped.push({
        organisationId: r.organisationId,
        name: r.organisation?.name ?? r.organisationId,
        reason:
          `Its availability (from ${JSON.stringify(r.availableFrom)} until ${JSON.stringify(r.availableUntil)}) ` +
          'is not a time of day (HH:MM); it was left out of this schedule.',
      });
    }
  }
  return { usable, skipped };
}
