import { meetsPsoLevel, validOn } from '../sroi/certifications';
import type { CertificationFact, IsoDate, SroiPolicyBody, TargetGroup } from '../sroi/policy.types';
import {
  CERTIFICATION_TYPE_VALUES,
  DISTANCE_SCALE_KM,
  MATCH_FACTORS,
  MATCH_WEIGHTS,
  type MatchFactor,
  type MatchReason,
  NEUTRAL_VALUE,
  PSO_LEVEL_VALUES,
  TEXT_FULL_MATCH_TERMS,
  UNVERIFIED_CERTIFICATION_VALUE,
} from './match-factors';
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
  reasons: MatchReason[];
}

interface FactorResult {
  value: number;
  detail: string;
  detailNl: string;
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
  const results: Record<MatchFactor, FactorResult> = {
    cpv: cpvFactor(subject.cpvCodes, c.cpvCodes),
    text: textFactor(c.matchedTerms, subject.termCount),
    distance: distanceFactor(c.distanceKm, c.deliveryRadiusKm),
    certification: certificationFactor(subject.policy, c.certifications, subject.today),
    capacity: capacityFactor(projection, subject.remainingCents),
    target_groups: targetGroupsFactor(subject.policy, c.targetGroups),
    responsiveness: responsivenessFactor(c.quoteRequests.total, c.quoteRequests.answered),
  };
  const reasons = MATCH_FACTORS.map((factor) => ({
    factor,
    weight: MATCH_WEIGHTS[factor],
    value: round(results[factor].value, 4),
    detail: results[factor].detail,
    detailNl: results[factor].detailNl,
  }));
  const score = round(
    reasons.reduce((sum, r) => sum + r.weight * r.value, 0),
    6,
  );
  return {
    score,
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

const CPV_SENTENCES: Record<Exclude<CpvLevel, 'none'>, [string, string]> = {
  code: ["is the tender's own CPV code", 'is de CPV-code van de aanbesteding zelf'],
  class: ['is in the same CPV class as the tender item', 'valt in dezelfde CPV-klasse als het onderdeel'],
  group: ['is in the same CPV group as the tender item', 'valt in dezelfde CPV-groep als het onderdeel'],
  division: [
    'is in the same CPV division as the tender item',
    'valt in dezelfde CPV-divisie als het onderdeel',
  ],
};

export function cpvFactor(tenderCodes: string[], offeringCodes: string[]): FactorResult {
  const best = cpvCloseness(tenderCodes, offeringCodes);
  if (best.level === 'none') {
    return {
      value: 0,
      detail: "No CPV code of the offering is near the tender's items",
      detailNl: 'Geen CPV-code van het aanbod ligt in de buurt van de onderdelen van de aanbesteding',
    };
  }
  const [en, nl] = CPV_SENTENCES[best.level];
  const same = best.level === 'code';
  return {
    value: best.value,
    detail: same ? `CPV ${best.offeringCode} ${en}` : `CPV ${best.offeringCode} ${en} ${best.tenderCode}`,
    detailNl: same ? `CPV ${best.offeringCode} ${nl}` : `CPV ${best.offeringCode} ${nl} ${best.tenderCode}`,
  };
}

// ---------------------------------------------------------------- text

export function textFactor(matchedTerms: string[], termCount: number): FactorResult {
  if (termCount === 0) {
    return {
      value: NEUTRAL_VALUE,
      detail: 'The tender has no descriptive words to compare',
      detailNl: 'De aanbesteding heeft geen beschrijvende woorden om te vergelijken',
    };
  }
  if (matchedTerms.length === 0) {
    return {
      value: 0,
      detail: "None of the tender's key words appear in the offering",
      detailNl: 'Geen van de kernwoorden van de aanbesteding komt voor in het aanbod',
    };
  }
  const needed = Math.min(TEXT_FULL_MATCH_TERMS, termCount);
  const words = matchedTerms.join(', ');
  const n = matchedTerms.length;
  return {
    value: Math.min(1, n / needed),
    detail: `${n} of the tender's key words appear in the offering: ${words}`,
    detailNl:
      n === 1
        ? `1 kernwoord van de aanbesteding komt voor in het aanbod: ${words}`
        : `${n} kernwoorden van de aanbesteding komen voor in het aanbod: ${words}`,
  };
}

// ---------------------------------------------------------------- distance

const km = (v: number, decimal: '.' | ','): string => v.toFixed(1).replace('.', decimal);

export function distanceFactor(distanceKm: number | null, radiusKm: number | null): FactorResult {
  if (distanceKm == null) {
    return {
      value: NEUTRAL_VALUE,
      detail: 'Distance unknown: the tender or the offering has no delivery postcode',
      detailNl: 'Afstand onbekend: de aanbesteding of het aanbod heeft geen afleverpostcode',
    };
  }
  if (radiusKm != null && distanceKm > radiusKm) {
    return {
      value: 0,
      detail: `${km(distanceKm, '.')} km away, beyond the offering's delivery radius of ${radiusKm} km`,
      detailNl: `${km(distanceKm, ',')} km verderop, buiten de leverstraal van ${radiusKm} km van het aanbod`,
    };
  }
  return {
    value: Math.exp(-Math.max(0, distanceKm) / DISTANCE_SCALE_KM),
    detail: `${km(distanceKm, '.')} km from the tender's delivery address`,
    detailNl: `${km(distanceKm, ',')} km van het afleveradres van de aanbesteding`,
  };
}

// ---------------------------------------------------------------- certification

function certificationValue(cert: CertificationFact): number {
  if (cert.type === 'pso') return cert.level ? (PSO_LEVEL_VALUES[cert.level] ?? 0) : 0;
  return CERTIFICATION_TYPE_VALUES[cert.type] ?? 0;
}

const certName = (c: CertificationFact): string => (c.level ? `${c.type} (${c.level})` : c.type);

/** The best certificate the policy accepts and that is valid today; a higher PSO level scores higher. */
export function certificationFactor(
  policy: SroiPolicyBody,
  certifications: CertificationFact[],
  today: IsoDate,
): FactorResult {
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
  if (verified) {
    return {
      value: certificationValue(verified),
      detail: `Holds a verified ${certName(verified)} certificate that this policy accepts`,
      detailNl: `Heeft een geverifieerd certificaat ${certName(verified)} dat dit beleid accepteert`,
    };
  }
  const pending = best(accepted);
  if (pending) {
    return {
      value: UNVERIFIED_CERTIFICATION_VALUE,
      detail: `Holds a ${certName(pending)} certificate that this policy accepts, not yet verified`,
      detailNl: `Heeft een certificaat ${certName(pending)} dat dit beleid accepteert, nog niet geverifieerd`,
    };
  }
  return {
    value: 0,
    detail: 'Holds no valid certificate that this policy accepts',
    detailNl: 'Heeft geen geldig certificaat dat dit beleid accepteert',
  };
}

// ---------------------------------------------------------------- capacity

/** Thousands grouped by hand: Intl formatting costs more than the rest of a pair's score. */
function grouped(units: number, separator: string): string {
  return String(units).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
const eurEn = (cents: number): string =>
  `EUR ${grouped(Math.floor(cents / 100), ',')}.${String(Math.round(cents) % 100).padStart(2, '0')}`;
const eurNl = (cents: number): string =>
  `EUR ${grouped(Math.floor(cents / 100), '.')},${String(Math.round(cents) % 100).padStart(2, '0')}`;

/** What the stated monthly capacity can deliver over the months left, against the spend the remainder needs. */
export function capacityFactor(
  p: Pick<Projection, 'capacitySpendCents' | 'monthsLeft' | 'spendToFillCents' | 'rate'>,
  remainingCents: number,
): FactorResult {
  if (p.capacitySpendCents == null) {
    return {
      value: NEUTRAL_VALUE,
      detail: 'Monthly capacity not stated',
      detailNl: 'Maandcapaciteit niet opgegeven',
    };
  }
  if (remainingCents <= 0) {
    return {
      value: NEUTRAL_VALUE,
      detail: 'Nothing of the obligation remains to be filled',
      detailNl: 'Er hoeft niets meer van de verplichting te worden ingevuld',
    };
  }
  const needed = p.spendToFillCents ?? remainingCents;
  const share = needed > 0 ? Math.min(1, p.capacitySpendCents / needed) : 1;
  const monthly = p.monthsLeft > 0 ? p.capacitySpendCents / p.monthsLeft : 0;
  const pct = Math.round(share * 100);
  return {
    value: share,
    detail: `Capacity of ${eurEn(monthly)} a month over ${p.monthsLeft} months left covers ${pct} % of the spend needed`,
    detailNl: `Capaciteit van ${eurNl(monthly)} per maand over ${p.monthsLeft} resterende maanden dekt ${pct} % van de benodigde inkoop`,
  };
}

// ---------------------------------------------------------------- target groups

/** The enterprise's target groups that the policy's building blocks value. */
export function targetGroupsFactor(policy: SroiPolicyBody, targetGroups: TargetGroup[]): FactorResult {
  const valued = new Set(policy.blocks.map((b) => b.targetGroup).filter((g): g is TargetGroup => g != null));
  if (targetGroups.length === 0) {
    return {
      value: 0,
      detail: 'The enterprise states no target groups',
      detailNl: 'De onderneming noemt geen doelgroepen',
    };
  }
  if (valued.size === 0) {
    return {
      value: NEUTRAL_VALUE,
      detail: 'This policy values no particular target group',
      detailNl: 'Dit beleid waardeert geen bepaalde doelgroep',
    };
  }
  const shared = [...new Set(targetGroups)].filter((g) => valued.has(g)).sort();
  if (shared.length === 0) {
    return {
      value: 0,
      detail: "None of the enterprise's target groups is valued by this policy",
      detailNl: 'Geen van de doelgroepen van de onderneming wordt door dit beleid gewaardeerd',
    };
  }
  const list = shared.join(', ');
  return {
    value: Math.min(1, shared.length / Math.min(new Set(targetGroups).size, valued.size)),
    detail: `Works with target groups this policy values: ${list}`,
    detailNl: `Werkt met doelgroepen die dit beleid waardeert: ${list}`,
  };
}

// ---------------------------------------------------------------- responsiveness

export function responsivenessFactor(total: number, answered: number): FactorResult {
  if (total <= 0) {
    return {
      value: NEUTRAL_VALUE,
      detail: 'No quote requests yet',
      detailNl: 'Nog geen offerteaanvragen',
    };
  }
  const a = Math.min(answered, total);
  return {
    value: a / total,
    detail: `Answered ${a} of ${total} quote requests`,
    detailNl: `Beantwoordde ${a} van ${total} offerteaanvragen`,
  };
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
