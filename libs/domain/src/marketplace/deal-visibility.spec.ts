import { actorOf } from '../identity/testing.fixtures';
import { partyOf, visibleDealsWhere } from './deal-visibility';

describe('partyOf: the side of a deal the caller is on', () => {
  const deal = { contractorOrganisationId: 'c', socialEnterpriseId: 's', buyerOrganisationId: 'b' };
  it.each([
    ['contractor', 'c', 'contractor'],
    ['social_enterprise', 's', 'social_enterprise'],
    ['procurement_officer', 'b', 'officer'],
    ['contractor', 'x', null],
    ['social_enterprise', 'x', null],
    ['procurement_officer', 'x', null],
    // The right organisation under the wrong role is still a stranger.
    ['social_enterprise', 'c', null],
    ['contractor', 's', null],
    ['admin', 'c', null],
    ['contractor', null, null],
  ] as const)('%s of %s is %s', (role, organisationId, party) => {
    expect(partyOf({ role, organisationId }, deal)).toBe(party);
  });

  it('as SQL: the column of the caller’s side; none for admins or a caller without an organisation', () => {
    expect(visibleDealsWhere(actorOf('contractor', 'c'), 'r')).toEqual({
      sql: 'r.contractor_organisation_id = :org',
      params: { org: 'c' },
    });
    expect(visibleDealsWhere(actorOf('social_enterprise', 's'), 'o')?.sql).toBe(
      'o.social_enterprise_id = :org',
    );
    expect(visibleDealsWhere(actorOf('procurement_officer', 'b'), 'o')?.sql).toBe(
      'o.buyer_organisation_id = :org',
    );
    expect(visibleDealsWhere(actorOf('admin', null), 'o')).toBeNull();
    expect(visibleDealsWhere(actorOf('contractor', null), 'o')).toBeNull();
  });
});
