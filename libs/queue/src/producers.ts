import {
  BuildEventScheduleJob,
  GenerateReportJob,
  ImportOcdsJob,
  JOB_QUEUE,
  JobName,
  JobPayloads,
  jobId,
  NotifyJob,
  QueueName,
  RefreshMatchesJob,
  ScoreObligationJob,
  ScoreTenderJob,
  WelcomeOrganisationJob,
} from './queue-names';

/** One job ready for the outbox: its queue, its name, its deterministic BullMQ id and its payload. */
export interface OutboxJob<N extends JobName = JobName> {
  readonly queue: QueueName;
  readonly name: N;
  readonly id: string;
  readonly payload: JobPayloads[N];
}

type IdPart = string | number;

function outboxJob<N extends JobName>(name: N, payload: JobPayloads[N], ...idParts: IdPart[]): OutboxJob<N> {
  return { queue: JOB_QUEUE[name], name, id: jobId(name, ...idParts), payload };
}

/**
 * The typed producers: one per job written through the outbox, each naming its queue, payload and job id in
 * one place. Write the result with `OutboxService.add(manager, job)` inside the business transaction.
 * The scheduler ticks (monthly buyer report, report schedule sync, matching's daily and nightly runs) have no
 * producer: the worker's BullMQ job schedulers make them.
 */
export const OutboxJobs = {
  /** Greets a newly registered organisation (once per organisation). */
  welcomeOrganisation: (p: WelcomeOrganisationJob): OutboxJob<JobName.WelcomeOrganisation> =>
    outboxJob(JobName.WelcomeOrganisation, p, p.organisationId),

  /** An in-app notification; `key` names what it is about (`'contribution', id`): one job per key. */
  notify: (p: NotifyJob, ...key: IdPart[]): OutboxJob<JobName.Notify> => outboxJob(JobName.Notify, p, ...key),

  /** Re-scores one obligation's match set; one job per revision. */
  scoreObligation: (p: ScoreObligationJob): OutboxJob<JobName.ScoreObligation> =>
    outboxJob(JobName.ScoreObligation, p, p.obligationId, p.revision),

  /** Re-scores one tender's match set; one job per revision. */
  scoreTender: (p: ScoreTenderJob): OutboxJob<JobName.ScoreTender> =>
    outboxJob(JobName.ScoreTender, p, p.tenderId, p.revision),

  /** Jobs a client polls: the id is the background job's id (`JobsService.enqueue` writes the row first). */
  refreshMatches: (p: RefreshMatchesJob): OutboxJob<JobName.RefreshMatches> =>
    outboxJob(JobName.RefreshMatches, p, p.backgroundJobId),
  generateReport: (p: GenerateReportJob): OutboxJob<JobName.GenerateReport> =>
    outboxJob(JobName.GenerateReport, p, p.backgroundJobId),
  buildEventSchedule: (p: BuildEventScheduleJob): OutboxJob<JobName.BuildEventSchedule> =>
    outboxJob(JobName.BuildEventSchedule, p, p.backgroundJobId),
  importOcds: (p: ImportOcdsJob): OutboxJob<JobName.ImportOcds> =>
    outboxJob(JobName.ImportOcds, p, p.backgroundJobId),
} as const;

/** The producer for a polled background job by name, for `JobsService`, which is generic over the job. */
export function backgroundOutboxJob<N extends JobName>(
  name: N,
  payload: JobPayloads[N] & { backgroundJobId: string },
): OutboxJob<N> {
  return outboxJob(name, payload, payload.backgroundJobId);
}
