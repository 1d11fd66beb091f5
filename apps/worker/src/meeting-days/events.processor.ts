import { MeetingDayScheduleService } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../job-processor';

/**
 * A schedule solve blocks the event loop (HiGHS runs synchronously in WebAssembly), so one at a time per worker
 * and a lock long enough for a large day; a stalled job is handed to another worker, which solves again and, the
 * input being the same, writes the same schedule.
 */
@Processor(QueueName.Events, { concurrency: 1, lockDuration: 120_000 })
export class EventsProcessor extends JobProcessor {
  constructor(private readonly schedules: MeetingDayScheduleService) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.BuildEventSchedule]: ({ eventId }, progress) => this.schedules.buildSchedule(eventId, progress),
  };
}
