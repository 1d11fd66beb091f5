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
} from 'typeorm';
import { ContributionEntity } from './contribution.entity';
import { PurchaseOrderEntity } from './purchase-order.entity';

/**
 * An enterprise's invoice on an order. It is born with its `social_purchase` contribution (same transaction);
 * the platform-wide invoice uniqueness lives on the contribution, and the key here refuses the same invoice
 * number of one enterprise twice even after its contribution was rejected.
 */
@Entity('invoice')
@Check('ck_invoice_amount', 'amount_cents > 0')
@Index('ix_invoice_order', ['orderId', 'createdAt'])
@Index('uq_invoice_contribution', ['contributionId'], { unique: true })
@Index('uq_invoice_supplier_number', ['socialEnterpriseId', 'invoiceKey'], { unique: true })
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_invoice' })
  id: string;

  @Column({ type: 'uuid' })
  orderId: string;

  @ManyToOne(() => PurchaseOrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'fk_invoice_order' })
  order?: PurchaseOrderEntity;

  @Column({ type: 'uuid' })
  socialEnterpriseId: string;

  @Column({ type: 'varchar', length: 60 })
  invoiceNumber: string;

  /** Upper-cased, spaces removed, as on the contribution. */
  @Column({ type: 'varchar', length: 100 })
  invoiceKey: string;

  @Column({ type: 'date' })
  invoiceDate: string;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents: number;

  @Column({ type: 'uuid' })
  contributionId: string;

  @ManyToOne(() => ContributionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contribution_id', foreignKeyConstraintName: 'fk_invoice_contribution' })
  contribution?: ContributionEntity;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
