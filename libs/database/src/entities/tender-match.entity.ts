import { centsTransformer } from '@app/common';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MatchReasonJson, StoredMatchReason } from './obligation-match.entity';
import { TenderEntity } from './tender.entity';

/**
 * The stored match set of an active tender: scored for the obligation the tender would create at its estimated
 * value (a bidder's view). Written like `obligation_match`.
 */
@Entity('tender_match')
@Index('ix_tender_match_rank', ['tenderId', 'counts', 'score', 'offeringId'])
@Index('ix_tender_match_offering', ['offeringId'])
@Index('ix_tender_match_cap', ['tenderId', 'capKey', 'offeringId'])
@Index('ix_tender_match_social_enterprise', ['socialEnterpriseId'])
export class TenderMatchEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_tender_match' })
  tenderId: string;

  @ManyToOne(() => TenderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_tender_match_tender' })
  tender?: TenderEntity;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_tender_match' })
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
