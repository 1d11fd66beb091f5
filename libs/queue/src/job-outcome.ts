/**
 * When BullMQ runs a job again and when it gives up: the one rule the worker's processors and `JobsService` share,
 * so a polled job's row and BullMQ never disagree about whether the job is finished.
 */

/** BullMQ's reason for a job whose worker stopped under it (lost its lock) more often than `maxStalledCount`. */
export const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

/** What the rule needs of a BullMQ job. */
export interface AttemptInfo {
  attemptsMade: number;
  opts: { attempts?: number };
}

/** An `UnrecoverableError` (by name: it may come from another copy of bullmq): BullMQ does not retry it. */
export function isUnrecoverable(err: unknown): boolean {
  return (err as Error | undefined)?.name === 'UnrecoverableError';
}

/** BullMQ 5 failed such a job with this message; 6 fails it with an `UnrecoverableError` of the same message. */
export function stalledTooOften(err: unknown): boolean {
  return String((err as Error | undefined)?.message ?? '').includes(STALLED_TOO_OFTEN);
}

/**
 * Whether the attempt numbered `attempt` (1 for the first) that ended in `err` is the job's last: its attempts
 * are used up, the error is unrecoverable, or the job stalled too often.
 */
export function isLastAttempt(attempt: number, attempts: number | undefined, err: unknown): boolean {
  return attempt >= (attempts ?? 1) || isUnrecoverable(err) || stalledTooOften(err);
}

/** Inside the processor, before BullMQ counted the attempt that is failing now. */
export function failingForGood(job: AttemptInfo, err: unknown): boolean {
  return isLastAttempt(job.attemptsMade + 1, job.opts.attempts, err);
}

/** In the worker's `failed` event, after BullMQ counted the attempt: it moved the job to failed for good. */
export function givenUp(job: AttemptInfo, err: unknown): boolean {
  return isLastAttempt(job.attemptsMade, job.opts.attempts, err);
}

/** The reason a client reads in `error`: the error's own message, never empty. */
export function failureReason(err: unknown): string {
  const message = (err as Error | undefined)?.message;
  return (typeof message === 'string' && message.trim() ? message : String(err)).slice(0, 2000);
}
