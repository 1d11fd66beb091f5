import type { MeetingDayEntity, MeetingEntity, MeetingEventStatus } from '@app/database';
import { type Actor, isAdmin, isOfficerOf } from '../identity/actor';
import type { VisibleWhere } from '../identity/visible-row';

/** Days open for registration, and closed ones: anyone, signed in or not, sees these. */
export const PUBLIC_MEETING_DAY_STATUSES: MeetingEventStatus[] = ['open', 'closed'];

/** The host of a day: the officers of the buyer holding it, and admins. The host sees every registration and meeting. */
export function isMeetingDayHost(
  actor: Actor | undefined,
  day: Pick<MeetingDayEntity, 'buyerOrganisationId'>,
): boolean {
  return isAdmin(actor) || isOfficerOf(actor, day.buyerOrganisationId);
}

/** The one rule for a meeting day: anyone sees an open or closed day, its host also a draft. Anyone else: 404. */
export function canSeeMeetingDay(
  actor: Actor | undefined,
  day: Pick<MeetingDayEntity, 'status' | 'buyerOrganisationId'>,
): boolean {
  return PUBLIC_MEETING_DAY_STATUSES.includes(day.status) || isMeetingDayHost(actor, day);
}

/**
 * `canSeeMeetingDay` for a list of days under `alias`: the public days, and a buyer's officers also its drafts.
 * Admins list the public days only (they open a draft by its id), as the list always did.
 */
export function visibleMeetingDaysWhere(actor: Actor | undefined, alias: string): VisibleWhere {
  const own = actor?.role === 'procurement_officer' ? actor.organisationId : null;
  return own
    ? {
        sql: `(${alias}.status IN (:...pub) OR ${alias}.buyer_organisation_id = :own)`,
        params: { pub: PUBLIC_MEETING_DAY_STATUSES, own },
      }
    : { sql: `${alias}.status IN (:...pub)`, params: { pub: PUBLIC_MEETING_DAY_STATUSES } };
}

/** The one rule for a planned meeting: its two organisations (the host reads them all through the day's schedule). */
export function isMeetingParty(
  actor: Pick<Actor, 'organisationId'>,
  meeting: Pick<MeetingEntity, 'contractorOrganisationId' | 'socialEnterpriseOrganisationId'>,
): boolean {
  return (
    actor.organisationId !== null &&
    (meeting.contractorOrganisationId === actor.organisationId ||
      meeting.socialEnterpriseOrganisationId === actor.organisationId)
  );
}

/** `isMeetingParty` for a list of meetings under `alias`. */
export function meetingPartyWhere(actor: Pick<Actor, 'organisationId'>, alias: string): VisibleWhere {
  return {
    sql: `(${alias}.contractor_organisation_id = :org OR ${alias}.social_enterprise_organisation_id = :org)`,
    params: { org: actor.organisationId },
  };
}
