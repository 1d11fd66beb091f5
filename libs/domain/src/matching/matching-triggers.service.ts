import type { MatchSubjectType } from '@app/database';
import { JobName, jobId, OutboxService, QueueName } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { affectedByEnterprisesSql, affectedByOfferingsSql, REQUEST_REVISIONS_SQL } from './matching.sql';

/**
 * Called inside the business transaction of every change that can move a match: finds the obligations and
 * tenders the change can affect (in SQL, by CPV division and distance) and writes one re-score job per
 * subject and revision to the outbox. Deterministic job ids make repeats harmless.
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
      const rows: { id: string }[] = await m.query(affectedByOfferingsSql(type), [offeringIds]);
      await this.request(
        m,
        type,
        rows.map((r) => r.id),
      );
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
      const listed: { id: string }[] = await m.query(affectedByEnterprisesSql(type), [organisationIds]);
      const near: { id: string }[] = offerings.length
        ? await m.query(affectedByOfferingsSql(type), [offerings.map((o) => o.id)])
        : [];
      await this.request(m, type, [...new Set([...listed, ...near].map((r) => r.id))]);
    }
  }

  /**
   * A change that moves only the scores of an enterprise's listed matches, never which offerings are candidates:
   * a quote request sent or answered (the responsiveness factor).
   */
  async responsivenessChanged(m: EntityManager, organisationIds: string[]): Promise<void> {
    if (!organisationIds.length) return;
    for (const type of ['obligation', 'tender'] as const) {
      const listed: { id: string }[] = await m.query(affectedByEnterprisesSql(type), [organisationIds]);
      await this.request(
        m,
        type,
        listed.map((r) => r.id),
      );
    }
  }

  async request(m: EntityManager, type: MatchSubjectType, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const sorted = [...new Set(ids)].sort();
    const rows: { subject_id: string; requested_revision: number }[] = await m.query(REQUEST_REVISIONS_SQL, [
      type,
      sorted,
    ]);
    for (const r of rows) await this.enqueue(m, type, r.subject_id, r.requested_revision);
  }

  async enqueue(m: EntityManager, type: MatchSubjectType, id: string, revision: number): Promise<void> {
    if (type === 'obligation') {
      await this.outbox.enqueue(
        m,
        QueueName.Matching,
        JobName.ScoreObligation,
        jobId(JobName.ScoreObligation, id, revision),
        { obligationId: id, revision },
      );
    } else {
      await this.outbox.enqueue(
        m,
        QueueName.Matching,
        JobName.ScoreTender,
        jobId(JobName.ScoreTender, id, revision),
        {
          tenderId: id,
          revision,
        },
      );
    }
  }
}
