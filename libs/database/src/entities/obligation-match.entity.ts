import { centsTransformer } from '@app/common';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One reason of a match: a factor's weight, its value 0..1 and a sentence in English and Dutch. */
export interface MatchReasonJson {
  factor: string;
  weight: number;
  value: number;
  detail: string;
  detailNl: string;
}

/**
 * A reason as a match row stores it: `[factor, weight, value, sentence code, ...parameters]`; the matching read
 * path writes out the two sentences (`expandReasons` in `libs/domain/src/matching/match-reasons.ts`). Rows
 * written before the compact form hold `MatchReasonJson` objects, which read as they are.
 */
export type StoredMatchReason = [string, number, number, string, ...(string | number)[]];

/**
 * The stored match set of an obligation, written by the matching worker as a whole (delete and insert in one
 * transaction) for one revision. No foreign key to the offering: a deleted offering is dropped by the read's
 * join at once, and the next re-score removes its row. None to the obligation either (a check per written row):
 * the worker holds the obligation while it writes, and a trigger deletes the rows of deleted obligations
 * (`LightenObligationMatchWrites1795510000100`).
 */
@Entity('obligation_match')
@Index('ix_obligation_match_rank', ['obligationId', 'counts', 'score', 'offeringId'])
@Index('ix_obligation_match_offering', ['offeringId'])
export class ObligationMatchEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_obligation_match' })
  obligationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_obligation_match' })
  offeringId: string;

  /** The social enterprise's organisation id. */
  @Column({ type: 'uuid' })
  socialEnterpriseId: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'boolean' })
  counts: boolean;

  @Column({ type: 'bigint', transformer: centsTransformer })
  projectedCreditCents: number;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  spendToFillCents: number | null;

  @Column({ type: 'double precision', nullable: true })
  distanceKm: number | null;

  /**
   * The exact distance the candidate cap ordered the set by (`distanceKm` is rounded for display): `Infinity` when
   * unknown, -1 on rows written before it was stored. Read by the incremental re-score, never by the API.
   */
  @Column({ type: 'double precision', default: -1 })
  capKey: number;

  @Column({ type: 'json' })
  reasons: (StoredMatchReason | MatchReasonJson)[];

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
