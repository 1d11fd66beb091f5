import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TenderEntity } from './tender.entity';

@Entity('tender_item')
@Index('ix_tender_item_tender', ['tenderId', 'position'])
@Index('ix_tender_item_cpv', ['cpvCode'])
export class TenderItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tender_item' })
  id: string;

  @Column({ type: 'uuid' })
  tenderId: string;

  @ManyToOne('TenderEntity', 'items', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_tender_item_tender' })
  tender?: TenderEntity;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  /** Normalised 8-digit CPV code. */
  @Column({ type: 'char', length: 8 })
  cpvCode: string;
}
