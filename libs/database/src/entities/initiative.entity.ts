import { centsTransformer, numericTransformer } from '@app/common';
import {
  Check,
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

export const INITIATIVE_STATUSES = ['pitched', 'in_progress', 'realised', 'changed', 'stopped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const SUPPORT_KINDS = ['money', 'hours', 'goods', 'space', 'network'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const PLEDGE_STATUSES = ['offered', 'accepted', 'delivered'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** What an initiative asks for; pledges name a need by its index in the list. */
export interface InitiativeNeed {
  kind: SupportKind;
  description: string;
  amountCents: number | null;
  hours: number | null;
}

/**
 * A resident's or organisation's social idea (issue 34), typically pitched at an initiatives café, followed to
 * its outcome. The initiator's contact is private: only the initiative's organisation and officers read it.
 */
@Entity('initiative')
@Index('ix_initiative_status', ['status', 'createdAt'])
@Index('ix_initiative_organisation', ['organisationId', 'createdAt'])
@Index('ix_initiative_pitched_on', ['pitchedOn'])
export class InitiativeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_initiative' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 7, nullable: true })
  postcode: string | null;

  @Column({ type: 'jsonb' })
  needs: InitiativeNeed[];

  @Column({ type: 'enum', enum: INITIATIVE_STATUSES, enumName: 'initiative_status', default: 'pitched' })
  status: InitiativeStatus;

  @Column({ type: 'text', nullable: true })
  outcomeNote: string | null;

  /** The organisation of whoever entered it (an officer's buyer for a resident's idea); null for an admin. */
  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_initiative_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  initiatorName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  initiatorEmail: string | null;

  /** True when an officer entered it for a resident (`initiator` in the request). */
  @Column({ type: 'boolean', default: false })
  forResident: boolean;

  /** The day it was pitched (or, without a pitch, the Dutch date it was entered): the stats' period. */
  @Column({ type: 'date' })
  pitchedOn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  pitchEventName: string | null;

  @Column({ type: 'boolean', default: false })
  pitchedAtEvent: boolean;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Support offered to an initiative: `offered` → `accepted` → `delivered`. */
@Entity('pledge')
@Index('ix_pledge_initiative', ['initiativeId', 'createdAt'])
@Index('ix_pledge_organisation', ['organisationId'])
@Check('ck_pledge_kind', `kind IN ('money', 'hours', 'goods', 'space', 'network')`)
@Check('ck_pledge_amounts', `(amount_cents IS NULL OR amount_cents >= 0) AND (hours IS NULL OR hours >= 0)`)
export class PledgeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_pledge' })
  id: string;

  @Column({ type: 'uuid' })
  initiativeId: string;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_pledge_initiative' })
  initiative?: InitiativeEntity;

  @Column({ type: 'int', nullable: true })
  needIndex: number | null;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_pledge_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 20 })
  kind: SupportKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  amountCents: number | null;

  @Column({ type: 'numeric', precision: 9, scale: 2, nullable: true, transformer: numericTransformer })
  hours: number | null;

  @Column({ type: 'enum', enum: PLEDGE_STATUSES, enumName: 'pledge_status', default: 'offered' })
  status: PledgeStatus;

  @Column({ type: 'uuid' })
  pledgedBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
