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
import { OrganisationEntity } from './organisation.entity';

/** One organisation (contractor or social enterprise) signed up for a meeting day. */
@Entity('event_registration')
@Index('uq_event_registration_organisation', ['eventId', 'organisationId'], { unique: true })
@Index('ix_event_registration_organisation', ['organisationId'])
@Check('ck_event_registration_max_meetings', `max_meetings >= 1`)
@Check('ck_event_registration_kind', `kind IN ('contractor', 'social_enterprise')`)
export class MeetingDayRegistrationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_event_registration' })
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => MeetingDayEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_registration_event' })
  event?: MeetingDayEntity;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_event_registration_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 20 })
  kind: 'contractor' | 'social_enterprise';

  /** `HH:MM` Dutch local time; null = from the start / until the end of the day. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  availableFrom: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  availableUntil: string | null;

  @Column({ type: 'int' })
  maxMeetings: number;

  /** Organisations (of the other kind) this one wants to meet. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  wishes: string[];

  @Column({ type: 'uuid' })
  registeredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
