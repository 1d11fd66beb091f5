import type { JobsOptions } from 'bullmq';

export enum QueueName {
  Notifications = 'notifications',
  Matching = 'matching',
  Reports = 'reports',
  Imports = 'imports',
  Events = 'events',
  Email = 'email',
  Challenges = 'challenges',
}

export enum JobName {
  WelcomeOrganisation = 'welcome-organisation',
  Notify = 'notify',
  GenerateReport = 'generate-report',
  MonthlyBuyerReport = 'monthly-buyer-report',
  SyncReportSchedules = 'sync-report-schedules',
  BuildEventSchedule = 'build-event-schedule',
  ScoreObligation = 'score-obligation',
  ScoreTender = 'score-tender',
  RefreshMatches = 'refresh-matches',
  MatchingCertificateDates = 'matching-certificate-dates',
  MatchingRescoreAll = 'matching-rescore-all',
  ImportOcds = 'import-ocds',
  ImportEforms = 'import-eforms',
  SendEmail = 'send-email',
  EmailDigest = 'email-digest',
  EmailRequeue = 'email-requeue',
  ScoreChallenge = 'score-challenge',
  CloseDueChallenges = 'close-due-challenges',
}

/** Payloads carry ids, never entities. */
export interface WelcomeOrganisationJob {
  organisationId: string;
}

/**
 * A notification for one organisation's users; `dedupeKey` makes a repeated job harmless. Its text is rendered
 * from `kind` and `params` (names, amounts; ids only for the link) in each reader's language; `message` is the
 * legacy Dutch text, kept for a kind without a template.
 */
export interface NotifyJob {
  organisationId: string;
  kind: string;
  params?: Record<string, string | number | null>;
  message?: string;
  dedupeKey: string;
}

/** Sends one mail: a notification to one user, or one user's daily digest (the row names which). */
export interface SendEmailJob {
  deliveryId: string;
}

/** Scores the offerings against one published challenge and tells the matching enterprises (once each). */
export interface ScoreChallengeJob {
  challengeId: string;
}

/** Generates one report; the report's id is its background job's id. */
export interface GenerateReportJob {
  backgroundJobId: string;
}

/** A tick of one buyer's monthly schedule: requests last month's buyer report on the first working day. */
export interface MonthlyBuyerReportJob {
  buyerOrganisationId: string;
}

/** Builds (or rebuilds) one meeting day's schedule; progress and result on its background job. */
export interface BuildEventScheduleJob {
  eventId: string;
  backgroundJobId: string;
}

/** Re-scores one match set; `revision` only names the job (the worker claims the newest revision when it starts). */
export interface ScoreObligationJob {
  obligationId: string;
  revision: number;
}

export interface ScoreTenderJob {
  tenderId: string;
  revision: number;
}

/** A refresh someone asked for: polled at GET /api/v1/jobs/:id. */
export interface RefreshMatchesJob {
  obligationId: string;
  backgroundJobId: string;
}

/** Daily and nightly ticks of the matching schedulers carry nothing. */
export type MatchingTickJob = Record<string, never>;

/** Imports one uploaded OCDS release package; the import's id is its background job's id. */
export interface ImportOcdsJob {
  backgroundJobId: string;
}

/** Imports one uploaded set of eForms notices; the import's id is its background job's id. */
export interface ImportEformsJob {
  backgroundJobId: string;
}

export interface JobPayloads {
  [JobName.WelcomeOrganisation]: WelcomeOrganisationJob;
  [JobName.Notify]: NotifyJob;
  [JobName.GenerateReport]: GenerateReportJob;
  [JobName.MonthlyBuyerReport]: MonthlyBuyerReportJob;
  [JobName.SyncReportSchedules]: Record<string, never>;
  [JobName.BuildEventSchedule]: BuildEventScheduleJob;
  [JobName.ScoreObligation]: ScoreObligationJob;
  [JobName.ScoreTender]: ScoreTenderJob;
  [JobName.RefreshMatches]: RefreshMatchesJob;
  [JobName.MatchingCertificateDates]: MatchingTickJob;
  [JobName.MatchingRescoreAll]: MatchingTickJob;
  [JobName.ImportOcds]: ImportOcdsJob;
  [JobName.ImportEforms]: ImportEformsJob;
  [JobName.SendEmail]: SendEmailJob;
  [JobName.EmailDigest]: Record<string, never>;
  [JobName.EmailRequeue]: Record<string, never>;
  [JobName.ScoreChallenge]: ScoreChallengeJob;
  [JobName.CloseDueChallenges]: Record<string, never>;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

/** The jobs a client polls at GET /api/v1/jobs/:id: their payload names their `background_job` row. */
export type PolledJobName = {
  [N in JobName]: JobPayloads[N] extends { backgroundJobId: string } ? N : never;
}[JobName];

/** Every polled job (the compiler checks the list against the payloads). */
const POLLED_JOBS: { readonly [N in PolledJobName]: true } = {
  [JobName.GenerateReport]: true,
  [JobName.BuildEventSchedule]: true,
  [JobName.RefreshMatches]: true,
  [JobName.ImportOcds]: true,
  [JobName.ImportEforms]: true,
};

export function isPolledJob(name: string): name is PolledJobName {
  return Object.hasOwn(POLLED_JOBS, name);
}

/** The one queue each job goes to; the outbox writer refuses a job sent to another queue. */
export const JOB_QUEUE = {
  [JobName.WelcomeOrganisation]: QueueName.Notifications,
  [JobName.Notify]: QueueName.Notifications,
  [JobName.GenerateReport]: QueueName.Reports,
  [JobName.MonthlyBuyerReport]: QueueName.Reports,
  [JobName.SyncReportSchedules]: QueueName.Reports,
  [JobName.BuildEventSchedule]: QueueName.Events,
  [JobName.ScoreObligation]: QueueName.Matching,
  [JobName.ScoreTender]: QueueName.Matching,
  [JobName.RefreshMatches]: QueueName.Matching,
  [JobName.MatchingCertificateDates]: QueueName.Matching,
  [JobName.MatchingRescoreAll]: QueueName.Matching,
  [JobName.ImportOcds]: QueueName.Imports,
  [JobName.ImportEforms]: QueueName.Imports,
  [JobName.SendEmail]: QueueName.Email,
  [JobName.EmailDigest]: QueueName.Email,
  [JobName.EmailRequeue]: QueueName.Email,
  [JobName.ScoreChallenge]: QueueName.Challenges,
  [JobName.CloseDueChallenges]: QueueName.Challenges,
} as const satisfies { readonly [N in JobName]: QueueName };

/** Defaults per queue: retries with backoff; finished jobs kept a while for inspection, failed ones 30 days. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
};

/**
 * Queues whose jobs retry differently. Email: 14 attempts with exponential backoff from 1 s (1 s, 2 s, 4 s, … the
 * last after about 2.3 h; 4.5 h in all), so an SMTP server down for an hour loses nothing.
 */
export const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, JobsOptions>> = {
  [QueueName.Email]: { ...DEFAULT_JOB_OPTIONS, attempts: 14, backoff: { type: 'exponential', delay: 1000 } },
};

/** Deterministic ids (never a bare integer, never a colon). */
export function jobId(name: JobName, ...parts: (string | number)[]): string {
  return [name, ...parts].join('-').replace(/:/g, '_');
}
