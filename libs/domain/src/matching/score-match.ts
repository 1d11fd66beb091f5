import { meetsPsoLevel, validOn } from '../sroi/certifications';
import type { CertificationFact, IsoDate, SroiPolicyBody, TargetGroup } from '../sroi/policy.types';
import {
  CERTIFICATION_TYPE_VALUES,
  DISTANCE_SCALE_KM,
  MATCH_WEIGHTS,
  type MatchFactor,
  NEUTRAL_VALUE,
  PSO_LEVEL_VALUES,
  TEXT_FULL_MATCH_TERMS,
  UNVERIFIED_CERTIFICATION_VALUE,
} from './match-factors';
import { reasonSentences, type ReasonParam, type StoredReason } from './match-reasons';
import { type Projection, projectCredit } from './projection';

/** What is being filled: an obligation, or the obligation a tender would create at its estimated value. */
export interface MatchSubject {
  policy: SroiPolicyBody;
  contractStart: IsoDate;
  contractEnd: IsoDate;
  remainingCents: number;
  /** The tender items' CPV codes, 8 digits. */
  cpvCodes: string[];
  /** How many distinctive tender words the offerings were compared with (tenderTerms). */
  termCount: number;
  today: IsoDate;
}

/** One offering with its enterprise's facts, as candidate generation reads them. */
export interface MatchCandidate {
  offeringId: string;
  socialEnterpriseId: string;
  cpvCodes: string[];
  labourShare: number | null;
  capacityCentsPerMonth: number | null;
  deliveryRadiusKm: number | null;
  /** Between the tender's delivery postcode and the offering's delivery point; null when either is unknown. */
  distanceKm: number | null;
  /** The tender words found in the offering's title or description (Dutch and English stems). */
  matchedTerms: string[];
  certifications: CertificationFact[];
  inRegion?: boolean;
  targetGroups: TargetGroup[];
  quoteRequests: { total: number; answered: number };
}

export interface MatchScore {
  score: number;
  counts: boolean;
  projectedCreditCents: number;
  spendToFillCents: number | null;
  /** One per factor, in `MATCH_FACTORS` order, compact (`expandReasons` writes out the sentences). */
  reasons: StoredReason[];
}

/** A factor's value with its two sentences: what the factor functions below answer. */
export interface FactorResult {
  value: number;
  detail: string;
  detailNl: string;
}

/**
 * A factor's reason as a row stores it, with its weight from the table (`scoreMatch` rounds the value to four
 * digits, as the score sums it). Built directly in its stored form (one array per factor and pair, no sentences): scoring runs for every
 * candidate pair of every set.
 */
function reason(
  factor: MatchFactor,
  value: number,
  code: string,
  a?: ReasonParam,
  b?: ReasonParam,
  c?: ReasonParam,
): StoredReason {
  const r: StoredReason = [factor, MATCH_WEIGHTS[factor], value, code];
  if (a !== undefined) r.push(a);
  if (b !== undefined) r.push(b);
  if (c !== undefined) r.push(c);
  return r;
}

/**
 * A reason without parameters has one value for its factor and code (0 or neutral, exact): every pair with it
 * shares one array. `scoreMatch` rounds values in place, which leaves these as they are.
 */
const FIXED_REASONS = new Map<MatchFactor, Map<string, StoredReason>>();
function fixedReason(factor: MatchFactor, value: number, code: string): StoredReason {
  let byCode = FIXED_REASONS.get(factor);
  if (!byCode) FIXED_REASONS.set(factor, (byCode = new Map()));
  let r = byCode.get(code);
  if (!r) byCode.set(code, (r = reason(factor, value, code)));
  return r;
}

function withSentences(r: StoredReason): FactorResult {
  const [factor, , value, code, ...params] = r;
  const [detail, detailNl] = reasonSentences(factor, code, params);
  return { value, detail, detailNl };
}

/** Scores one offering against one obligation: pure, so the worker and the benchmark's oracle agree exactly. */
export function scoreMatch(subject: MatchSubject, c: MatchCandidate): MatchScore {
  const projection = projectCredit({
    policy: subject.policy,
    contractStart: subject.contractStart,
    contractEnd: subject.contractEnd,
    today: subject.today,
    remainingCents: subject.remainingCents,
    supplierOrganisationId: c.socialEnterpriseId,
    supplierCertifications: c.certifications,
    supplierInRegion: c.inRegion,
    labourShare: c.labourShare,
    capacityCentsPerMonth: c.capacityCentsPerMonth,
  });
  const reasons: StoredReason[] = [
    cpvReason(subject.cpvCodes, c.cpvCodes),
    textReason(c.matchedTerms, subject.termCount),
    distanceReason(c.distanceKm, c.deliveryRadiusKm),
    certificationReason(subject.policy, c.certifications, subject.today),
    capacityReason(projection, subject.remainingCents),
    targetGroupsReason(subject.policy, c.targetGroups),
    responsivenessReason(c.quoteRequests.total, c.quoteRequests.answered),
  ];
  let sum = 0;
  for (const r of reasons) {
    // In place: each array is this pair's own, except the shared ones (a reason without parameters, a certificate
    // or target-group verdict per enterprise), whose values are already exact to four digits.
    r[2] = round(r[2], 4);
    sum += r[1] * r[2];
  }
  return {
    score: round(sum, 6),
    counts: projection.counts,
    projectedCreditCents: projection.projectedCreditCents,
    spendToFillCents: projection.spendToFillCents,
    reasons,
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

// ---------------------------------------------------------------- cpv

export type CpvLevel = 'code' | 'class' | 'group' | 'division' | 'none';

const CPV_LEVELS: { level: CpvLevel; digits: number; value: number }[] = [
  { level: 'code', digits: 8, value: 1 },
  { level: 'class', digits: 4, value: 0.75 },
  { level: 'group', digits: 3, value: 0.5 },
  { level: 'division', digits: 2, value: 0.25 },
];

/** The closest pair of codes through the CPV tree; the best tender item counts. */
export function cpvCloseness(
  tenderCodes: string[],
  offeringCodes: string[],
): { level: CpvLevel; value: number; tenderCode?: string; offeringCode?: string } {
  for (const { level, digits, value } of CPV_LEVELS) {
    for (const t of tenderCodes) {
      const o = offeringCodes.find((code) => code.slice(0, digits) === t.slice(0, digits));
      if (o) return { level, value, tenderCode: t, offeringCode: o };
    }
  }
  return { level: 'none', value: 0 };
}

function cpvReason(tenderCodes: string[], offeringCodes: string[]): StoredReason {
  const best = cpvCloseness(tenderCodes, offeringCodes);
  if (best.level === 'none') return fixedReason('cpv', 0, 'none');
  return best.level === 'code'
    ? reason('cpv', best.value, best.level, best.offeringCode!)
    : reason('cpv', best.value, best.level, best.offeringCode!, best.tenderCode!);
}

export function cpvFactor(tenderCodes: string[], offeringCodes: string[]): FactorResult {
  return withSentences(cpvReason(tenderCodes, offeringCodes));
}

// ---------------------------------------------------------------- text

function textReason(matchedTerms: string[], termCount: number): StoredReason {
  if (termCount === 0) return fixedReason('text', NEUTRAL_VALUE, 'no_terms');
  if (matchedTerms.length === 0) return fixedReason('text', 0, 'none');
  const needed = Math.min(TEXT_FULL_MATCH_TERMS, termCount);
  const n = matchedTerms.length;
  return reason('text', Math.min(1, n / needed), 'found', n, matchedTerms.join(', '));
}

export function textFactor(matchedTerms: string[], termCount: number): FactorResult {
  return withSentences(textReason(matchedTerms, termCount));
}

// ---------------------------------------------------------------- distance

/** The distance a sentence shows: to 0.1 km, stored as the number it prints. */
const tenths = (v: number): number => Number(v.toFixed(1));

function distanceReason(distanceKm: number | null, radiusKm: number | null): StoredReason {
  if (distanceKm == null) return fixedReason('distance', NEUTRAL_VALUE, 'unknown');
  if (radiusKm != null && distanceKm > radiusKm)
    return reason('distance', 0, 'beyond', tenths(distanceKm), radiusKm);
  return reason(
    'distance',
    Math.exp(-Math.max(0, distanceKm) / DISTANCE_SCALE_KM),
    'within',
    tenths(distanceKm),
  );
}

export function distanceFactor(distanceKm: number | null, radiusKm: number | null): FactorResult {
  return withSentences(distanceReason(distanceKm, radiusKm));
}

// ---------------------------------------------------------------- certification

function certificationValue(cert: CertificationFact): number {
  if (cert.type === 'pso') return cert.level ? (PSO_LEVEL_VALUES[cert.level] ?? 0) : 0;
  return CERTIFICATION_TYPE_VALUES[cert.type] ?? 0;
}

const certName = (c: CertificationFact): string => (c.level ? `${c.type} (${c.level})` : c.type);

/**
 * The verdict per policy, certificate list and day: one enterprise's offerings share their list within a scoring
 * run (weak keys, so nothing outlives the run that built the objects).
 */
const certificationNotes = new WeakMap<
  SroiPolicyBody,
  WeakMap<CertificationFact[], Map<IsoDate, StoredReason>>
>();

function certificationReason(
  policy: SroiPolicyBody,
  certifications: CertificationFact[],
  today: IsoDate,
): StoredReason {
  if (certifications.length === 0) return fixedReason('certification', 0, 'none');
  let byList = certificationNotes.get(policy);
  if (!byList) certificationNotes.set(policy, (byList = new WeakMap()));
  let byDay = byList.get(certifications);
  if (!byDay) byList.set(certifications, (byDay = new Map()));
  let n = byDay.get(today);
  if (!n) byDay.set(today, (n = judgeCertifications(policy, certifications, today)));
  return n;
}

function judgeCertifications(
  policy: SroiPolicyBody,
  certifications: CertificationFact[],
  today: IsoDate,
): StoredReason {
  const rule = policy.purchaseRule;
  const accepted = certifications.filter(
    (c) =>
      rule.eligibleCertifications.includes(c.type) &&
      c.status !== 'rejected' &&
      validOn(c, today) &&
      (c.type !== 'pso' || rule.minPsoLevel == null || meetsPsoLevel(c, rule.minPsoLevel)),
  );
  const best = (cs: CertificationFact[]): CertificationFact | undefined =>
    [...cs].sort((a, b) => certificationValue(b) - certificationValue(a))[0];
  const verified = best(accepted.filter((c) => c.status === 'verified'));
  if (verified) return reason('certification', certificationValue(verified), 'verified', certName(verified));
  const pending = best(accepted);
  if (pending)
    return reason('certification', UNVERIFIED_CERTIFICATION_VALUE, 'unverified', certName(pending));
  return fixedReason('certification', 0, 'none');
}

/** The best certificate the policy accepts and that is valid today; a higher PSO level scores higher. */
export function certificationFactor(
  policy: SroiPolicyBody,
  certifications: CertificationFact[],
  today: IsoDate,
): FactorResult {
  return withSentences(certificationReason(policy, certifications, today));
}

// ---------------------------------------------------------------- capacity

type CapacityInput = Pick<Projection, 'capacitySpendCents' | 'monthsLeft' | 'spendToFillCents' | 'rate'>;

function capacityReason(p: CapacityInput, remainingCents: number): StoredReason {
  if (p.capacitySpendCents == null) return fixedReason('capacity', NEUTRAL_VALUE, 'not_stated');
  if (remainingCents <= 0) return fixedReason('capacity', NEUTRAL_VALUE, 'filled');
  const needed = p.spendToFillCents ?? remainingCents;
  const share = needed > 0 ? Math.min(1, p.capacitySpendCents / needed) : 1;
  const monthly = p.monthsLeft > 0 ? p.capacitySpendCents / p.monthsLeft : 0;
  return reason('capacity', share, 'covers', monthly, p.monthsLeft, Math.round(share * 100));
}

/** What the stated monthly capacity can deliver over the months left, against the spend the remainder needs. */
export function capacityFactor(p: CapacityInput, remainingCents: number): FactorResult {
  return withSentences(capacityReason(p, remainingCents));
}

// ---------------------------------------------------------------- target groups

const valuedGroups = new WeakMap<SroiPolicyBody, Set<TargetGroup>>();

/**
 * The verdict per policy and target-group list: one enterprise's offerings share their list within a scoring run
 * (weak keys, as for certificates). Its value is rounded here, as `scoreMatch` would.
 */
const targetGroupNotes = new WeakMap<SroiPolicyBody, WeakMap<TargetGroup[], StoredReason>>();

function targetGroupsReason(policy: SroiPolicyBody, targetGroups: TargetGroup[]): StoredReason {
  if (targetGroups.length === 0) return fixedReason('target_groups', 0, 'none_stated');
  let byList = targetGroupNotes.get(policy);
  if (!byList) targetGroupNotes.set(policy, (byList = new WeakMap()));
  let note = byList.get(targetGroups);
  if (!note) {
    note = judgeTargetGroups(policy, targetGroups);
    note[2] = round(note[2], 4);
    byList.set(targetGroups, note);
  }
  return note;
}

function judgeTargetGroups(policy: SroiPolicyBody, targetGroups: TargetGroup[]): StoredReason {
  let valued = valuedGroups.get(policy);
  if (!valued) {
    valued = new Set(policy.blocks.map((b) => b.targetGroup).filter((g): g is TargetGroup => g != null));
    valuedGroups.set(policy, valued);
  }
  if (valued.size === 0) return fixedReason('target_groups', NEUTRAL_VALUE, 'none_valued');
  const own = new Set(targetGroups);
  const shared = [...own].filter((g) => valued.has(g)).sort();
  if (shared.length === 0) return fixedReason('target_groups', 0, 'none_shared');
  return reason(
    'target_groups',
    Math.min(1, shared.length / Math.min(own.size, valued.size)),
    'shared',
    shared.join(', '),
  );
}

/** The enterprise's target groups that the policy's building blocks value. */
export function targetGroupsFactor(policy: SroiPolicyBody, targetGroups: TargetGroup[]): FactorResult {
  return withSentences(targetGroupsReason(policy, targetGroups));
}

// ---------------------------------------------------------------- responsiveness

function responsivenessReason(total: number, answered: number): StoredReason {
  if (total <= 0) return fixedReason('responsiveness', NEUTRAL_VALUE, 'none');
  const a = Math.min(answered, total);
  return reason('responsiveness', a / total, 'answered', a, total);
}

export function responsivenessFactor(total: number, answered: number): FactorResult {
  return withSentences(responsivenessReason(total, answered));
}

/** The order of a match list: counting before not counting, then score, then offering id. */
export function compareMatches(
  a: Pick<MatchScore, 'counts' | 'score'> & { offeringId: string },
  b: Pick<MatchScore, 'counts' | 'score'> & { offeringId: string },
): number {
  if (a.counts !== b.counts) return a.counts ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  return a.offeringId < b.offeringId ? -1 : a.offeringId > b.offeringId ? 1 : 0;
}
