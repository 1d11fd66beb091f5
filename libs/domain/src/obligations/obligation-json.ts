import type { BreakdownLine } from '@app/common/sroi-json';
import type { ContributionEntity } from '@app/database';
import type { ObligationView } from './obligations.service';

/**
 * The public JSON of obligations and contributions (api.md), shared by the HTTP response DTOs and the JSON
 * reports so a report's JSON is the API's JSON, field for field.
 */
export interface BreakdownLineJson {
  label: string;
  code: string;
  labelNl: string;
  labelEn: string;
  valueCents?: number;
  detail?: string;
}

export function breakdownJson(lines: readonly BreakdownLine[] | null): BreakdownLineJson[] {
  return (lines ?? []).map((l) => ({ label: l.labelEn, ...l }));
}

export function obligationJson(v: ObligationView) {
  const { obligation: o, contract: c, progress: p } = v;
  return {
    id: o.id,
    tenderId: o.tenderId,
    contractId: o.contractId,
    buyerOrganisationId: o.buyerOrganisationId,
    contractorOrganisationId: o.contractorOrganisationId,
    contractorName: v.names.contractorName,
    buyerName: v.names.buyerName,
    tenderTitle: v.names.tenderTitle,
    policyId: o.policyId,
    policyVersion: o.inputs.policyVersion ?? '',
    applicable: o.applicable,
    reason: o.reason,
    percentage: o.percentage,
    amountCents: o.amountCents,
    breakdown: breakdownJson(o.breakdown),
    contractValueCents: c.valueCents,
    contractPeriod: { startDate: c.startDate, endDate: c.endDate },
    claimedCents: p.claimedCents,
    verifiedCents: p.verifiedCents,
    remainingCents: p.remainingCents,
    forecastCents: p.forecastCents,
    status: p.status as string,
    penaltyPreviewCents: p.penaltyPreviewCents,
    dueDate: o.dueDate,
    waivedReason: o.waivedReason,
    createdAt: o.createdAt.toISOString(),
    // The social-activity blocks of the frozen policy: what a delivered pledge or an activity can be counted under.
    activityBlocks: (c.policySnapshot?.blocks ?? [])
      .filter((b) => b.category === 'social_activity')
      .map((b) => ({ code: b.code, unit: b.unit as string, valueCents: b.valueCents })),
  };
}

export type ObligationJson = ReturnType<typeof obligationJson>;

export function contributionJson(c: ContributionEntity) {
  return {
    id: c.id,
    obligationId: c.obligationId,
    category: c.category as string,
    status: c.status as string,
    claimedValueCents: c.claimedValueCents,
    verifiedValueCents: c.verifiedValueCents,
    breakdown: breakdownJson(c.breakdown),
    body: c.body,
    supplierName: c.category === 'social_purchase' ? (c.supplierOrganisation?.name ?? null) : null,
    reviewNote: c.reviewNote,
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    orderId: c.orderId,
    pledgeId: c.pledgeId ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

export type ContributionJson = ReturnType<typeof contributionJson>;
