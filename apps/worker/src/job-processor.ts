import { JobsService, ReportProgress } from '@app/domain';
import {
  failureReason,
  givenUp,
  isPolledJob,
  JobName,
  JobPayloads,
  PolledJobName,
  processorQueues,
  RedisOutageLog,
} from '@app/queue';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Type } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * The work for one job name. A polled job's (one a client follows at GET /api/v1/jobs/:id) runs inside
 * `JobsService.run`, which keeps its row's status, progress and result: the handler gets the progress callback
 * and returns the result.
 */
export type JobHandler<N extends JobName> = N extends PolledJobName
  ? (data: JobPayloads[N], progress: ReportProgress) => Promise<unknown>
  : (data: JobPayloads[N]) => Promise<unknown>;

/** What a processor does, per job name; a job of another name fails for good. */
export type JobHandlers = { readonly [N in JobName]?: JobHandler<N> };

/** What a client reads in `error` while a job whose worker stopped waits for another worker. */
export const STALLED_REASON = 'the worker running this job stopped; it waits for another worker';

/**
 * The base of every processor (the worker's one kit for background work). A processor names its queue and worker
 * options in `@Processor(...)` and its work per job name in `handlers`; this class does the rest, the same way for
 * every job kind:
 *
 * - runs polled jobs through `JobsService.run` (status, progress, result; a re-delivery of a finished job is
 *   skipped), so idempotency stays with the deterministic job ids and the rows;
 * - when BullMQ gives up on a job (its attempts are used up, an unrecoverable error, or it stalled more often
 *   than `maxStalledCount` allows) logs it once and, for a polled job, marks its row `failed` with the reason:
 *   a job that never reached `JobsService.run`'s error path is never left `queued` or `running`; then calls the
 *   processor's own `whenGivenUp`, if it has more to record (matching: the subject's failure);
 * - when the stalled-job check finds a job whose worker stopped, shows its row `queued` again with the reason
 *   until another worker takes it (it is then `running` again, or given up as above);
 * - reports a Redis outage through the process's one `RedisOutageLog` (once a minute, not per processor).
 */
export abstract class JobProcessor extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  @Inject(JobsService) protected readonly jobs: JobsService;
  @Inject(RedisOutageLog) private readonly outage: RedisOutageLog;

  protected abstract readonly handlers: JobHandlers;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as
      ((data: unknown, progress?: ReportProgress) => Promise<unknown>) | undefined;
    if (!handler) {
      this.logger.error({ job: job.name, id: job.id }, 'unknown job');
      throw new UnrecoverableError(`unknown job ${job.name}`);
    }
    if (!isPolledJob(job.name)) return handler(job.data);
    return this.jobs.run(backgroundJobOf(job), job, (progress) => handler(job.data, progress));
  }

  /** BullMQ moved the job to failed: a retry is BullMQ's business, a job given up on is recorded here. */
  @OnWorkerEvent('failed')
  async onJobFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job || !givenUp(job, err)) return;
    const reason = failureReason(err);
    this.logger.error(
      { queue: this.queueName, job: job.name, id: job.id, attempts: job.attemptsMade, reason },
      'job given up',
    );
    if (isPolledJob(job.name)) {
      try {
        await this.jobs.giveUp(backgroundJobOf(job), reason);
      } catch (e) {
        this.logger.error(
          { id: job.id, err: (e as Error).message },
          'could not mark the given-up job failed',
        );
      }
    }
    try {
      await this.whenGivenUp(job, reason);
    } catch (e) {
      this.logger.error({ id: job.id, err: (e as Error).message }, 'could not record the given-up job');
    }
  }

  /** What else a processor records when BullMQ gives up on one of its jobs (after the kit has). */
  protected async whenGivenUp(_job: Job, _reason: string): Promise<void> {}

  /** The stalled-job check moved a job whose worker stopped (its lock expired) back to waiting. */
  @OnWorkerEvent('stalled')
  async onJobStalled(jobId: string): Promise<void> {
    try {
      const job = await this.loadJob(jobId);
      this.logger.warn(
        { queue: this.queueName, job: job?.name, id: jobId },
        'job stalled: its worker stopped; it runs again or is given up',
      );
      if (!job || !isPolledJob(job.name)) return;
      await this.jobs.requeueStalled(backgroundJobOf(job), STALLED_REASON, this.lockDuration());
    } catch (e) {
      this.logger.error({ id: jobId, err: (e as Error).message }, 'could not record the stalled job');
    }
  }

  /** Without a listener BullMQ prints every failed reconnect. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.outage.report(`worker ${this.queueName}`, err);
  }

  protected get queueName(): string {
    return processorQueues([this.constructor as Type])[0];
  }

  /** The job as BullMQ stores it now (a stalled event names only its id). */
  protected loadJob(jobId: string): Promise<Job | undefined> {
    return Job.fromId(this.worker, jobId);
  }

  /** How long a worker's lock on a job lasts (BullMQ's default is 30 s). */
  protected lockDuration(): number {
    return this.worker.opts.lockDuration ?? 30_000;
  }
}

function backgroundJobOf(job: Job): string {
  return (job.data as { backgroundJobId: string }).backgroundJobId;
}
