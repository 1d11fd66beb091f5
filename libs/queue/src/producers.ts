import {
  BuildEventScheduleJob,
  GenerateReportJob,
  ImportEformsJob,
  ImportOcdsJob,
  JOB_QUEUE,
  JobName,
  JobPayloads,
  jobId,
  NotifyJob,
  PolledJobName,
  QueueName,
  RefreshMatchesJob,
  ScoreChallengeJob,
  ScoreObligationJob,
  ScoreTenderJob,
  SendEmailJob,
  WelcomeOrganisationJob,
} from './queue-names';

/** Only the producers below make an `OutboxJob`: an object literal or a hand-built id does not type-check. */
declare const producedHere: unique symbol;

/** One job ready for the outbox: its queue, its name, its deterministic BullMQ id and its payload. */
export interface OutboxJob<N extends JobName = JobName> {
  readonly queue: QueueName;
  readonly name: N;
  readonly id: string;
  readonly payload: JobPayloads[N];
  readonly [producedHere]: true;
}

type IdPart = string | number;

function outboxJob<N extends JobName>(name: N, payload: JobPayloads[N], ...idParts: IdPart[]): OutboxJob<N> {
  return { queue: JOB_QUEUE[name], name, id: jobId(name, ...idParts), payload } as OutboxJob<N>;
}

/** An in-app notification about one subject: job id `notify-<subject>`, the notification's dedupe key from it. */
function notice(
  subject: IdPart[],
  dedupeKey: string,
  p: Omit<NotifyJob, 'dedupeKey'>,
): OutboxJob<JobName.Notify> {
  return outboxJob(JobName.Notify, { ...p, dedupeKey }, ...subject);
}

/**
 * To whom a notification goes and what it names (`params`: names, amounts, dates, and the ids its link needs),
 * rendered per reader's language by the notification kinds table (libs/domain/src/notifications/kinds.ts);
 * `message` is legacy Dutch text for a kind without a template. The producer names its kind, job id and dedupe key.
 */
export interface NoticeText {
  organisationId: string;
  params?: Record<string, string | number | null>;
  message?: string;
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

  /** Tells the contractor of its new SROI obligation (at award; once per obligation). */
  obligationCreated: (obligationId: string, text: NoticeText): OutboxJob<JobName.Notify> =>
    notice(['obligation', obligationId], `obligation-created-${obligationId}`, {
      ...text,
      kind: 'obligation_created',
    }),

  /** Tells the buyer's officers a contribution waits for review (once per contribution). */
  contributionSubmitted: (contributionId: string, text: NoticeText): OutboxJob<JobName.Notify> =>
    notice(['contribution', contributionId], `contribution-submitted-${contributionId}`, {
      ...text,
      kind: 'contribution_submitted',
    }),

  /** Invites an organisation that matches the host's open obligations to a meeting day (once per day and organisation). */
  registrationOpen: (eventId: string, text: NoticeText): OutboxJob<JobName.Notify> =>
    notice(
      ['event-open', eventId, text.organisationId],
      `event-registration-open-${eventId}-${text.organisationId}`,
      { ...text, kind: 'event_registration_open' },
    ),

  /** Tells a registrant the officer published the meeting-day schedule (once per registrant and revision). */
  schedulePublished: (
    schedule: { eventId: string; revision: number },
    text: NoticeText,
  ): OutboxJob<JobName.Notify> => {
    const subject = [schedule.eventId, schedule.revision, text.organisationId];
    return notice(['event', ...subject], `event-schedule-${subject.join('-')}`, {
      ...text,
      kind: 'schedule_published',
    });
  },

  /** A marketplace step's notification to the other party: once per kind and the row the step wrote. */
  marketplaceStep: (kind: string, rowId: string, text: NoticeText): OutboxJob<JobName.Notify> =>
    notice([kind, rowId], `${kind}-${rowId}`, { ...text, kind }),

  /** A notification of `kind` about one subject to one organisation (once per kind, subject and organisation). */
  notification: (kind: string, subject: IdPart[], text: NoticeText): OutboxJob<JobName.Notify> =>
    notice([kind, ...subject, text.organisationId], [kind, ...subject, text.organisationId].join('-'), {
      ...text,
      kind,
    }),

  /** Sends one mail of the email delivery table (once per delivery row; the row says whether it went). */
  sendEmail: (p: SendEmailJob): OutboxJob<JobName.SendEmail> => outboxJob(JobName.SendEmail, p, p.deliveryId),

  /** The same delivery again after the queue gave up on it (a new job id per re-queue; same row, same Message-ID). */
  resendEmail: (p: SendEmailJob, round: number): OutboxJob<JobName.SendEmail> =>
    outboxJob(JobName.SendEmail, p, p.deliveryId, 'r', round),

  /** Scores the offerings against a just-published challenge (once per challenge). */
  scoreChallenge: (p: ScoreChallengeJob): OutboxJob<JobName.ScoreChallenge> =>
    outboxJob(JobName.ScoreChallenge, p, p.challengeId),

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
  importEforms: (p: ImportEformsJob): OutboxJob<JobName.ImportEforms> =>
    outboxJob(JobName.ImportEforms, p, p.backgroundJobId),
} as const;

/** The producer for a polled background job by name, for `JobsService`, which is generic over the job. */
export function backgroundOutboxJob<N extends PolledJobName>(name: N, payload: JobPayloads[N]): OutboxJob<N> {
  return outboxJob(name, payload, payload.backgroundJobId);
}
