import { JobsService, MatchingService } from '@app/domain';
import { JobName, QueueName, RefreshMatchesJob, ScoreObligationJob, ScoreTenderJob } from '@app/queue';
import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';

export const MATCHING_SCHEDULE_TIMEZONE = 'Europe/Amsterdam';
export const CERTIFICATE_DATES_SCHEDULER_ID = 'matching-certificate-dates';
export const RESCORE_ALL_SCHEDULER_ID = 'matching-rescore-all';

/**
 * Scores match sets, eight at a time: a job waits on PostgreSQL, and in a whole re-score most jobs find their set
 * claimed by a mate's running batch and wait on its lock until it commits (then answer at once). With four slots
 * those waits left a core idle (the bench's whole re-score: 74.9–89.8 s with four, 58.7–77.0 s with eight).
 *
 * A change to offerings re-scores only their pairs, and takes along other obligations waiting for a patch of the
 * same offerings; a whole-set job (the nightly run, a refresh) takes along other obligations waiting in the same
 * CPV divisions. Their own jobs then find their revision stored (MatchingService). A job killed mid-way loses its
 * lock within `lockDuration`; the stalled check hands it to another worker, which scores again and writes the set
 * in one transaction, so a crash never leaves half a set behind.
 */
@Processor(QueueName.Matching, { concurrency: 8, lockDuration: 15_000, stalledInterval: 5_000 })
export class MatchingProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingProcessor.name);
  private lastErrorLogged = 0;

  constructor(
    private readonly matching: MatchingService,
    private readonly jobs: JobsService,
    @InjectQueue(QueueName.Matching) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      // Upserting is idempotent, so every worker may do it at start.
      await this.queue.upsertJobScheduler(
        CERTIFICATE_DATES_SCHEDULER_ID,
        { pattern: '5 0 * * *', tz: MATCHING_SCHEDULE_TIMEZONE },
        { name: JobName.MatchingCertificateDates, data: {} },
      );
      await this.queue.upsertJobScheduler(
        RESCORE_ALL_SCHEDULER_ID,
        { pattern: '30 2 * * *', tz: MATCHING_SCHEDULE_TIMEZONE },
        { name: JobName.MatchingRescoreAll, data: {} },
      );
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not register matching schedules');
    }
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.ScoreObligation:
        return this.matching.scoreObligation((job.data as ScoreObligationJob).obligationId);
      case JobName.ScoreTender:
        return this.matching.scoreTender((job.data as ScoreTenderJob).tenderId);
      case JobName.RefreshMatches: {
        const { obligationId, backgroundJobId } = job.data as RefreshMatchesJob;
        return this.jobs.run(backgroundJobId, job, () =>
          this.matching.scoreObligation(obligationId, { batch: false }),
        );
      }
      case JobName.MatchingCertificateDates:
        return this.matching.certificateDates();
      case JobName.MatchingRescoreAll:
        return this.matching.rescoreAll();
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
