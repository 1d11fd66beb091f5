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
import { NotificationEntity } from './notification.entity';
import { UserEntity } from './user.entity';

export const EMAIL_DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'bounced'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];

/**
 * One mail to one user: a notification (`notificationId`) or a daily digest (`digestDate`, with the notifications it
 * lists). Written with its outbox row in the notification's transaction; the `messageId` is deterministic, so a
 * resend after a crash between the SMTP server's acceptance and this row's update carries the same Message-ID.
 */
@Entity('email_delivery')
@Index('uq_email_delivery_notification_user', ['notificationId', 'userId'], {
  unique: true,
  where: 'notification_id IS NOT NULL',
})
@Index('uq_email_delivery_digest_user', ['digestDate', 'userId'], {
  unique: true,
  where: 'digest_date IS NOT NULL',
})
@Index('ix_email_delivery_status', ['status', 'createdAt'])
@Check('ck_email_delivery_status', `"status" IN ('queued', 'sent', 'failed', 'bounced')`)
@Check('ck_email_delivery_subject', `("notification_id" IS NULL) <> ("digest_date" IS NULL)`)
export class EmailDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_email_delivery' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_email_delivery_notification' })
  notification?: NotificationEntity | null;

  @Column({ type: 'date', nullable: true })
  digestDate: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  digestNotificationIds: string[];

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_email_delivery_user' })
  user?: UserEntity;

  /** The address at the time the mail was queued (lower-cased). */
  @Column({ type: 'varchar', length: 254 })
  address: string;

  @Column({ type: 'varchar', length: 300 })
  messageId: string;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: EmailDeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
