import { MeetingDayScheduleService, JobsService } from '@app/domain';
import { BuildEventScheduleJob, JobName, QueueName } from '@app/queue';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * A schedule solve blocks the event loop (HiGHS runs synchronously in WebAssembly), so one at a time per worker
 * and a lock long enough for a large day; a stalled job is handed to another worker, which solves again and, the
 * input being the same, writes the same schedule.
 */
@Processor(QueueName.Events, { concurrency: 1, lockDuration: 120_000 })
export class EventsProcessor extends WorkerHost {
  private readonly logger = new Logger(EventsProcessor.name);
  private lastErrorLogged = 0;

  constructor(
    private readonly jobs: JobsService,
    private readonly schedules: MeetingDayScheduleService,
  ) {
    super();
  }

  async process(job: Job<BuildEventScheduleJob>): Promise<unknown> {
    switch (job.name) {
      case JobName.BuildEventSchedule:
        return this.jobs.run(job.data.backgroundJobId, job, (progress) =>
          this.schedules.buildSchedule(job.data.eventId, progress),
        );
      default:
        this.logger.error({ job: job.name }, 'unknown job');
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  /** Without a listener BullMQ prints every failed reconnect; log a Redis outage at most once a minute. */
  @OnWorkerEvent('error')
  onError(err: Error): void {
    if (Date.now() - this.lastErrorLogged < 60_000) return;
    this.lastErrorLogged = Date.now();
    this.logger.warn({ err: err.message }, 'worker cannot reach Redis; retrying');
  }
}
