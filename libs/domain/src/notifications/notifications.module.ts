import { Module } from '@nestjs/common';
import { EmailService } from './email.service';
import { NotificationsService } from './notifications.service';

/** Notifications (in-app, per user read state, preferences) and their email (sent by the worker only). */
@Module({ providers: [NotificationsService, EmailService], exports: [NotificationsService, EmailService] })
export class NotificationsModule {}
