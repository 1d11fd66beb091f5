import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { NotificationEntity } from './notification.entity';
import { UserEntity } from './user.entity';

/** One user's read mark on one notification: read state is per user, the notification per organisation. */
@Entity('notification_read')
@Index('ix_notification_read_user_id', ['userId', 'notificationId'])
export class NotificationReadEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_read' })
  notificationId: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_notification_read_notification' })
  notification?: NotificationEntity;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_read' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_read_user' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  readAt: Date;
}
