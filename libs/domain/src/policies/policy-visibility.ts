import type { SroiPolicyEntity } from '@app/database';
import { type Actor, isOfficerOf } from '../identity/actor';
import type { VisibleWhere } from '../identity/visible-row';

/**
 * The one rule for an SROI policy: it is its buyer's own, seen, changed and attached to tenders by that buyer's
 * officers only. Anyone else is answered 404 (422 when a tender names another buyer's policy).
 */
export function isOwnPolicy(actor: Actor, p: Pick<SroiPolicyEntity, 'buyerOrganisationId'>): boolean {
  return isOfficerOf(actor, p.buyerOrganisationId);
}

/** `isOwnPolicy` for a list of policies under `alias`. */
export function visiblePoliciesWhere(actor: Actor, alias: string): VisibleWhere {
  return actor.role === 'procurement_officer' && actor.organisationId !== null
    ? { sql: `${alias}.buyer_organisation_id = :buyer`, params: { buyer: actor.organisationId } }
    : { sql: 'FALSE', params: {} };
}
