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
import { OrganisationEntity } from './organisation.entity';

@Entity('offering')
@Index('ix_offering_organisation_id', ['organisationId'])
// GIN / GiST indexes are created by hand in the migration; synchronize: false keeps the drift check off them.
@Index('ix_offering_cpv_ancestors', { synchronize: false })
@Index('ix_offering_search', { synchronize: false })
@Index('ix_offering_earth', { synchronize: false })
@Index('ix_offering_recent', { synchronize: false })
export class OfferingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_offering' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_offering_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Normalised 8-digit codes as entered. */
  @Column({ type: 'text', array: true })
  cpvCodes: string[];

  /** The codes and every ancestor in the CPV tree: a subtree filter is then one indexed `@>`. */
  @Column({ type: 'text', array: true })
  cpvAncestors: string[];

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  priceIndicationCents: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  unit: string | null;

  @Column({ type: 'numeric', precision: 4, scale: 3, nullable: true, transformer: numericTransformer })
  labourShare: number | null;

  @Column({ type: 'varchar', length: 7, nullable: true })
  deliveryPostcode: string | null;

  @Column({ type: 'int', nullable: true })
  deliveryRadiusKm: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  capacityCentsPerMonth: number | null;

  /**
   * True while the enterprise's profile is unpublished: a copy of that flag kept on the offering so search
   * filters it per row for free instead of joining the profile.
   */
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** The delivery point: the PC4 centroid of the delivery postcode, else of the enterprise's postcode. */
  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `setweight(to_tsvector('simple', immutable_unaccent(title)), 'A') || setweight(to_tsvector('dutch', immutable_unaccent(title)), 'A') || setweight(to_tsvector('english', immutable_unaccent(title)), 'A') || setweight(to_tsvector('simple', immutable_unaccent(description)), 'B') || setweight(to_tsvector('dutch', immutable_unaccent(description)), 'B') || setweight(to_tsvector('english', immutable_unaccent(description)), 'B')`,
  })
  searchDoc: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
