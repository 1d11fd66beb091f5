import type { MatchReasonJson } from '@app/database';
import { cpvFactor, distanceFactor, type FactorResult } from '../matching/score-match';

/**
 * How an offering fits an open challenge (issue 34): the tender factors that apply without an SROI policy. CPV
 * closeness as for tenders, the enterprise's target groups against the ones the challenge names, distance to the
 * challenge's area, and the challenge's words found in the offering. Weights sum to 1.
 */
export const CHALLENGE_WEIGHTS = { cpv: 0.5, target_groups: 0.25, distance: 0.15, text: 0.1 } as const;
export type ChallengeFactor = keyof typeof CHALLENGE_WEIGHTS;

/** A challenge scores only offerings that share something real with it: a CPV division or a target group. */
export const CHALLENGE_MIN_SCORE = 0.2;

export interface ChallengeSubject {
  cpvCodes: string[];
  targetGroups: string[];
  /** Distinctive words of the title and theme (lower case). */
  words: string[];
}

export interface ChallengeCandidate {
  cpvCodes: string[];
  targetGroups: string[];
  /** Lower-case title and description of the offering. */
  text: string;
  distanceKm: number | null;
  radiusKm: number | null;
}

export interface ChallengeScore {
  score: number;
  /** True when a CPV code or a target group is shared: only such offerings are listed. */
  fits: boolean;
  reasons: MatchReasonJson[];
}

const NEUTRAL = 0.5;
const STOP = new Set([
  'voor',
  'naar',
  'over',
  'onder',
  'tussen',
  'zonder',
  'samen',
  'wordt',
  'worden',
  'welke',
]);

/** The words of a challenge's title and theme that say something (five letters or more, no common words). */
export function challengeWords(...texts: string[]): string[] {
  const words = texts
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 5 && !STOP.has(w));
  return [...new Set(words)].slice(0, 20);
}

function targetGroupsFactor(wanted: string[], offered: string[]): FactorResult {
  if (!wanted.length)
    return {
      value: NEUTRAL,
      detail: 'The challenge names no target groups.',
      detailNl: 'De uitdaging noemt geen doelgroepen.',
    };
  const shared = wanted.filter((g) => offered.includes(g));
  if (!shared.length)
    return {
      value: 0,
      detail: 'The enterprise works with none of the target groups the challenge names.',
      detailNl: 'De onderneming werkt met geen van de doelgroepen die de uitdaging noemt.',
    };
  return {
    value: shared.length / wanted.length,
    detail: `The enterprise works with ${shared.length} of the ${wanted.length} target groups the challenge names.`,
    detailNl: `De onderneming werkt met ${shared.length} van de ${wanted.length} doelgroepen die de uitdaging noemt.`,
  };
}

function textFactor(words: string[], text: string): FactorResult {
  if (!words.length)
    return { value: NEUTRAL, detail: 'No words to compare.', detailNl: 'Geen woorden om te vergelijken.' };
  const found = words.filter((w) => text.includes(w));
  if (!found.length)
    return {
      value: 0,
      detail: 'None of the challenge’s words appear in the offering.',
      detailNl: 'Geen van de woorden van de uitdaging staat in het aanbod.',
    };
  return {
    value: Math.min(1, found.length / Math.min(3, words.length)),
    detail: `The offering mentions ${found.join(', ')}.`,
    detailNl: `Het aanbod noemt ${found.join(', ')}.`,
  };
}

const round4 = (v: number): number => Math.round(v * 10_000) / 10_000;

/** Scores one offering against a challenge (pure: no database, no clock). */
export function scoreChallengeMatch(s: ChallengeSubject, c: ChallengeCandidate): ChallengeScore {
  const factors: Record<ChallengeFactor, FactorResult> = {
    cpv: s.cpvCodes.length
      ? cpvFactor(s.cpvCodes, c.cpvCodes)
      : {
          value: 0,
          detail: 'The challenge names no CPV codes.',
          detailNl: 'De uitdaging noemt geen CPV-codes.',
        },
    target_groups: targetGroupsFactor(s.targetGroups, c.targetGroups),
    distance: distanceFactor(c.distanceKm, c.radiusKm),
    text: textFactor(s.words, c.text),
  };
  const reasons = (Object.keys(CHALLENGE_WEIGHTS) as ChallengeFactor[]).map((factor) => ({
    factor,
    weight: CHALLENGE_WEIGHTS[factor],
    value: round4(factors[factor].value),
    // The tender factors' sentences, said of a challenge.
    detail: factors[factor].detail.replace(/\btender\b/g, 'challenge'),
    detailNl: factors[factor].detailNl.replace(/\bde aanbesteding\b/g, 'de uitdaging'),
  }));
  const score = round4(reasons.reduce((sum, r) => sum + r.weight * r.value, 0));
  const sharesGroup = s.targetGroups.some((g) => c.targetGroups.includes(g));
  const fits = (factors.cpv.value > 0 || sharesGroup) && score >= CHALLENGE_MIN_SCORE;
  return { score, fits, reasons };
}

/** Great-circle distance in km between two points. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
