import { centsTransformer } from '@app/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ObligationEntity } from './obligation.entity';
import { OfferingEntity } from './offering.entity';
import { OrganisationEntity } from './organisation.entity';

export const QUOTE_REQUEST_STATUSES = ['open', 'quoted', 'declined', 'ordered'] as const;
export type QuoteRequestStatus = (typeof QUOTE_REQUEST_STATUSES)[number];

/**
 * A contractor asks the enterprise behind an offering for a quote, towards one of its obligations. Matching
 * reads this table for the enterprise's responsiveness: a request is answered once its status is not `open`.
 */
@Entity('quote_request')
@Check('ck_quote_request_status', `status IN ('open', 'quoted', 'declined', 'ordered')`)
@Check('ck_quote_request_budget', 'budget_cents IS NULL OR budget_cents > 0')
@Index('ix_quote_request_contractor', ['contractorOrganisationId', 'createdAt'])
@Index('ix_quote_request_social_enterprise', ['socialEnterpriseId', 'createdAt'])
@Index('ix_quote_request_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_quote_request_obligation', ['obligationId', 'createdAt'])
@Index('ix_quote_request_offering', ['offeringId'])
export class QuoteRequestEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_quote_request' })
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_quote_request_obligation' })
  obligation?: ObligationEntity;

  /** Null once the enterprise deleted the offering; the request and its history stay. */
  @Column({ type: 'uuid', nullable: true })
  offeringId: string | null;

  @ManyToOne(() => OfferingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'offering_id', foreignKeyConstraintName: 'fk_quote_request_offering' })
  offering?: OfferingEntity;

  /** The offering's title when asked, so the request still reads well after the offering is gone. */
  @Column({ type: 'varchar', length: 200 })
  offeringTitle: string;

  @Column({ type: 'uuid' })
  contractorOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'contractor_organisation_id',
    foreignKeyConstraintName: 'fk_quote_request_contractor',
  })
  contractorOrganisation?: OrganisationEntity;

  /** The social enterprise organisation asked. */
  @Column({ type: 'uuid' })
  socialEnterpriseId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'social_enterprise_id',
    foreignKeyConstraintName: 'fk_quote_request_social_enterprise',
  })
  socialEnterprise?: OrganisationEntity;

  /** The obligation's buyer, copied so its officers' read access is one indexed filter. */
  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  budgetCents: number | null;

  @Column({ type: 'date', nullable: true })
  neededBy: string | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: QuoteRequestStatus;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  /** When the enterprise first quoted or declined. */
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
