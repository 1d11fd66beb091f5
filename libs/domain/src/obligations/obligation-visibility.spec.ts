import { actorOf } from '../identity/testing.fixtures';
import { canSeeObligation, isObligationContractor } from './obligation-visibility';

const obligation = { buyerOrganisationId: 'buyer-1', contractorOrganisationId: 'contractor-1' };

describe('canSeeObligation: an officer of the buyer, or the contractor of the contract', () => {
  it.each([
    ['an officer of the buyer', actorOf('procurement_officer', 'buyer-1'), true],
    ['the contractor', actorOf('contractor', 'contractor-1'), true],
    ["another buyer's officer", actorOf('procurement_officer', 'buyer-2'), false],
    ['another contractor', actorOf('contractor', 'contractor-2'), false],
    // The right organisation under the wrong role is still a stranger.
    ["an officer in the contractor's organisation", actorOf('procurement_officer', 'contractor-1'), false],
    ["a contractor in the buyer's organisation", actorOf('contractor', 'buyer-1'), false],
    ['a social enterprise', actorOf('social_enterprise', 'contractor-1'), false],
    ['an admin', actorOf('admin', null), false],
  ])('%s: %s', (_who, actor, visible) => expect(canSeeObligation(actor, obligation)).toBe(visible));

  it('before award (no contract yet) only the officers of the buyer', () => {
    const tender = { buyerOrganisationId: 'buyer-1', contractorOrganisationId: undefined };
    expect(canSeeObligation(actorOf('procurement_officer', 'buyer-1'), tender)).toBe(true);
    expect(canSeeObligation(actorOf('contractor', 'contractor-1'), tender)).toBe(false);
    expect(isObligationContractor(actorOf('contractor', null), { contractorOrganisationId: null })).toBe(
      false,
    );
  });
});
