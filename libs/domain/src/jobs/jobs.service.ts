import { NotFoundError } from '@app/common';
import { BackgroundJobEntity } from '@app/database';
import {
  AttemptInfo,
  backgroundOutboxJob,
  failingForGood,
  failureReason,
  JOB_QUEUE,
  JobPayloads,
  OutboxService,
  PolledJobName,
} from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../identity/actor';
import { canSeeJob } from './job-visibility';
import { JobsErrorCode } from './jobs.errors';

export interface EnqueueJobOptions<N extends PolledJobName = PolledJobName> {
  kind: string;
  /** The job's own queue (checked by the compiler against `JOB_QUEUE`). */
  queue: (typeof JOB_QUEUE)[N];
  name: N;
  /** The payload; the background job's id is added to it. */
  payload: Omit<JobPayloads[N], 'backgroundJobId'>;
  organisationId: string | null;
  userId: string | null;
  /** Identical work while one is queued or running answers that one instead of starting another. */
  dedupeKey?: string;
}

export type { AttemptInfo };

export type ReportProgress = (percent: number) => Promise<void>;

/**
 * Background jobs a client can poll. The API writes the job row and its outbox row in one transaction; the worker
 * runs the job through `run`, which keeps the row's status and progress truthful across retries and crashes.
 */
@Injectable()
export class JobsService {
  private readonly logger = new Logger(JobsService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async enqueue<N extends PolledJobName>(
    manager: EntityManager,
    opts: EnqueueJobOptions<N>,
  ): Promise<BackgroundJobEntity> {
    const repo = manager.getRepository(BackgroundJobEntity);
    if (opts.dedupeKey) {
      // Serialise identical requests so two concurrent ones cannot both miss each other.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [opts.dedupeKey]);
      const active = await repo
        .createQueryBuilder('j')
        .where('j.dedupe_key = :key', { key: opts.dedupeKey })
        .andWhere(`j.status IN ('queued', 'running')`)
        .getOne();
      if (active) return active;
    }
    const row = await repo.save(
      repo.create({
        kind: opts.kind,
        status: 'queued',
        progress: 0,
        queue: opts.queue,
        jobName: opts.name,
        organisationId: opts.organisationId,
        userId: opts.userId,
        dedupeKey: opts.dedupeKey ?? null,
      }),
    );
    const payload = { ...opts.payload, backgroundJobId: row.id } as JobPayloads[N];
    await this.outbox.add(manager, backgroundOutboxJob(opts.name, payload));
    return row;
  }

  /**
   * Runs one delivery of a job (the worker's `JobProcessor` calls this for every polled job). A row already done is
   * not run again (a re-delivery after a crash); an error marks the row failed only on the last attempt, so a job
   * BullMQ will retry is shown as queued with its last error. A job BullMQ gives up on without this method seeing
   * the error (it stalled too often, or the error came before the work) is recorded by `giveUp`.
   */
  async run<T>(
    backgroundJobId: string,
    bullJob: AttemptInfo,
    work: (progress: ReportProgress) => Promise<T>,
  ): Promise<T | undefined> {
    const started = await this.ds.query(
      `UPDATE background_job SET status = 'running', progress = CASE WHEN status = 'running' THEN progress ELSE 0 END,
              started_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status <> 'done'`,
      [backgroundJobId],
    );
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affectedCount].
    if (!(started as [unknown[], number])[1]) {
      this.logger.log({ backgroundJobId }, 'job already done or gone; skipped');
      return undefined;
    }
    let last = -1;
    const progress: ReportProgress = async (percent) => {
      const p = Math.max(0, Math.min(100, Math.round(percent)));
      if (p === last) return;
      last = p;
      await this.ds.query(`UPDATE background_job SET progress = $2 WHERE id = $1 AND status = 'running'`, [
        backgroundJobId,
        p,
      ]);
    };
    try {
      const result = await work(progress);
      await this.ds.query(
        `UPDATE background_job SET status = 'done', progress = 100, error = NULL, result = $2::jsonb,
                finished_at = now() WHERE id = $1`,
        [backgroundJobId, result === undefined ? null : JSON.stringify(result)],
      );
      return result;
    } catch (err) {
      const message = failureReason(err);
      const lastAttempt = failingForGood(bullJob, err);
      await this.ds.query(
        `UPDATE background_job SET status = $2::varchar, error = $3, finished_at = CASE WHEN $2::varchar = 'failed' THEN now() END
          WHERE id = $1`,
        [backgroundJobId, lastAttempt ? 'failed' : 'queued', message],
      );
      throw err;
    }
  }

  /**
   * BullMQ gave up on the job (its attempts are used up, the error was unrecoverable, or it stalled more often than
   * allowed): a row still queued or running becomes failed with the reason. Returns whether a row changed.
   */
  async giveUp(backgroundJobId: string, reason: string): Promise<boolean> {
    const res = await this.ds.query(
      `UPDATE background_job SET status = 'failed', error = $2, finished_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [backgroundJobId, reason.slice(0, 2000)],
    );
    return (res as [unknown[], number])[1] > 0;
  }

  /**
   * The worker running the job stopped (BullMQ's stalled-job check found its lock gone) and the job waits for
   * another worker: a row still running from that delivery is shown queued with the reason. A delivery that
   * started within `lockMs / 2` is a newer one already running and is left alone (a stalled delivery started at
   * least `lockMs` ago). Returns whether a row changed.
   */
  async requeueStalled(backgroundJobId: string, reason: string, lockMs: number): Promise<boolean> {
    const res = await this.ds.query(
      `UPDATE background_job SET status = 'queued', error = $2
        WHERE id = $1 AND status = 'running' AND started_at < now() - make_interval(secs => $3::float8 / 1000)`,
      [backgroundJobId, reason.slice(0, 2000), lockMs / 2],
    );
    return (res as [unknown[], number])[1] > 0;
  }

  /** 404 unless the caller's organisation (or the caller) started it; admins see every job. */
  async get(id: string, actor: Actor): Promise<BackgroundJobEntity> {
    const job = await this.findById(id);
    if (!job || !canSeeJob(actor, job)) throw new NotFoundError(JobsErrorCode.JobNotFound, 'Job');
    return job;
  }

  findById(id: string): Promise<BackgroundJobEntity | null> {
    return this.ds.getRepository(BackgroundJobEntity).findOne({ where: { id } });
  }
}
