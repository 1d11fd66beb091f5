import { compareDates, maxDate } from '../sroi/dates';
import { valuationDate } from '../sroi/valuation-date';
import { placementMonths } from '../sroi/months';
import { type ContributionReason, type ContributionResult, valueContribution } from '../sroi/contribution';
import type { CertificationFact, IsoDate, SroiPolicyBody } from '../sroi/policy.types';

export interface ProjectionInput {
  /** The obligation's frozen policy (or, for a tender, the policy it would freeze). */
  policy: SroiPolicyBody;
  contractStart: IsoDate;
  contractEnd: IsoDate;
  today: IsoDate;
  remainingCents: number;
  supplierOrganisationId: string;
  supplierCertifications: CertificationFact[];
  /** Only read when the purchase rule names a region. */
  supplierInRegion?: boolean;
  /** The offering's share of target-group wages in its price (labour_component mode). */
  labourShare: number | null;
  capacityCentsPerMonth: number | null;
}

export interface Projection {
  /** A purchase from this supplier, invoiced on the valuation date (today, or the contract start when later), would count under the policy. */
  counts: boolean;
  /** Why it would not count (the engine's reason). */
  reason?: ContributionReason;
  projectedCreditCents: number;
  spendToFillCents: number | null;
  /** Whole months left in the contract period from today (or from its start when that is later). */
  monthsLeft: number;
  /** What the stated capacity could be sold over the months left; null without a stated capacity. */
  capacitySpendCents: number | null;
  /** Euro of credit per euro spent (1, the policy's factor, or the offering's labour share). */
  rate: number;
}

/** Any positive amount does: the engine's verdict on certification, level and region does not depend on it. */
const PROBE_CENTS = 100_000;

/**
 * The engine's answers, remembered per policy object and certificate list object: one enterprise's offerings
 * share both within a scoring run, and the engine is by far the costliest part of a pair's score. Weak keys, so
 * nothing outlives the run that built the objects.
 */
const valuations = new WeakMap<SroiPolicyBody, WeakMap<CertificationFact[], Map<string, Valued>>>();

/** Per contract period: by region verdict, then labour share, then amount. Primitive keys, no key strings. */
type Valued = Map<boolean | undefined, Map<number | null, Map<number, ContributionResult>>>;

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

function remembered(
  p: ProjectionInput,
  periodKey: string,
  amountCents: number,
  compute: () => ContributionResult,
): ContributionResult {
  let byCerts = valuations.get(p.policy);
  if (!byCerts) valuations.set(p.policy, (byCerts = new WeakMap()));
  let byPeriod = byCerts.get(p.supplierCertifications);
  if (!byPeriod) byCerts.set(p.supplierCertifications, (byPeriod = new Map()));
  const byAmount = child(
    child(
      child(byPeriod, periodKey, (): Valued => new Map()),
      p.supplierInRegion,
      () => new Map(),
    ),
    p.labourShare,
    () => new Map(),
  );
  return child(byAmount, amountCents, compute);
}

const monthsCache = new Map<string, number>();
const LAST_COUNTABLE_DAY = '9999-12-30' as IsoDate;

/** Whole months from `from` to `end` (inclusive); a handful of distinct pairs per run, so cached. */
function wholeMonths(from: IsoDate, until: IsoDate): number {
  // The engine counts to the day after `end`: a stored end of 9999-12-31 must give months, never an error.
  const end = compareDates(until, LAST_COUNTABLE_DAY) > 0 ? LAST_COUNTABLE_DAY : until;
  const key = `${from}|${end}`;
  let months = monthsCache.get(key);
  if (months === undefined) {
    months = compareDates(from, end) <= 0 ? Math.floor(placementMonths(from, end).toNumber()) : 0;
    if (monthsCache.size > 1000) monthsCache.clear();
    monthsCache.set(key, months);
  }
  return months;
}

interface Period {
  /** The valuation date: the later of today and the contract start (sroi/valuation-date). */
  invoiceDate: IsoDate;
  monthsLeft: number;
  /** The three dates it was computed from, as one key. */
  key: string;
}
let lastPeriod: { contractStart: IsoDate; contractEnd: IsoDate; today: IsoDate; period: Period } | null =
  null;

/**
 * The valuation date and the whole months left in the contract period from it. Every pair of a subject asks
 * with the same three dates, so the last answer is kept (dates are parsed and checked on every comparison).
 */
function contractPeriod(contractStart: IsoDate, contractEnd: IsoDate, today: IsoDate): Period {
  const last = lastPeriod;
  if (
    last &&
    last.contractStart === contractStart &&
    last.contractEnd === contractEnd &&
    last.today === today
  ) {
    return last.period;
  }
  const period = {
    invoiceDate: valuationDate(contractStart, today),
    monthsLeft: wholeMonths(maxDate(today, contractStart), contractEnd),
    key: `${contractStart}|${contractEnd}|${today}`,
  };
  lastPeriod = { contractStart, contractEnd, today, period };
  return period;
}

/**
 * Projected credit of buying from one supplier, valued by the SROI engine exactly as a real purchase invoiced on
 * the valuation date would be: today, or the contract start when the contract has not started yet (the quote and
 * the invoice are valued on the same date, so all three agree).
 */
export function projectCredit(p: ProjectionInput): Projection {
  const period = contractPeriod(p.contractStart, p.contractEnd, p.today);
  const ctx = {
    contractStart: p.contractStart,
    contractEnd: p.contractEnd,
    supplierCertifications: p.supplierCertifications,
    supplierInRegion: p.supplierInRegion,
  };
  const value = (amountCents: number): ContributionResult =>
    remembered(p, period.key, amountCents, () =>
      valueContribution(p.policy, ctx, {
        category: 'social_purchase',
        supplierOrganisationId: p.supplierOrganisationId,
        invoiceNumber: 'projection',
        invoiceDate: period.invoiceDate,
        amountCents,
        labourShare: p.labourShare,
      }),
    );
  const monthsLeft = period.monthsLeft;
  const capacitySpendCents = p.capacityCentsPerMonth != null ? p.capacityCentsPerMonth * monthsLeft : null;
  const probe = value(PROBE_CENTS);
  const rate = purchaseRate(p.policy, p.labourShare);
  if (!probe.countable) {
    return {
      counts: false,
      reason: probe.reason,
      projectedCreditCents: 0,
      spendToFillCents: null,
      monthsLeft,
      capacitySpendCents,
      rate,
    };
  }
  const remaining = Math.max(0, p.remainingCents);
  // The tiny epsilon keeps 30000 / 0.3 = 100000.00000000001 from rounding up a whole cent.
  const spendToFillCents = remaining === 0 ? 0 : Math.ceil(remaining / rate - 1e-7);
  let projectedCreditCents = remaining;
  if (capacitySpendCents != null) {
    const capacityCredit = capacitySpendCents > 0 ? value(capacitySpendCents).valueCents : 0;
    projectedCreditCents = Math.min(remaining, capacityCredit);
  }
  return { counts: true, projectedCreditCents, spendToFillCents, monthsLeft, capacitySpendCents, rate };
}

function purchaseRate(policy: SroiPolicyBody, labourShare: number | null): number {
  switch (policy.purchaseRule.mode) {
    case 'full_invoice':
      return 1;
    case 'factor':
      return policy.purchaseRule.factor ?? 0;
    case 'labour_component':
      return labourShare ?? 0;
  }
}
