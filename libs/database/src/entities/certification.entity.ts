import {
  CERTIFICATION_STATUSES,
  CERTIFICATION_TYPES,
  PSO_LEVELS,
  type CertificationStatus,
  type CertificationType,
  type PsoLevel,
} from '@app/common/vocabulary';
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

export { CERTIFICATION_STATUSES, CERTIFICATION_TYPES, PSO_LEVELS };
export type { CertificationStatus, CertificationType, PsoLevel };

/** A certificate an organisation holds. Expired ones stay on record; validity is always judged by date. */
@Entity('certification')
@Index('ix_certification_organisation_type', ['organisationId', 'type', 'validFrom'])
export class CertificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_certification' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_certification_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: CERTIFICATION_TYPES, enumName: 'certification_type' })
  type: CertificationType;

  @Column({ type: 'enum', enum: PSO_LEVELS, enumName: 'pso_level', nullable: true })
  level: PsoLevel | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  /** Inclusive; null means open-ended. */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({
    type: 'enum',
    enum: CERTIFICATION_STATUSES,
    enumName: 'certification_status',
    default: 'unverified',
  })
  status: CertificationStatus;

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
