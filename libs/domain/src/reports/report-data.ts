import type { ReportLanguage, ReportScope } from '@app/database';
import type { ContributionJson, ObligationJson } from '../obligations/obligation-json';
import type { ContributionRow } from './report-queries';

export const ROUTES = ['employment', 'training', 'social_purchase', 'social_activity'] as const;
export type Route = (typeof ROUTES)[number];

export interface RouteTotal {
  route: Route;
  count: number;
  claimedCents: number;
  verifiedCents: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface ReportMeta {
  scope: ReportScope;
  language: ReportLanguage;
  period: Period | null;
  generatedAt: Date;
}

/** Everything an obligation or tender report shows. */
export interface ObligationReportData {
  meta: ReportMeta;
  tender: { id: string; title: string; reference: string; buyerName: string };
  contractorName: string;
  policy: { id: string; name: string; version: string };
  obligation: ObligationJson;
  /** As the API lists them (newest first), for the JSON report. */
  contributionsJson: ContributionJson[];
  /** Inside the period, by date, for PDF and CSV. */
  contributions: ContributionRow[];
  routes: RouteTotal[];
}

export interface BuyerObligationSummary {
  id: string;
  tenderId: string;
  tenderTitle: string;
  contractorName: string;
  amountCents: number;
  claimedCents: number;
  verifiedCents: number;
  remainingCents: number;
  /** Null before the forecast can be made (early in the contract period). */
  forecastCents: number | null;
  status: string;
  dueDate: string;
  claimedInPeriodCents: number;
  verifiedInPeriodCents: number;
}

export interface SpendPerSocialEnterprise {
  socialEnterpriseId: string;
  name: string;
  count: number;
  spentCents: number;
  claimedCents: number;
  verifiedCents: number;
}

export interface PerTargetGroup {
  targetGroup: string;
  count: number;
  claimedCents: number;
  verifiedCents: number;
}

export interface BuyerReportData {
  meta: ReportMeta;
  buyer: { id: string; name: string };
  obligations: BuyerObligationSummary[];
  spendPerSocialEnterprise: SpendPerSocialEnterprise[];
  perTargetGroup: PerTargetGroup[];
  routes: RouteTotal[];
}

export function routeTotals(
  rows: { category: string; status: string; claimed: number; verified: number | null }[],
): RouteTotal[] {
  return ROUTES.map((route) => {
    const mine = rows.filter((r) => r.category === route && r.status !== 'rejected');
    return {
      route,
      count: mine.length,
      claimedCents: mine.reduce((s, r) => s + r.claimed, 0),
      verifiedCents: mine.filter((r) => r.status === 'verified').reduce((s, r) => s + (r.verified ?? 0), 0),
    };
  });
}
