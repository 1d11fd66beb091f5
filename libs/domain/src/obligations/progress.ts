import { daysBetween } from '../sroi/dates';

/** api.md "Obligation status"; computed here and only here (the API, the reports and the dashboard read it). */
export const OBLIGATION_STATUSES = [
  'not_started',
  'open',
  'on_track',
  'at_risk',
  'fulfilled',
  'waived',
  'closed',
] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/**
 * The statuses a risk list shows (reports, the officer dashboard): at risk by the forecast, or closed short. Never
 * not_started: a contract that has not begun is at no risk yet.
 */
export function isAtRisk(status: string): boolean {
  return status === 'at_risk' || status === 'closed';
}

/** The share of the contract period that must have passed before claims are extrapolated. */
export const FORECAST_MIN_ELAPSED_SHARE = 0.1;

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
  /** Null before the contract start and until a tenth of the contract period has passed. */
  forecastCents: number | null;
  status: ObligationStatus;
  /** After the due date when not met: the policy's penalty on the shortfall (a preview, not an invoice). */
  penaltyPreviewCents: number | null;
  elapsedShare: number;
}

/**
 * The claims extrapolated linearly from the contract start to its end (claimed × total days / elapsed days,
 * rounded half up), once at least a tenth of the contract period has passed; before that there is too little to
 * go on and the forecast is null. Days are counted inclusive of today and of the end date.
 */
export function forecastClaims(
  claimedCents: number,
  contractStart: string,
  contractEnd: string,
  today: string,
): { forecastCents: number | null; elapsedShare: number } {
  // Day counts, not addDays(end, 1): a stored end date of 9999-12-31 must still give a progress, never an error.
  const totalDays = daysBetween(contractStart, contractEnd) + 1;
  if (totalDays <= 0) return { forecastCents: claimedCents, elapsedShare: 1 };
  const elapsedDays = Math.min(Math.max(daysBetween(contractStart, today) + 1, 0), totalDays);
  const elapsedShare = elapsedDays / totalDays;
  // Integer comparison: elapsed / total ≥ 1/10.
  if (elapsedDays <= 0 || elapsedDays * 10 < totalDays) return { forecastCents: null, elapsedShare };
  // Integer arithmetic on days: claimed × total / elapsed, rounded half up.
  const forecastCents = Math.floor((claimedCents * totalDays * 2 + elapsedDays) / (2 * elapsedDays));
  return { forecastCents, elapsedShare };
}

/**
 * Progress of one obligation. claimed = non-rejected claims; verified = officer-verified values. Status, in this
 * order: waived; fulfilled (verified ≥ amount); not_started (before the contract start: never at risk); closed
 * (after the due date, short, with the penalty preview); open (nothing claimed yet, or too early to forecast
 * and not yet claimed in full); on_track or at_risk by the forecast.
 */
export function computeProgress(p: ProgressInput): Progress {
  const live = p.contributions.filter((c) => c.status !== 'rejected');
  const claimedCents = live.reduce((s, c) => s + c.claimedValueCents, 0);
  const verifiedCents = p.contributions
    .filter((c) => c.status === 'verified')
    .reduce((s, c) => s + (c.verifiedValueCents ?? 0), 0);
  const remainingCents = Math.max(0, p.amountCents - verifiedCents);
  const { forecastCents, elapsedShare } = forecastClaims(
    claimedCents,
    p.contractStart,
    p.contractEnd,
    p.today,
  );

  let status: ObligationStatus;
  let penaltyPreviewCents: number | null = null;
  if (p.waived) status = 'waived';
  else if (verifiedCents >= p.amountCents) status = 'fulfilled';
  else if (p.today < p.contractStart) status = 'not_started';
  else if (p.today > p.dueDate) {
    status = 'closed';
    if (p.penaltyPercentage) penaltyPreviewCents = Math.round((remainingCents * p.penaltyPercentage) / 100);
  } else if (live.length === 0) status = 'open';
  else if (forecastCents === null) status = claimedCents >= p.amountCents ? 'on_track' : 'open';
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
