import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One user's read mark on one notification: read state is per user, the notification per organisation. */
@Entity('notification_read')
@Index('ix_notification_read_user_id', ['userId', 'notificationId'])
export class NotificationReadEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_read' })
  notificationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_read' })
  userId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  readAt: Date;
}
