import { actorOf } from '../identity/testing.fixtures';
import { isOwnPolicy, visiblePoliciesWhere } from './policy-visibility';

describe('isOwnPolicy: a policy is its buyer’s own', () => {
  const policy = { buyerOrganisationId: 'buyer-1' };

  it.each([
    ['an officer of the buyer', actorOf('procurement_officer', 'buyer-1'), true],
    ["another buyer's officer", actorOf('procurement_officer', 'buyer-2'), false],
    ["a contractor in the buyer's organisation", actorOf('contractor', 'buyer-1'), false],
    ['an admin', actorOf('admin', null), false],
  ])('%s: %s', (_who, actor, own) => expect(isOwnPolicy(actor, policy)).toBe(own));

  it('as SQL: the officer’s buyer, nothing for anyone else', () => {
    expect(visiblePoliciesWhere(actorOf('procurement_officer', 'buyer-1'), 'p')).toEqual({
      sql: 'p.buyer_organisation_id = :buyer',
      params: { buyer: 'buyer-1' },
    });
    expect(visiblePoliciesWhere(actorOf('contractor', 'c-1'), 'p').sql).toBe('FALSE');
  });
});
