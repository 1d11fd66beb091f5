import { daysBetween } from '../sroi/dates';

export type ObligationStatus = 'open' | 'on_track' | 'at_risk' | 'met' | 'not_met' | 'waived';

export interface ProgressInput {
  amountCents: number;
  contractStart: string;
  contractEnd: string;
  dueDate: string;
  waived: boolean;
  today: string;
  penaltyPercentage?: number | null;
  contributions: {
    status: 'submitted' | 'verified' | 'rejected';
    claimedValueCents: number;
    verifiedValueCents: number | null;
  }[];
}

export interface Progress {
  claimedCents: number;
  verifiedCents: number;
  remainingCents: number;
  forecastCents: number;
  status: ObligationStatus;
  /** After the due date when not met: the policy's penalty on the shortfall (a preview, not an invoice). */
  penaltyPreviewCents: number | null;
  elapsedShare: number;
}

/**
 * Progress of one obligation. claimed = non-rejected claims; verified = officer-verified values. The
 * forecast extrapolates the claims so far linearly over the contract period (claimed / elapsed share).
 */
export function computeProgress(p: ProgressInput): Progress {
  const live = p.contributions.filter((c) => c.status !== 'rejected');
  const claimedCents = live.reduce((s, c) => s + c.claimedValueCents, 0);
  const verifiedCents = p.contributions
    .filter((c) => c.status === 'verified')
    .reduce((s, c) => s + (c.verifiedValueCents ?? 0), 0);
  const remainingCents = Math.max(0, p.amountCents - verifiedCents);
  // Day counts, not addDays(end, 1): a stored end date of 9999-12-31 must still give a progress, never an error.
  const totalDays = daysBetween(p.contractStart, p.contractEnd) + 1;
  const elapsedDays = Math.min(Math.max(daysBetween(p.contractStart, p.today) + 1, 0), totalDays);
  const elapsedShare = totalDays > 0 ? elapsedDays / totalDays : 1;
  // Integer arithmetic on days: claimed × total / elapsed, rounded half up.
  const forecastCents =
    elapsedDays > 0
      ? Math.floor((claimedCents * totalDays * 2 + elapsedDays) / (2 * elapsedDays))
      : claimedCents;

  let status: ObligationStatus;
  let penaltyPreviewCents: number | null = null;
  if (p.waived) status = 'waived';
  else if (verifiedCents >= p.amountCents) status = 'met';
  else if (p.today > p.dueDate) {
    status = 'not_met';
    if (p.penaltyPercentage) penaltyPreviewCents = Math.round((remainingCents * p.penaltyPercentage) / 100);
  } else if (live.length === 0) status = 'open';
  else status = Math.max(forecastCents, claimedCents) >= p.amountCents ? 'on_track' : 'at_risk';
  return {
    claimedCents,
    verifiedCents,
    remainingCents,
    forecastCents,
    status,
    penaltyPreviewCents,
    elapsedShare,
  };
}
