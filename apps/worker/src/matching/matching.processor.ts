import { MatchingService } from '@app/domain';
import { JobName, JobPayloads, QueueName } from '@app/queue';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobHandlers, JobProcessor } from '../job-processor';

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
export class MatchingProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly matching: MatchingService,
    @InjectQueue(QueueName.Matching) private readonly queue: Queue,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.ScoreObligation]: ({ obligationId }) => this.matching.scoreObligation(obligationId),
    [JobName.ScoreTender]: ({ tenderId }) => this.matching.scoreTender(tenderId),
    [JobName.RefreshMatches]: ({ obligationId }) =>
      this.matching.scoreObligation(obligationId, { batch: false }),
    [JobName.MatchingCertificateDates]: () => this.matching.certificateDates(),
    [JobName.MatchingRescoreAll]: () => this.matching.rescoreAll(),
  };

  /**
   * A scoring job BullMQ gave up on (besides what the kit records): its subject is shown failed with the reason
   * until a set is stored. A subject whose own data cannot be scored never gets here: that fails it at once.
   */
  protected override async whenGivenUp(job: Job, reason: string): Promise<void> {
    const subject = scoredSubject(job);
    if (subject) await this.matching.givenUp(subject.type, subject.id, subject.revision, reason);
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
}

/** The subject a scoring job works on, with the revision it was written for (a refresh names none). */
function scoredSubject(
  job: Job,
): { type: 'obligation' | 'tender'; id: string; revision: number | null } | null {
  switch (job.name) {
    case JobName.ScoreObligation: {
      const d = job.data as JobPayloads[JobName.ScoreObligation];
      return { type: 'obligation', id: d.obligationId, revision: d.revision ?? null };
    }
    case JobName.ScoreTender: {
      const d = job.data as JobPayloads[JobName.ScoreTender];
      return { type: 'tender', id: d.tenderId, revision: d.revision ?? null };
    }
    case JobName.RefreshMatches:
      return {
        type: 'obligation',
        id: (job.data as JobPayloads[JobName.RefreshMatches]).obligationId,
        revision: null,
      };
    default:
      return null;
  }
}
