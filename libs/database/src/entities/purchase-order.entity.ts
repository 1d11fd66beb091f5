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
import { QuoteEntity } from './quote.entity';
import { QuoteRequestEntity } from './quote-request.entity';

export const ORDER_STATUSES = ['open', 'completed'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An accepted quote. One order per quote, enforced by the database so a double acceptance cannot win twice. */
@Entity('purchase_order')
@Check('ck_purchase_order_status', `status IN ('open', 'completed')`)
@Index('uq_purchase_order_quote', ['quoteId'], { unique: true })
@Index('ix_purchase_order_contractor', ['contractorOrganisationId', 'createdAt'])
@Index('ix_purchase_order_social_enterprise', ['socialEnterpriseId', 'createdAt'])
@Index('ix_purchase_order_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_purchase_order_obligation', ['obligationId', 'createdAt'])
export class PurchaseOrderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_purchase_order' })
  id: string;

  @Column({ type: 'uuid' })
  quoteId: string;

  @ManyToOne(() => QuoteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quote_id', foreignKeyConstraintName: 'fk_purchase_order_quote' })
  quote?: QuoteEntity;

  @Column({ type: 'uuid' })
  quoteRequestId: string;

  @ManyToOne(() => QuoteRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quote_request_id', foreignKeyConstraintName: 'fk_purchase_order_quote_request' })
  quoteRequest?: QuoteRequestEntity;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => ObligationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_purchase_order_obligation' })
  obligation?: ObligationEntity;

  @Column({ type: 'uuid' })
  contractorOrganisationId: string;

  @Column({ type: 'uuid' })
  socialEnterpriseId: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: OrderStatus;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
