import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { JobsModule } from '../jobs/jobs.module';
import { MeetingDayScheduleService } from './meeting-day-schedule.service';
import { MeetingDaysService } from './meeting-days.service';

@Module({
  imports: [DirectoryModule, JobsModule],
  providers: [MeetingDaysService, MeetingDayScheduleService],
  exports: [MeetingDaysService, MeetingDayScheduleService],
})
export class MeetingDaysModule {}
