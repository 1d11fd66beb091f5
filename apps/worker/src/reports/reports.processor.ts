import { ReportGeneratorService, ReportSchedulesService, JobsService } from '@app/domain';
import { GenerateReportJob, JobName, MonthlyBuyerReportJob, QueueName } from '@app/queue';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Reports are CPU-heavy, so one at a time per worker. A worker that dies mid-report loses its lock within
 * `lockDuration`; BullMQ's stalled-job check then hands the job to another worker, which regenerates the file
 * from scratch (the half-written one was never committed).
 */
@Processor(QueueName.Reports, {
  concurrency: 1,
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 2,
})
export class ReportsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportsProcessor.name);
  private lastErrorLogged = 0;

  constructor(
    private readonly jobs: JobsService,
    private readonly generator: ReportGeneratorService,
    private readonly schedules: ReportSchedulesService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.schedules.sync();
    } catch (err) {
      // Redis may be down at start; the daily sync (or the next start) registers the schedules.
      this.logger.warn({ err: (err as Error).message }, 'could not register report schedules');
    }
  }

  async process(job: Job<GenerateReportJob | MonthlyBuyerReportJob>): Promise<unknown> {
    switch (job.name) {
      case JobName.GenerateReport: {
        const { backgroundJobId } = job.data as GenerateReportJob;
        return this.jobs.run(backgroundJobId, job, (progress) =>
          this.generator.generate(backgroundJobId, progress),
        );
      }
      case JobName.MonthlyBuyerReport:
        return (
          (await this.schedules.tick((job.data as MonthlyBuyerReportJob).buyerOrganisationId))?.id ?? null
        );
      case JobName.SyncReportSchedules:
        return this.schedules.sync();
      default:
        this.logger.error({ job: job.name }, 'unknown job');
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<GenerateReportJob> | undefined, err: Error): Promise<void> {
    if (!job || job.name !== JobName.GenerateReport) return;
    const final =
      job.attemptsMade >= (job.opts.attempts ?? 1) ||
      err.message.includes('stalled more than allowable limit');
    if (final) await this.generator.markAbandoned(job.data.backgroundJobId, err.message);
  }

  /** Without a listener BullMQ prints every failed reconnect; log a Redis outage at most once a minute. */
  @OnWorkerEvent('error')
  onError(err: Error): void {
    if (Date.now() - this.lastErrorLogged < 60_000) return;
    this.lastErrorLogged = Date.now();
    this.logger.warn({ err: err.message }, 'worker cannot reach Redis; retrying');
  }
}
