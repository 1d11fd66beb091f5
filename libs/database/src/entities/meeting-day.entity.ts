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

export const MEETING_EVENT_STATUSES = ['draft', 'open', 'closed'] as const;
export type MeetingEventStatus = (typeof MEETING_EVENT_STATUSES)[number];

/** What the last schedule run reported: how it was solved and how close to the optimum it is proven to be. */
export interface ScheduleSummary {
  method: string;
  objective: number;
  bound: number;
  gap: number;
  variables: number;
  candidates: number;
  meetings: number;
  millis: number;
}

/**
 * A Buy Social Marktplaats meeting day hosted by a buyer. Hours are Dutch local time (`HH:MM`); the day is cut
 * into slots of `slotMinutes` from `startTime`, and each slot has `tables` tables.
 */
@Entity('meeting_event')
@Index('ix_meeting_event_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_meeting_event_status', ['status', 'createdAt'])
@Check('ck_meeting_event_hours', `start_time < end_time`)
@Check('ck_meeting_event_tables', `tables >= 1`)
@Check('ck_meeting_event_slot_minutes', `slot_minutes >= 5`)
export class MeetingDayEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_meeting_event' })
  id: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organisation_id', foreignKeyConstraintName: 'fk_meeting_event_buyer' })
  buyerOrganisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'date' })
  date: string;

  /** `HH:MM`, Europe/Amsterdam. */
  @Column({ type: 'varchar', length: 5 })
  startTime: string;

  @Column({ type: 'varchar', length: 5 })
  endTime: string;

  @Column({ type: 'int' })
  slotMinutes: number;

  @Column({ type: 'int' })
  tables: number;

  @Column({ type: 'varchar', length: 7 })
  postcode: string;

  @Column({ type: 'enum', enum: MEETING_EVENT_STATUSES, enumName: 'meeting_event_status', default: 'draft' })
  status: MeetingEventStatus;

  /** Bumped by every schedule run; notifications and meetings carry it. */
  @Column({ type: 'int', default: 0 })
  scheduleRevision: number;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  scheduleSummary: ScheduleSummary | null;

  /**
   * The schedule revision the officer published (0: none yet). Registrants see their meetings, and are told,
   * only once the current revision is published; a rebuild after publishing waits for the next publish.
   */
  @Column({ type: 'int', default: 0 })
  publishedRevision: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
