import type { SroiPolicyBody } from '@app/common/sroi-json';
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

export const POLICY_STATUSES = ['draft', 'published'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * One version of a buyer's SROI policy. The rules live in `body` (validated by the rule engine); a published
 * version never changes: a change is a new version in the same lineage.
 */
@Entity('sroi_policy')
@Index('ix_sroi_policy_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('uq_sroi_policy_version', ['buyerOrganisationId', 'lineageId', 'version'], { unique: true })
export class SroiPolicyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sroi_policy' })
  id: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organisation_id', foreignKeyConstraintName: 'fk_sroi_policy_buyer' })
  buyerOrganisation?: OrganisationEntity;

  /** Shared by all versions of one policy. */
  @Column({ type: 'uuid' })
  lineageId: string;

  @Column({ type: 'uuid', nullable: true })
  previousVersionId: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 50 })
  version: string;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'enum', enum: POLICY_STATUSES, enumName: 'sroi_policy_status', default: 'draft' })
  status: PolicyStatus;

  @Column({ type: 'jsonb' })
  body: SroiPolicyBody;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
