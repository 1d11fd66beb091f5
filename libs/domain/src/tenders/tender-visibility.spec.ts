import type { TenderStatus } from '@app/database';
import type { Actor } from '../identity/actor';
import { actorOf } from '../identity/testing.fixtures';
import { canSeeTender, isOwnTender, PUBLIC_TENDER_STATUSES, visibleTendersWhere } from './tender-visibility';

const tender = (status: TenderStatus) => ({ status, buyerOrganisationId: 'buyer-1' });

describe('canSeeTender: anyone a published tender, the officers of its buyer also the others', () => {
  it.each<[TenderStatus, Actor | undefined, boolean]>([
    ['active', undefined, true],
    ['awarded', undefined, true],
    ['complete', undefined, true],
    ['draft', undefined, false],
    ['cancelled', undefined, false],
    ['draft', actorOf('procurement_officer', 'buyer-2'), false],
    ['draft', actorOf('procurement_officer', 'buyer-1'), true],
    ['cancelled', actorOf('procurement_officer', 'buyer-1'), true],
    ['draft', actorOf('contractor', 'buyer-1'), false],
    ['draft', actorOf('admin', null), false],
    ['active', actorOf('social_enterprise', 'se-1'), true],
  ])('a %s tender, seen by %j: %s', (status, actor, visible) =>
    expect(canSeeTender(actor, tender(status))).toBe(visible),
  );

  it('only the officers of its buyer change it', () => {
    expect(isOwnTender(actorOf('procurement_officer', 'buyer-1'), tender('draft'))).toBe(true);
    expect(isOwnTender(actorOf('procurement_officer', 'buyer-2'), tender('draft'))).toBe(false);
    expect(isOwnTender(actorOf('contractor', 'buyer-1'), tender('draft'))).toBe(false);
  });

  it('as SQL: the public statuses, and for an officer the own buyer’s tenders too', () => {
    expect(visibleTendersWhere(undefined, 't')).toEqual({
      sql: 't.status IN (:...pub)',
      params: { pub: PUBLIC_TENDER_STATUSES },
    });
    expect(visibleTendersWhere(actorOf('contractor', 'c-1'), 't').sql).toBe('t.status IN (:...pub)');
    expect(visibleTendersWhere(actorOf('procurement_officer', 'buyer-1'), 't')).toEqual({
      sql: '(t.status IN (:...pub) OR t.buyer_organisation_id = :own)',
      params: { pub: PUBLIC_TENDER_STATUSES, own: 'buyer-1' },
    });
  });
});
