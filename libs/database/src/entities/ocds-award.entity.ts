import { centsTransformer } from '@app/common';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenderEntity } from './tender.entity';

export interface OcdsSupplier {
  /** The party id in the publisher's data, when given. */
  id: string | null;
  name: string;
}

/**
 * An award of an imported tender as published (suppliers by name: they are not organisations of the platform).
 * Platform tenders record their award as a contract with an SROI obligation instead.
 */
@Entity('ocds_award')
@Index('uq_ocds_award_tender_award', ['tenderId', 'awardId'], { unique: true })
export class OcdsAwardEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_ocds_award' })
  id: string;

  @Column({ type: 'uuid' })
  tenderId: string;

  @ManyToOne(() => TenderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_ocds_award_tender' })
  tender?: TenderEntity;

  /** The award's OCDS `id`. */
  @Column({ type: 'varchar', length: 300 })
  awardId: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  status: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  date: Date | null;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  valueCents: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  suppliers: OcdsSupplier[];
}
