import type { MeetingDayEntity } from '@app/database';

/** The notifications of a meeting day, in Dutch like the product's other notifications. */

const DATE_NL = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });

/** `2026-06-12` → `12 juni 2026`. */
export function dutchDate(iso: string): string {
  return DATE_NL.format(new Date(`${iso}T00:00:00Z`));
}

const dayOf = (e: Pick<MeetingDayEntity, 'title' | 'date' | 'startTime' | 'endTime'>): string =>
  `"${e.title}" op ${dutchDate(e.date)} (${e.startTime}–${e.endTime})`;

/** To an organisation that matches one of the host's open obligations, when registration opens. */
export function registrationOpenMessage(
  event: Pick<MeetingDayEntity, 'title' | 'date' | 'startTime' | 'endTime'>,
  kind: 'contractor' | 'social_enterprise',
): string {
  return kind === 'contractor'
    ? `U kunt zich inschrijven voor de ontmoetingsdag ${dayOf(event)}: u ontmoet er sociale ondernemingen die passen bij uw social-return-verplichting.`
    : `U kunt zich inschrijven voor de ontmoetingsdag ${dayOf(event)}: u ontmoet er opdrachtnemers voor wie uw aanbod meetelt voor social return.`;
}

/** To every registrant, when the officer publishes the schedule. */
export function schedulePublishedMessage(
  event: Pick<MeetingDayEntity, 'title' | 'date' | 'startTime' | 'endTime'>,
  meetings: number,
): string {
  return meetings > 0
    ? `Uw gesprekken voor ${dayOf(event)} staan klaar: ${meetings} ${meetings === 1 ? 'gesprek' : 'gesprekken'}.`
    : `Het programma van ${dayOf(event)} staat klaar; er is voor u geen gesprek ingepland.`;
}
