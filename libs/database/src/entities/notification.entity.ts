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

/**
 * A notification for an organisation's users (its recipients), written by worker jobs and deduplicated by
 * `dedupeKey`. The text is rendered at read time from `kind` and `params` in the reader's language; `message` is
 * the Dutch text at write time (the fallback for a kind without a template). Read state is per user
 * (`notification_read`); `readAt` is unused.
 */
@Entity('notification')
@Index('uq_notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index('ix_notification_organisation_id', ['organisationId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_notification_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'text' })
  message: string;

  /** What the text names (names, amounts, dates; ids only to build the link), rendered per language. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | number | null>;

  /** The web app path of the object. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
