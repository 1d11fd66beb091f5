import { NotificationsService, ReportGeneratorService, ReportSchedulesService } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { JobHandlers, JobProcessor } from '../job-processor';

/**
 * Reports are CPU-heavy, so one at a time per worker. A worker that dies mid-report loses its lock within
 * `lockDuration`; BullMQ's stalled-job check then hands the job to another worker, which regenerates the file
 * from scratch (the half-written one was never committed); after two such stalls it gives up (`JobProcessor`).
 */
@Processor(QueueName.Reports, {
  concurrency: 1,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 2,
})
export class ReportsProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly generator: ReportGeneratorService,
    private readonly schedules: ReportSchedulesService,
    private readonly notifications: NotificationsService,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.GenerateReport]: async ({ backgroundJobId }, progress) => {
      const stored = await this.generator.generate(backgroundJobId, progress);
      // Idempotent by its dedupe key: a re-run of a finished report tells no one twice.
      if (stored) await this.notifications.reportReady(backgroundJobId);
      return stored;
    },
    [JobName.MonthlyBuyerReport]: async ({ buyerOrganisationId }) =>
      (await this.schedules.tick(buyerOrganisationId))?.id ?? null,
    [JobName.SyncReportSchedules]: () => this.schedules.sync(),
  };

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.schedules.sync();
    } catch (err) {
      // Redis may be down at start; the daily sync (or the next start) registers the schedules.
      this.logger.warn({ err: (err as Error).message }, 'could not register report schedules');
    }
  }
}
