import { type Actor, isOfficerOf } from '../identity/actor';

/**
 * The two organisations of an obligation, which are those of its contract: the buyer and the contractor. A
 * tender's report asks with the tender's buyer and its contract's contractor (none before award).
 */
export interface ObligationParties {
  buyerOrganisationId: string;
  contractorOrganisationId: string | null | undefined;
}

/** The contractor of the obligation's contract. */
export function isObligationContractor(
  actor: Pick<Actor, 'role' | 'organisationId'>,
  o: Pick<ObligationParties, 'contractorOrganisationId'>,
): boolean {
  return (
    actor.role === 'contractor' &&
    actor.organisationId !== null &&
    actor.organisationId === o.contractorOrganisationId
  );
}

/**
 * The one rule for an obligation, its contract and what hangs off them (contributions, matches, obligation and
 * tender reports): an officer of the buyer, or the contractor of the contract. Anyone else is answered 404.
 */
export function canSeeObligation(actor: Actor, o: ObligationParties): boolean {
  return isOfficerOf(actor, o.buyerOrganisationId) || isObligationContractor(actor, o);
}
