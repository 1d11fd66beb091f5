import type { SroiPolicyBody } from '@app/common/sroi-json';
import { centsTransformer } from '@app/common';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { SroiPolicyEntity } from './sroi-policy.entity';
import { TenderEntity } from './tender.entity';

/** The awarded contract; the policy version is frozen on it (its body copied) at award. */
@Entity('contract')
@Index('uq_contract_tender', ['tenderId'], { unique: true })
@Index('ix_contract_contractor', ['contractorOrganisationId'])
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_contract' })
  id: string;

  @Column({ type: 'uuid' })
  tenderId: string;

  @ManyToOne(() => TenderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tender_id', foreignKeyConstraintName: 'fk_contract_tender' })
  tender?: TenderEntity;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @Column({ type: 'uuid' })
  contractorOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractor_organisation_id', foreignKeyConstraintName: 'fk_contract_contractor' })
  contractorOrganisation?: OrganisationEntity;

  @Column({ type: 'bigint', transformer: centsTransformer })
  valueCents: number;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'uuid' })
  policyId: string;

  @ManyToOne(() => SroiPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'fk_contract_policy' })
  policy?: SroiPolicyEntity;

  /** The policy body as it was at award: contributions are valued against this, never a later version. */
  @Column({ type: 'jsonb' })
  policySnapshot: SroiPolicyBody;

  @Column({ type: 'uuid' })
  awardedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  awardedAt: Date;
}
