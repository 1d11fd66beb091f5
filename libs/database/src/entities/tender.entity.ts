import { centsTransformer, numericTransformer } from '@app/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { SroiPolicyEntity } from './sroi-policy.entity';
import { TenderItemEntity } from './tender-item.entity';

export const TENDER_STATUSES = ['draft', 'active', 'awarded', 'complete', 'cancelled'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
export const PROCUREMENT_CATEGORY_VALUES = ['goods', 'services', 'works'] as const;
export type MainProcurementCategory = (typeof PROCUREMENT_CATEGORY_VALUES)[number];

/** A tender with OCDS-aligned fields (tender.mainProcurementCategory, tender.value, contractPeriod, items). */
@Entity('tender')
@Index('ix_tender_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_tender_status', ['status', 'createdAt'])
@Check('ck_tender_contract_period', 'contract_end >= contract_start')
export class TenderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tender' })
  id: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organisation_id', foreignKeyConstraintName: 'fk_tender_buyer' })
  buyerOrganisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'enum', enum: PROCUREMENT_CATEGORY_VALUES, enumName: 'procurement_category' })
  mainProcurementCategory: MainProcurementCategory;

  @Column({ type: 'enum', enum: TENDER_STATUSES, enumName: 'tender_status', default: 'draft' })
  status: TenderStatus;

  @Column({ type: 'bigint', transformer: centsTransformer })
  estimatedValueCents: number;

  @Column({ type: 'char', length: 3, default: 'EUR' })
  currency: string;

  @Column({ type: 'varchar', length: 7, nullable: true })
  deliveryPostcode: string | null;

  @Column({ type: 'date', nullable: true })
  tenderPeriodEnd: string | null;

  @Column({ type: 'date' })
  contractStart: string;

  @Column({ type: 'date' })
  contractEnd: string;

  @Column({ type: 'numeric', precision: 4, scale: 3, nullable: true, transformer: numericTransformer })
  labourShare: number | null;

  @Column({ type: 'uuid' })
  sroiPolicyId: string;

  @ManyToOne(() => SroiPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sroi_policy_id', foreignKeyConstraintName: 'fk_tender_sroi_policy' })
  sroiPolicy?: SroiPolicyEntity;

  /** The tender's own SROI percentage, overriding the policy default. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  sroiPercentage: number | null;

  @OneToMany(() => TenderItemEntity, (i) => i.tender, { cascade: ['insert'] })
  items?: TenderItemEntity[];

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
