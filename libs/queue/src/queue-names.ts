import type { JobsOptions } from 'bullmq';

export enum QueueName {
  Notifications = 'notifications',
  Matching = 'matching',
  Reports = 'reports',
  Imports = 'imports',
}

export enum JobName {
  WelcomeOrganisation = 'welcome-organisation',
  Notify = 'notify',
}

/** Payloads carry ids, never entities. */
export interface WelcomeOrganisationJob {
  organisationId: string;
}

/** An in-app notification for one organisation; `dedupeKey` makes a repeated job harmless. */
export interface NotifyJob {
  organisationId: string;
  kind: string;
  message: string;
  dedupeKey: string;
}

export interface JobPayloads {
  [JobName.WelcomeOrganisation]: WelcomeOrganisationJob;
  [JobName.Notify]: NotifyJob;
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

/** Defaults per queue: retries with backoff; finished jobs kept a while for inspection, failed ones 30 days. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
};

/** Deterministic ids (never a bare integer, never a colon). */
export function jobId(name: JobName, ...parts: (string | number)[]): string {
  return [name, ...parts].join('-').replace(/:/g, '_');
}
