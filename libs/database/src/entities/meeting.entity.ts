import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MeetingDayEntity } from './meeting-day.entity';

export const MEETING_OUTCOMES = ['follow_up', 'no_fit', 'no_show'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Why a pair meets: a match reason as matching wrote it, or a wish (with the organisation that asked). */
export interface MeetingReason {
  factor: string;
  weight: number;
  value: number;
  detail: string;
  detailNl: string;
  /** A wish: the organisation that asked to meet. */
  organisationId?: string;
}

/**
 * One planned 1-on-1 meeting. The unique indexes repeat the scheduler's promises in the database: a pair meets
 * once, nobody sits at two tables in one slot, a table holds one meeting per slot.
 */
@Entity('event_meeting')
@Index('uq_event_meeting_pair', ['eventId', 'contractorOrganisationId', 'socialEnterpriseOrganisationId'], {
  unique: true,
})
@Index('uq_event_meeting_table', ['eventId', 'slot', 'tableNumber'], { unique: true })
@Index('uq_event_meeting_contractor_slot', ['eventId', 'contractorOrganisationId', 'slot'], { unique: true })
@Index('uq_event_meeting_enterprise_slot', ['eventId', 'socialEnterpriseOrganisationId', 'slot'], {
  unique: true,
})
@Index('ix_event_meeting_enterprise', ['socialEnterpriseOrganisationId'])
@Check('ck_event_meeting_table', `table_number >= 1`)
@Check('ck_event_meeting_outcome', `outcome IS NULL OR outcome IN ('follow_up', 'no_fit', 'no_show')`)
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_event_meeting' })
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => MeetingDayEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_meeting_event' })
  event?: MeetingDayEntity;

  @Column({ type: 'uuid' })
  contractorOrganisationId: string;

  @Column({ type: 'uuid' })
  socialEnterpriseOrganisationId: string;

  /** 0-based slot of the day. */
  @Column({ type: 'int' })
  slot: number;

  @Column({ type: 'int' })
  tableNumber: number;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** The match score (0..1) of the enterprise on the contractor's obligation that weighed most; 0 for a wish. */
  @Column({ type: 'double precision' })
  score: number;

  /** What the scheduler maximised for this pair (score × remaining share, plus wish bonuses). */
  @Column({ type: 'double precision' })
  weight: number;

  @Column({ type: 'jsonb' })
  reasons: MeetingReason[];

  @Column({ type: 'uuid', nullable: true })
  obligationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  offeringId: string | null;

  /** Organisation ids that asked for this meeting. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  wishedBy: string[];

  @Column({ type: 'int' })
  scheduleRevision: number;

  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: MeetingOutcome | null;

  @Column({ type: 'text', nullable: true })
  outcomeNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  outcomeByOrganisationId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
