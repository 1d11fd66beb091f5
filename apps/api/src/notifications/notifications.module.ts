import { NotificationsModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';

/** Notifications: the signed-in user's notifications. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
})
export class NotificationsApiModule {}
