import type { MatchSubjectType } from '@app/database';
import { SroiInputError } from '../sroi/dates';
import { PSO_LEVELS, type CertificationFact } from '../sroi/policy.types';
import { compareMatches, type MatchCandidate, type MatchScore, scoreMatch } from './score-match';
import type { LoadedSubject, ScoredMatch } from './matching.service';

/**
 * Why a candidate was skipped or a subject could not be scored, in words a person reads (no engine messages):
 *
 * - `amount_out_of_range`: an amount (a capacity, an obligation's or tender's value) is past what can be valued
 *   in safe integer cents;
 * - `unusable_data`: dates or a policy the SROI engine refuses (an end before its start, a factor missing);
 * - `unreadable_data`: stored data of a shape the code does not expect (a policy without a purchase rule...);
 * - `job_failed`: the job failed on every attempt for another reason (the database, a bug) and BullMQ gave up.
 */
export const MATCH_FAILURE_CODES = [
  'amount_out_of_range',
  'unusable_data',
  'unreadable_data',
  'job_failed',
] as const;
export type MatchFailureCode = (typeof MATCH_FAILURE_CODES)[number];

/** A value the scorer produced that cannot be stored or shown (not a safe integer of cents, not finite). */
export class UnscorableError extends Error {
  constructor(
    readonly code: MatchFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnscorableError';
  }
}

/** The failure code of an error thrown while loading or scoring: its own, or classified by what the engine said. */
export function failureCode(err: unknown): MatchFailureCode {
  if (err instanceof UnscorableError) return err.code;
  if (err instanceof RangeError) return 'amount_out_of_range';
  if (err instanceof SroiInputError) {
    return /cents|amount|safe integer/i.test(err.message) ? 'amount_out_of_range' : 'unusable_data';
  }
  return 'unreadable_data';
}

/** The error's message for the log and `failure_detail` (never shown to a client). */
export function failureDetail(err: unknown): string {
  const m = (err as Error | undefined)?.message;
  return (typeof m === 'string' && m ? m : String(err)).slice(0, 500);
}

const SUBJECT = {
  obligation: { en: 'this obligation', nl: 'deze verplichting' },
  tender: { en: 'this tender', nl: 'deze aanbesteding' },
} as const;

/** The reason a client shows, in English and Dutch: what is wrong, in words, and that it recovers by itself. */
export function failureSentences(code: string, type: MatchSubjectType): { reason: string; reasonNl: string } {
  const s = SUBJECT[type];
  switch (code as MatchFailureCode) {
    case 'amount_out_of_range':
      return {
        reason: `An amount of ${s.en} or its policy is too large to value.`,
        reasonNl: `Een bedrag van ${s.nl} of het beleid ervan is te groot om te waarderen.`,
      };
    case 'unusable_data':
      return {
        reason: `The contract dates or SROI policy of ${s.en} cannot be used for a valuation.`,
        reasonNl: `De contractdata of het SROI-beleid van ${s.nl} zijn niet bruikbaar voor een waardering.`,
      };
    case 'job_failed':
      return {
        reason: 'The calculation failed several times in a row.',
        reasonNl: 'De berekening is een aantal keer achter elkaar mislukt.',
      };
    default:
      return {
        reason: `The stored data of ${s.en} cannot be read.`,
        reasonNl: `De opgeslagen gegevens van ${s.nl} kunnen niet worden gelezen.`,
      };
  }
}

/** A candidate left out of a set, with why. */
export interface SkippedCandidate {
  subjectId: string;
  offeringId: string;
  code: MatchFailureCode;
  detail: string;
}

/** A subject that could not be scored. */
export interface SubjectFailure {
  id: string;
  code: MatchFailureCode;
  detail: string;
}

export function subjectFailure(id: string, err: unknown): SubjectFailure {
  return { id, code: failureCode(err), detail: failureDetail(err) };
}

/** Throws unless every number of a scored pair can be stored (bigint cents, float8) and shown. */
export function checkScore(m: MatchScore): void {
  if (!Number.isFinite(m.score)) throw new UnscorableError('unreadable_data', `score is ${m.score}`);
  if (!Number.isSafeInteger(m.projectedCreditCents)) {
    throw new UnscorableError(
      'amount_out_of_range',
      `projected credit ${m.projectedCreditCents} is not a safe integer of cents`,
    );
  }
  if (m.spendToFillCents !== null && !Number.isSafeInteger(m.spendToFillCents)) {
    throw new UnscorableError(
      'amount_out_of_range',
      `spend to fill ${m.spendToFillCents} is not a safe integer of cents`,
    );
  }
}

/** One pair as stored, checked; throws (an `UnscorableError` or the engine's own) when it cannot be valued. */
export function scorePair(s: LoadedSubject, c: MatchCandidate): ScoredMatch {
  const m = scoreMatch(s.subject, c);
  checkScore(m);
  const distanceKm = c.distanceKm == null ? null : Math.round(c.distanceKm * 1000) / 1000;
  if (distanceKm !== null && !Number.isFinite(distanceKm))
    throw new UnscorableError('unreadable_data', `distance ${c.distanceKm} km`);
  return {
    score: m.score,
    counts: m.counts,
    projectedCreditCents: m.projectedCreditCents,
    spendToFillCents: m.spendToFillCents,
    reasons: m.reasons,
    offeringId: c.offeringId,
    socialEnterpriseId: c.socialEnterpriseId,
    distanceKm,
    capKey: c.distanceKm ?? Infinity,
  };
}

/**
 * A subject's candidates scored, best first. A candidate whose valuation fails (an amount past safe integers, data
 * the engine refuses) is left out and reported to `skipped`: one offering never costs the others their place.
 */
export function scoreIsolated(
  s: LoadedSubject,
  candidates: MatchCandidate[],
  skipped: SkippedCandidate[] = [],
): ScoredMatch[] {
  const rows: ScoredMatch[] = [];
  for (const c of candidates) {
    try {
      rows.push(scorePair(s, c));
    } catch (err) {
      skipped.push({
        subjectId: s.id,
        offeringId: c.offeringId,
        code: failureCode(err),
        detail: failureDetail(err),
      });
    }
  }
  return rows.sort(compareMatches);
}

const TOP_PSO_LEVEL = PSO_LEVELS[PSO_LEVELS.length - 1];
const PROBE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The best candidate the subject's policy could have: certified with every certificate it accepts (verified, at
 * the top PSO level, valid today), in its region, its codes, no capacity stated. Its purchases count wherever
 * the policy lets any count, so scoring it takes the subject's own amounts through every step that does not
 * depend on a candidate.
 */
export function probeCandidate(s: LoadedSubject): MatchCandidate {
  const rule = s.subject.policy.purchaseRule;
  const certifications: CertificationFact[] = rule.eligibleCertifications.map((type) => ({
    type,
    level: type === 'pso' ? TOP_PSO_LEVEL : null,
    validFrom: s.subject.today,
    validUntil: null,
    status: 'verified',
  }));
  return {
    offeringId: PROBE_ID,
    socialEnterpriseId: PROBE_ID,
    cpvCodes: s.subject.cpvCodes,
    labourShare: 1,
    capacityCentsPerMonth: null,
    deliveryRadiusKm: null,
    distanceKm: null,
    matchedTerms: [],
    certifications,
    inRegion: s.region == null ? undefined : true,
    targetGroups: [],
    quoteRequests: { total: 0, answered: 0 },
  };
}

/**
 * Throws when the subject itself cannot be scored (whatever its candidates): its best possible candidate does not
 * score. Its candidates' own failures are then beside the point.
 */
export function probeSubject(s: LoadedSubject): void {
  scorePair(s, probeCandidate(s));
}
