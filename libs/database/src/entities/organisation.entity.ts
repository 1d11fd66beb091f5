import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const ORGANISATION_KINDS = ['buyer', 'contractor', 'social_enterprise'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisation')
@Check('ck_organisation_kvk_number', `kvk_number ~ '^[0-9]{8}$'`)
@Index('uq_organisation_kvk_number', ['kvkNumber'], { unique: true })
@Index('ix_organisation_name_trgm', { synchronize: false })
@Index('ix_organisation_pc4', { synchronize: false })
@Index('ix_organisation_recent', { synchronize: false })
@Index('uq_organisation_external_ref', ['externalRef'], { unique: true, where: 'external_ref IS NOT NULL' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisation' })
  id: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'char', length: 8, nullable: true })
  kvkNumber: string | null;

  /** Normalised `1234 AB`, or a bare PC4 when only that is known. */
  @Column({ type: 'varchar', length: 7 })
  postcode: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  /**
   * Known only from open data (an OCDS buyer), never registered here: no users, no KvK number, no postcode
   * (stored empty). `externalRef` identifies it across imports (`ocds:<scheme>-<id>` or `ocds-name:<name>`).
   */
  @Column({ type: 'boolean', default: false })
  external: boolean;

  @Column({ type: 'varchar', length: 400, nullable: true })
  externalRef: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
