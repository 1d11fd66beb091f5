import type { TenderEntity, TenderStatus } from '@app/database';
import { type Actor, isOfficerOf } from '../identity/actor';
import type { VisibleWhere } from '../identity/visible-row';

/** Published tenders and what followed: anyone, signed in or not, sees these. */
export const PUBLIC_TENDER_STATUSES: TenderStatus[] = ['active', 'awarded', 'complete'];

type TenderParties = Pick<TenderEntity, 'status' | 'buyerOrganisationId'>;

/**
 * The one rule for a tender (its page, its matches, its OCDS package): anyone sees an active, awarded or complete
 * tender; the officers of its buyer also see its drafts and cancelled ones. Anyone else is answered 404.
 */
export function canSeeTender(actor: Actor | undefined, t: TenderParties): boolean {
  return PUBLIC_TENDER_STATUSES.includes(t.status) || isOfficerOf(actor, t.buyerOrganisationId);
}

/** The officers of its buyer change a tender (an imported one stays read-only; see `TendersService`). */
export function isOwnTender(actor: Actor, t: Pick<TenderEntity, 'buyerOrganisationId'>): boolean {
  return isOfficerOf(actor, t.buyerOrganisationId);
}

/** `canSeeTender` for a list of tenders under `alias`. */
export function visibleTendersWhere(actor: Actor | undefined, alias: string): VisibleWhere {
  const own = actor?.role === 'procurement_officer' ? actor.organisationId : null;
  return own
    ? {
        sql: `(${alias}.status IN (:...pub) OR ${alias}.buyer_organisation_id = :own)`,
        params: { pub: PUBLIC_TENDER_STATUSES, own },
      }
    : { sql: `${alias}.status IN (:...pub)`, params: { pub: PUBLIC_TENDER_STATUSES } };
}
