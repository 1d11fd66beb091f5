import { ImportsService, JobsService } from '@app/domain';
import { ImportOcdsJob, JobName, QueueName } from '@app/queue';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * One import at a time per worker: an import writes thousands of tenders and validates every release, so two at
 * once would only compete for the same database. A retry re-runs the whole import, which is idempotent.
 */
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportsProcessor.name);
  private lastErrorLogged = 0;

  constructor(
    private readonly jobs: JobsService,
    private readonly imports: ImportsService,
  ) {
    super();
  }

  async process(job: Job<ImportOcdsJob>): Promise<void> {
    switch (job.name) {
      case JobName.ImportOcds: {
        const { backgroundJobId } = job.data;
        await this.jobs.run(backgroundJobId, job, async (progress) => {
          const result = await this.imports.run(backgroundJobId, progress);
          if (!result) throw new UnrecoverableError(`import ${backgroundJobId} is gone`);
          return result;
        });
        return;
      }
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
