import type { ReportEntity } from '@app/database';
import { type Actor, isOfficerOf } from '../identity/actor';
import type { VisibleWhere } from '../identity/visible-row';

type ReportParties = Pick<ReportEntity, 'organisationId' | 'buyerOrganisationId' | 'scope'>;

/**
 * The one rule for a report: the organisation that asked for it sees it; the officers of a buyer also see the
 * tender and buyer reports about that buyer (whoever asked). Anyone else is answered 404. Who may ask for a
 * report is the rule of what it is about (`canSeeObligation`, `isOfficerOf` for a buyer report).
 */
export function canSeeReport(actor: Actor, r: ReportParties): boolean {
  if (actor.organisationId === r.organisationId) return true;
  return isOfficerOf(actor, r.buyerOrganisationId) && (r.scope === 'tender' || r.scope === 'buyer');
}

/** `canSeeReport` for a list of reports under `alias`. */
export function visibleReportsWhere(actor: Actor, alias: string): VisibleWhere {
  return {
    sql:
      actor.role === 'procurement_officer'
        ? `(${alias}.organisation_id = :org OR (${alias}.buyer_organisation_id = :org AND ${alias}.scope IN ('tender', 'buyer')))`
        : `${alias}.organisation_id = :org`,
    params: { org: actor.organisationId },
  };
}
