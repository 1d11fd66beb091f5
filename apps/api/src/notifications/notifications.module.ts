import { NotificationsModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { PreferencesController } from './preferences.controller';
import { UnsubscribeController } from './unsubscribe.controller';

/** Notifications: the signed-in user's inbox and preferences, and the public one-click unsubscribe. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController, PreferencesController, UnsubscribeController],
})
export class NotificationsApiModule {}
