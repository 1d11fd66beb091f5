import type { MeetingReason } from '@app/database';
import type { ScheduleCandidate } from './scheduler';

/** A stored match of an offering on an obligation (matching's `obligation_match` row, as read for a day). */
export interface MatchRow {
  obligationId: string;
  contractorId: string;
  remainingCents: number;
  offeringId: string;
  socialEnterpriseId: string;
  score: number;
  reasons: PairReason[];
}

/** A pair's reasons are the meeting's reasons (`event_meeting.reasons`). */
export type PairReason = MeetingReason;

export interface Registrant {
  organisationId: string;
  kind: 'contractor' | 'social_enterprise';
  name: string;
  wishes: string[];
}

export interface CandidatePair extends ScheduleCandidate {
  /** The match score (0..1) behind the pair; 0 when only a wish brought them together. */
  score: number;
  obligationId: string | null;
  offeringId: string | null;
  wishedBy: string[];
  reasons: PairReason[];
}

/** What one side's wish adds to a pair's weight: a wished pair is planned before most matches, not all. */
export const WISH_BONUS = 0.25;

/** A pair counts as a match only when the CPV codes overlap: matching's `cpv` factor above zero. */
export function cpvValue(reasons: PairReason[]): number {
  return reasons.find((r) => r.factor === 'cpv')?.value ?? 0;
}

/**
 * Candidate pairs of a day and their weights.
 *
 * A pair is a registered contractor and a registered social enterprise whose offering matches one of the
 * contractor's open obligations with a CPV overlap, or a pair either side wished for. Its weight is the match
 * score weighted by how much of the obligation is still open: score × remaining ÷ the largest remaining amount
 * of the day, so helping fill a large gap comes first and every weight stays within 0..1. Of several matching
 * obligations (or offerings) the one with the highest weight speaks for the pair. Each side's wish adds
 * `WISH_BONUS`.
 */
export function candidatePairs(registrants: Registrant[], matches: MatchRow[]): CandidatePair[] {
  const kindOf = new Map(registrants.map((r) => [r.organisationId, r.kind]));
  const nameOf = new Map(registrants.map((r) => [r.organisationId, r.name]));
  const live = matches.filter(
    (m) =>
      kindOf.get(m.contractorId) === 'contractor' &&
      kindOf.get(m.socialEnterpriseId) === 'social_enterprise' &&
      m.remainingCents > 0 &&
      m.score > 0 &&
      cpvValue(m.reasons) > 0,
  );
  const maxRemaining = Math.max(0, ...live.map((m) => m.remainingCents));
  const pairs = new Map<string, CandidatePair>();
  for (const m of live) {
    const weight = (m.score * m.remainingCents) / maxRemaining;
    const key = `${m.contractorId}/${m.socialEnterpriseId}`;
    const seen = pairs.get(key);
    const better =
      !seen ||
      weight > seen.weight ||
      (weight === seen.weight &&
        `${m.obligationId}/${m.offeringId}` < `${seen.obligationId}/${seen.offeringId}`);
    if (!better) continue;
    pairs.set(key, {
      contractorId: m.contractorId,
      socialEnterpriseId: m.socialEnterpriseId,
      weight,
      score: m.score,
      obligationId: m.obligationId,
      offeringId: m.offeringId,
      wishedBy: [],
      reasons: m.reasons,
    });
  }
  for (const r of registrants) {
    for (const other of r.wishes) {
      const otherKind = kindOf.get(other);
      if (!otherKind || otherKind === r.kind) continue;
      const [contractorId, socialEnterpriseId] =
        r.kind === 'contractor' ? [r.organisationId, other] : [other, r.organisationId];
      const key = `${contractorId}/${socialEnterpriseId}`;
      const pair =
        pairs.get(key) ??
        ({
          contractorId,
          socialEnterpriseId,
          weight: 0,
          score: 0,
          obligationId: null,
          offeringId: null,
          wishedBy: [],
          reasons: [],
        } satisfies CandidatePair);
      if (pair.wishedBy.includes(r.organisationId)) continue;
      pair.wishedBy.push(r.organisationId);
      pair.wishedBy.sort();
      pair.weight += WISH_BONUS;
      pairs.set(key, pair);
    }
  }
  for (const pair of pairs.values()) {
    for (const who of pair.wishedBy) {
      const asker = nameOf.get(who) ?? who;
      const asked = nameOf.get(who === pair.contractorId ? pair.socialEnterpriseId : pair.contractorId) ?? '';
      pair.reasons = [
        ...pair.reasons,
        {
          factor: 'wish',
          weight: WISH_BONUS,
          value: 1,
          detail: `${asker} asked to meet ${asked}.`,
          detailNl: `${asker} wil graag ${asked} spreken.`,
          organisationId: who,
        },
      ];
    }
  }
  return [...pairs.values()].sort((a, b) =>
    a.contractorId === b.contractorId
      ? a.socialEnterpriseId.localeCompare(b.socialEnterpriseId)
      : a.contractorId.localeCompare(b.contractorId),
  );
}
