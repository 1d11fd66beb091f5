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
import { QuoteRequestEntity } from './quote-request.entity';

export const QUOTE_STATUSES = ['open', 'accepted', 'rejected', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** The enterprise's price for a quote request; `validUntil` is the last day it can be accepted. */
@Entity('quote')
@Check('ck_quote_status', `status IN ('open', 'accepted', 'rejected', 'superseded')`)
@Check('ck_quote_amount', 'amount_cents > 0')
@Index('ix_quote_quote_request', ['quoteRequestId', 'createdAt'])
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_quote' })
  id: string;

  @Column({ type: 'uuid' })
  quoteRequestId: string;

  @ManyToOne(() => QuoteRequestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quote_request_id', foreignKeyConstraintName: 'fk_quote_quote_request' })
  quoteRequest?: QuoteRequestEntity;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents: number;

  @Column({ type: 'date' })
  validUntil: string;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: QuoteStatus;

  /** The credit the quoted amount would earn under the obligation's frozen policy, on the day it was quoted. */
  @Column({ type: 'bigint', transformer: centsTransformer })
  projectedCreditCents: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
