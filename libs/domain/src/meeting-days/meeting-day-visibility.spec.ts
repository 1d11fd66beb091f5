import type { MeetingEventStatus } from '@app/database';
import type { Actor } from '../identity/actor';
import { actorOf } from '../identity/testing.fixtures';
import {
  canSeeMeetingDay,
  isMeetingDayHost,
  isMeetingParty,
  meetingPartyWhere,
  PUBLIC_MEETING_DAY_STATUSES,
  visibleMeetingDaysWhere,
} from './meeting-day-visibility';

const day = (status: MeetingEventStatus) => ({ status, buyerOrganisationId: 'buyer-1' });

describe('meeting days: anyone an open or closed day, its host (the buyer’s officers, admins) also a draft', () => {
  it.each<[MeetingEventStatus, Actor | undefined, boolean]>([
    ['open', undefined, true],
    ['closed', undefined, true],
    ['draft', undefined, false],
    ['draft', actorOf('procurement_officer', 'buyer-1'), true],
    ['draft', actorOf('procurement_officer', 'buyer-2'), false],
    ['draft', actorOf('admin', null), true],
    ['draft', actorOf('contractor', 'buyer-1'), false],
  ])('a %s day, seen by %j: %s', (status, actor, visible) =>
    expect(canSeeMeetingDay(actor, day(status))).toBe(visible),
  );

  it('the host', () => {
    expect(isMeetingDayHost(actorOf('procurement_officer', 'buyer-1'), day('open'))).toBe(true);
    expect(isMeetingDayHost(actorOf('admin', null), day('open'))).toBe(true);
    expect(isMeetingDayHost(actorOf('procurement_officer', 'buyer-2'), day('open'))).toBe(false);
    expect(isMeetingDayHost(undefined, day('open'))).toBe(false);
  });

  it('as SQL: the public days, and for an officer the own buyer’s days too', () => {
    expect(visibleMeetingDaysWhere(undefined, 'e')).toEqual({
      sql: 'e.status IN (:...pub)',
      params: { pub: PUBLIC_MEETING_DAY_STATUSES },
    });
    expect(visibleMeetingDaysWhere(actorOf('procurement_officer', 'buyer-1'), 'e')).toEqual({
      sql: '(e.status IN (:...pub) OR e.buyer_organisation_id = :own)',
      params: { pub: PUBLIC_MEETING_DAY_STATUSES, own: 'buyer-1' },
    });
  });
});

describe('a planned meeting: its two organisations', () => {
  const meeting = { contractorOrganisationId: 'c-1', socialEnterpriseOrganisationId: 'se-1' };

  it.each([
    ['the contractor', actorOf('contractor', 'c-1'), true],
    ['the social enterprise', actorOf('social_enterprise', 'se-1'), true],
    ['another contractor', actorOf('contractor', 'c-2'), false],
    ['an admin', actorOf('admin', null), false],
  ])('%s: %s', (_who, actor, party) => expect(isMeetingParty(actor, meeting)).toBe(party));

  it('as SQL', () =>
    expect(meetingPartyWhere(actorOf('contractor', 'c-1'), 'm')).toEqual({
      sql: '(m.contractor_organisation_id = :org OR m.social_enterprise_organisation_id = :org)',
      params: { org: 'c-1' },
    }));
});
