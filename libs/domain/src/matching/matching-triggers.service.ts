import type { MatchSubjectType } from '@app/database';
import { type OutboxJob, OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ADD_DELTAS_SQL,
  affectedByEnterprisesSql,
  affectedByOfferingsSql,
  REQUEST_REVISIONS_SQL,
  WHOLE_SET,
} from './matching.sql';

type Pair = { id: string; offering_id: string };

/**
 * Called inside the business transaction of every change that can move a match: finds the obligations and
 * tenders the change can affect (in SQL, by CPV division and distance), records which of their pairs must be
 * scored again (`match_delta`: one offering's pairs, or the whole set when the subject itself changed) and
 * writes one re-score job per subject and revision to the outbox. Deterministic job ids make repeats harmless;
 * a burst of changes collapses into one job that reads every delta recorded before it starts.
 */
@Injectable()
export class MatchingTriggers {
  constructor(private readonly outbox: OutboxService) {}

  obligationChanged(m: EntityManager, obligationId: string): Promise<void> {
    return this.request(m, 'obligation', [obligationId]);
  }

  tenderChanged(m: EntityManager, tenderId: string): Promise<void> {
    return this.request(m, 'tender', [tenderId]);
  }

  /** Call after saving (the new state) and before deleting (the stored rows still name the offering). */
  async offeringsChanged(m: EntityManager, offeringIds: string[]): Promise<void> {
    if (!offeringIds.length) return;
    for (const type of ['obligation', 'tender'] as const) {
      await this.requestPairs(m, type, await m.query(affectedByOfferingsSql(type), [offeringIds]));
    }
  }

  /** A certificate added, verified, rejected or past a date; a profile published, hidden or edited. */
  async enterprisesChanged(m: EntityManager, organisationIds: string[]): Promise<void> {
    if (!organisationIds.length) return;
    const offerings: { id: string }[] = await m.query(
      'SELECT id FROM offering WHERE organisation_id = ANY($1::uuid[])',
      [organisationIds],
    );
    for (const type of ['obligation', 'tender'] as const) {
      const listed: Pair[] = await m.query(affectedByEnterprisesSql(type), [organisationIds]);
      const near: Pair[] = offerings.length
        ? await m.query(affectedByOfferingsSql(type), [offerings.map((o) => o.id)])
        : [];
      await this.requestPairs(m, type, [...listed, ...near]);
    }
  }

  /**
   * A change that moves only the scores of an enterprise's listed matches, never which offerings are candidates:
   * a quote request sent or answered (the responsiveness factor).
   */
  async responsivenessChanged(m: EntityManager, organisationIds: string[]): Promise<void> {
    if (!organisationIds.length) return;
    for (const type of ['obligation', 'tender'] as const) {
      await this.requestPairs(m, type, await m.query(affectedByEnterprisesSql(type), [organisationIds]));
    }
  }

  /** The whole set of each subject is scored again (the subject changed, a refresh, the nightly re-score). */
  async request(m: EntityManager, type: MatchSubjectType, ids: string[]): Promise<void> {
    await this.requestPairs(
      m,
      type,
      ids.map((id) => ({ id, offering_id: WHOLE_SET })),
    );
  }

  private async requestPairs(m: EntityManager, type: MatchSubjectType, pairs: Pair[]): Promise<void> {
    if (!pairs.length) return;
    const sorted = [...new Set(pairs.map((p) => p.id))].sort();
    const rows: { subject_id: string; requested_revision: number }[] = await m.query(REQUEST_REVISIONS_SQL, [
      type,
      sorted,
    ]);
    const unique = [...new Map(pairs.map((p) => [`${p.id}/${p.offering_id}`, p])).values()];
    await m.query(ADD_DELTAS_SQL, [type, unique.map((p) => p.id), unique.map((p) => p.offering_id)]);
    await this.outbox.addMany(
      m,
      rows.map((r) => scoreJob(type, r.subject_id, r.requested_revision)),
    );
  }
}

function scoreJob(type: MatchSubjectType, id: string, revision: number): OutboxJob {
  return type === 'obligation'
    ? OutboxJobs.scoreObligation({ obligationId: id, revision })
    : OutboxJobs.scoreTender({ tenderId: id, revision });
}
