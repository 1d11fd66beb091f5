import type { TenderEntity } from '@app/database';
import { computeObligation, type ObligationReason } from '../sroi/obligation';
import type { SroiPolicyBody } from '../sroi/policy.types';

/** The SROI condition of a tender in money, as its public page shows it. */
export interface TenderSroiCondition {
  /** The percentage that applies: the tender's own, else the policy's (default or low-labour). */
  percentage: number | null;
  /** The obligation the tender would create at its estimated value (before a contractor's PSO discount). */
  estimatedObligationCents: number | null;
  /** False when the policy asks nothing of this tender (category, threshold, labour share). */
  applicable: boolean | null;
  /** Why it does not apply (`BELOW_THRESHOLD`, ...); null when it does. */
  notApplicableReason: ObligationReason | null;
}

/**
 * The expected obligation of a tender, computed by the SROI engine from its estimated value under its policy, the
 * way the award will compute it (no contractor yet, so no PSO discount). Unknown (nulls) when the tender lacks
 * what the engine needs (no policy loaded, no estimated value or contract period).
 */
export function tenderSroiCondition(t: TenderEntity): TenderSroiCondition {
  const unknown: TenderSroiCondition = {
    percentage: t.sroiPercentage ?? null,
    estimatedObligationCents: null,
    applicable: null,
    notApplicableReason: null,
  };
  const policy = t.sroiPolicy?.body as SroiPolicyBody | undefined;
  if (!policy || t.estimatedValueCents == null || !t.mainProcurementCategory || !t.contractStart)
    return unknown;
  try {
    const r = computeObligation(policy, {
      category: t.mainProcurementCategory,
      contractValueCents: Number(t.estimatedValueCents),
      percentageOverride: t.sroiPercentage,
      labourShare: t.labourShare,
      contractStart: t.contractStart,
      contractEnd: t.contractEnd ?? t.contractStart,
      contractorCertifications: [],
    });
    return {
      percentage: r.applicable ? r.percentage : (t.sroiPercentage ?? null),
      estimatedObligationCents: r.amountCents,
      applicable: r.applicable,
      notApplicableReason: r.reason ?? null,
    };
  } catch {
    return unknown;
  }
}
