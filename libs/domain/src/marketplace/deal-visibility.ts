import type { UserRole } from '@app/database';
import { type Actor, isOfficerOf } from '../identity/actor';
import type { VisibleWhere } from '../identity/visible-row';
import { isObligationContractor } from '../obligations/obligation-visibility';

/** A quote request or an order (and the quotes and invoices under them): a deal with its three parties. */
export interface DealParties {
  contractorOrganisationId: string;
  socialEnterpriseId: string;
  buyerOrganisationId: string;
}

export type MarketplaceParty = 'contractor' | 'social_enterprise' | 'officer';

/**
 * The one rule for a deal: which side of it the caller is on. Its contractor and the officers of the obligation's
 * buyer as for the obligation (`canSeeObligation`), and the social enterprise asked. Officers may read, never act.
 * Null means a stranger, answered 404.
 */
export function partyOf(
  actor: Pick<Actor, 'role' | 'organisationId'>,
  deal: DealParties,
): MarketplaceParty | null {
  if (!actor.organisationId) return null;
  if (isObligationContractor(actor, deal)) return 'contractor';
  if (actor.role === 'social_enterprise' && actor.organisationId === deal.socialEnterpriseId)
    return 'social_enterprise';
  if (isOfficerOf(actor, deal.buyerOrganisationId)) return 'officer';
  return null;
}

const DEAL_COLUMN: Record<UserRole, string | null> = {
  contractor: 'contractor_organisation_id',
  social_enterprise: 'social_enterprise_id',
  procurement_officer: 'buyer_organisation_id',
  admin: null,
};

/** `partyOf` for a list of deals under `alias`: the column that makes a row the caller's; other roles see none. */
export function visibleDealsWhere(actor: Actor, alias: string): VisibleWhere | null {
  const column = DEAL_COLUMN[actor.role];
  if (!column || !actor.organisationId) return null;
  return { sql: `${alias}.${column} = :org`, params: { org: actor.organisationId } };
}
