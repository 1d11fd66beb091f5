import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const MATCH_SUBJECT_TYPES = ['obligation', 'tender'] as const;
export type MatchSubjectType = (typeof MATCH_SUBJECT_TYPES)[number];

/**
 * Revisions of one match set. A change that may affect the set raises `requestedRevision` (unless a job for
 * the current revision has not started yet: that job will see the change), a job claims the requested
 * revision when it starts (`startedRevision`) and writes its set only if no newer one is stored
 * (`computedRevision`). `pending` on the API is `requested > computed`, unless that revision failed.
 *
 * A subject that cannot be scored (its own data cannot be valued, or BullMQ gave up on its job) records the failed
 * revision, why (`failureCode`, one of `MATCH_FAILURE_CODES`) and since when; the stored set, if any, stays. The
 * next set stored clears the failure. `failureDetail` is the error's own message, for operators only.
 */
@Entity('match_state')
@Check('ck_match_state_subject_type', `subject_type IN ('obligation', 'tender')`)
export class MatchStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, primaryKeyConstraintName: 'pk_match_state' })
  subjectType: MatchSubjectType;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_match_state' })
  subjectId: string;

  @Column({ type: 'int', default: 0 })
  requestedRevision: number;

  @Column({ type: 'int', default: 0 })
  startedRevision: number;

  @Column({ type: 'int', default: 0 })
  computedRevision: number;

  @Column({ type: 'timestamptz', nullable: true })
  computedAt: Date | null;

  /** Rows in the stored set, written with it; null for a set stored before it was kept. */
  @Column({ type: 'int', nullable: true })
  matchCount: number | null;

  /** The newest revision whose scoring failed, while it keeps failing; null once a set is stored. */
  @Column({ type: 'int', nullable: true })
  failedRevision: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  failureCode: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  failureDetail: string | null;

  /** When the current run of failures began (kept while the subject keeps failing). */
  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}
