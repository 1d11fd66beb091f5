import type { BreakdownLine, ObligationInputs } from '@app/common/sroi-json';
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
import { ContractEntity } from './contract.entity';

/** What a contractor owes on one contract, computed once at award by the rule engine. */
@Entity('obligation')
@Index('uq_obligation_contract', ['contractId'], { unique: true })
@Index('ix_obligation_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_obligation_contractor', ['contractorOrganisationId', 'createdAt'])
export class ObligationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_obligation' })
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id', foreignKeyConstraintName: 'fk_obligation_contract' })
  contract?: ContractEntity;

  @Column({ type: 'uuid' })
  tenderId: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @Column({ type: 'uuid' })
  contractorOrganisationId: string;

  @Column({ type: 'uuid' })
  policyId: string;

  @Column({ type: 'boolean' })
  applicable: boolean;

  @Column({ type: 'varchar', length: 60, nullable: true })
  reason: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  percentage: number;

  @Column({ type: 'bigint', transformer: centsTransformer })
  amountCents: number;

  /** The engine's lines (Dutch and English labels) and the inputs it was given. */
  @Column({ type: 'jsonb' })
  breakdown: BreakdownLine[];

  @Column({ type: 'jsonb' })
  inputs: ObligationInputs;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'timestamptz', nullable: true })
  waivedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  waivedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
