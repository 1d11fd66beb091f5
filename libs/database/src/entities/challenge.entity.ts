import { centsTransformer } from '@app/common';
import type { MatchReasonJson } from './obligation-match.entity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OfferingEntity } from './offering.entity';
import { OrganisationEntity } from './organisation.entity';

export const CHALLENGE_KINDS = ['open_call', 'competition'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];
export const CHALLENGE_STATUSES = ['draft', 'open', 'judging', 'decided'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];
export const PROPOSAL_DECISIONS = ['shortlisted', 'winner', 'not_selected'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

/**
 * A social task or area question an officer brings to entrepreneurs (issue 34): `draft` → `open` → `judging`
 * (by the officer, or by the worker once `closesAt` has passed) → `decided`.
 */
@Entity('challenge')
@Index('ix_challenge_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_challenge_status', ['status', 'createdAt'])
// The worker's due-challenge sweep reads open challenges by closing time.
@Index('ix_challenge_open_closes_at', ['closesAt'], { where: `status = 'open'` })
@Check('ck_challenge_kind', `kind IN ('open_call', 'competition')`)
@Check('ck_challenge_budget', `budget_cents IS NULL OR budget_cents >= 0`)
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_challenge' })
  id: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organisation_id', foreignKeyConstraintName: 'fk_challenge_buyer' })
  buyerOrganisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 100 })
  theme: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ChallengeKind;

  /** As the officer gave it: a date (the last day proposals are taken) or a timestamp with offset. */
  @Column({ type: 'varchar', length: 40 })
  deadline: string;

  /** The moment proposals close: the end of the deadline's day (Dutch time), or the timestamp itself. */
  @Column({ type: 'timestamptz' })
  closesAt: Date;

  @Column({ type: 'varchar', length: 7, nullable: true })
  areaPostcode: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  areaName: string | null;

  /** 8-digit CPV codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cpvCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targetGroups: string[];

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  budgetCents: number | null;

  @Column({ type: 'text', nullable: true })
  rewardDescription: string | null;

  @Column({ type: 'enum', enum: CHALLENGE_STATUSES, enumName: 'challenge_status', default: 'draft' })
  status: ChallengeStatus;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  judgingAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** When the worker last scored its matches (null: not yet); the sweep re-scores after offerings change. */
  @Column({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A contractor's or social enterprise's proposal for a challenge: one per organisation. */
@Entity('challenge_proposal')
@Index('uq_challenge_proposal_organisation', ['challengeId', 'organisationId'], { unique: true })
@Index('ix_challenge_proposal_organisation', ['organisationId'])
// GIN index on partner_organisation_ids, created by hand in the migration (TypeORM cannot declare its type);
// synchronize: false keeps the drift check off it.
@Index('ix_challenge_proposal_partners', { synchronize: false })
@Check(
  'ck_challenge_proposal_decision',
  `decision IS NULL OR decision IN ('shortlisted', 'winner', 'not_selected')`,
)
@Check('ck_challenge_proposal_budget', `requested_budget_cents IS NULL OR requested_budget_cents >= 0`)
export class ChallengeProposalEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_challenge_proposal' })
  id: string;

  @Column({ type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id', foreignKeyConstraintName: 'fk_challenge_proposal_challenge' })
  challenge?: ChallengeEntity;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_challenge_proposal_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  approach: string;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  requestedBudgetCents: number | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  partnerOrganisationIds: string[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  decision: ProposalDecision | null;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'uuid' })
  submittedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** An offering that fits an open challenge, as the worker scored it when the challenge was published. */
@Entity('challenge_match')
@Index('ix_challenge_match_enterprise', ['socialEnterpriseId'])
export class ChallengeMatchEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_challenge_match' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id', foreignKeyConstraintName: 'fk_challenge_match_challenge' })
  challenge?: ChallengeEntity;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_challenge_match' })
  offeringId: string;

  @ManyToOne(() => OfferingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offering_id', foreignKeyConstraintName: 'fk_challenge_match_offering' })
  offering?: OfferingEntity;

  @Column({ type: 'uuid' })
  socialEnterpriseId: string;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb' })
  reasons: MatchReasonJson[];

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}
