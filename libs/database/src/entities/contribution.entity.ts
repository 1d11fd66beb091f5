import type { BreakdownLine, ContributionBody } from '@app/common/sroi-json';
import { centsTransformer, numericTransformer } from '@app/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PledgeEntity } from './initiative.entity';
import { ObligationEntity } from './obligation.entity';
import { OrganisationEntity } from './organisation.entity';
import { PurchaseOrderEntity } from './purchase-order.entity';

export const CONTRIBUTION_CATEGORIES = [
  'employment',
  'training',
  'social_purchase',
  'social_activity',
] as const;
export type ContributionCategory = (typeof CONTRIBUTION_CATEGORIES)[number];
export const CONTRIBUTION_STATUSES = ['submitted', 'verified', 'rejected'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/**
 * One claim towards an obligation. Double counting is prevented by the database: a supplier invoice is
 * unique platform-wide (partial unique index below, rejected claims excluded), and placements of one person
 * token are serialised by an advisory lock while their full-time total is checked.
 */
@Entity('contribution')
@Index('ix_contribution_obligation', ['obligationId', 'createdAt'])
@Index('uq_contribution_invoice', { synchronize: false })
@Index('uq_contribution_pledge', { synchronize: false })
@Index('ix_contribution_order', ['orderId'], { where: 'order_id IS NOT NULL' })
@Index('ix_contribution_person', ['personToken'], { where: 'person_token IS NOT NULL' })
export class ContributionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contribution' })
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_contribution_obligation' })
  obligation?: ObligationEntity;

  @Column({ type: 'enum', enum: CONTRIBUTION_CATEGORIES, enumName: 'contribution_category' })
  category: ContributionCategory;

  @Column({
    type: 'enum',
    enum: CONTRIBUTION_STATUSES,
    enumName: 'contribution_status',
    default: 'submitted',
  })
  status: ContributionStatus;

  /** The submitted body, as received (never names or BSNs: a person is a pseudonymous token). */
  @Column({ type: 'jsonb' })
  body: ContributionBody;

  @Column({ type: 'bigint', transformer: centsTransformer })
  claimedValueCents: number;

  @Column({ type: 'jsonb' })
  breakdown: BreakdownLine[];

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  verifiedValueCents: number | null;

  @Column({ type: 'uuid', nullable: true })
  supplierOrganisationId: string | null;

  /** Read-only join for the supplier's name (no foreign key: the column predates the relation). */
  @ManyToOne(() => OrganisationEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'supplier_organisation_id' })
  supplierOrganisation?: OrganisationEntity | null;

  /** Upper-cased, spaces removed: `inv 001` and `INV001` are the same invoice. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  invoiceKey: string | null;

  /** The marketplace order whose invoice created this purchase claim; null for claims typed in by hand. */
  @Column({ type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => PurchaseOrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_contribution_order' })
  order?: PurchaseOrderEntity;

  /** The delivered initiative pledge this activity claim comes from (a pledge counts once: uq_contribution_pledge). */
  @Column({ type: 'uuid', nullable: true })
  pledgeId: string | null;

  @ManyToOne(() => PledgeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pledge_id', foreignKeyConstraintName: 'fk_contribution_pledge' })
  pledge?: PledgeEntity | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  personToken: string | null;

  /** The counted period and full-time share of a placement, for the person's full-time check. */
  @Column({ type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ type: 'date', nullable: true })
  periodEnd: string | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  hoursPerWeek: number | null;

  @Column({ type: 'int', nullable: true })
  fullTimeHoursPerWeek: number | null;

  @Column({ type: 'uuid' })
  submittedBy: string;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
