import { MeetingDaysModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { MeetingsController } from './meetings.controller';

/** Meeting days (routes under /events): registrations, schedules, meetings, calendars and results. */
@Module({
  imports: [MeetingDaysModule],
  controllers: [EventsController, MeetingsController],
})
export class MeetingDaysApiModule {}
