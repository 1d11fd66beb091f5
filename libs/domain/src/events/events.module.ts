import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { JobsModule } from '../jobs/jobs.module';
import { EventScheduleService } from './event-schedule.service';
import { EventsService } from './events.service';

@Module({
  imports: [DirectoryModule, JobsModule],
  providers: [EventsService, EventScheduleService],
  exports: [EventsService, EventScheduleService],
})
export class EventsModule {}
