import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxJob } from '../producers';
import { JOB_QUEUE, JobName, QueueName } from '../queue-names';

/**
 * Producers write jobs here inside the business transaction; the worker's relay (`OutboxRelay`) moves them to
 * BullMQ after the commit. A second write of the same job id is a no-op, so producers may call this freely.
 * The API never opens a BullMQ queue: this table is its only way to the queues. It takes only jobs made by the
 * typed producers (`OutboxJobs`), which name each job's queue, id and payload in one place.
 */
@Injectable()
export class OutboxService {
  /** Writes a job made by one of the typed producers (`OutboxJobs.obligationCreated(...)`, ...). */
  async add<N extends JobName>(manager: EntityManager, job: OutboxJob<N>): Promise<void> {
    checkQueue(job.name, job.queue);
    await manager.query(
      `INSERT INTO outbox_message (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (queue, job_id) DO NOTHING`,
      [job.queue, job.name, job.id, JSON.stringify(job.payload)],
    );
  }

  /** Writes several jobs in one statement (a change that re-scores hundreds of match sets). */
  async addMany(manager: EntityManager, jobs: OutboxJob[]): Promise<void> {
    if (!jobs.length) return;
    for (const job of jobs) checkQueue(job.name, job.queue);
    await manager.query(
      `INSERT INTO outbox_message (queue, job_name, job_id, payload)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])
       ON CONFLICT (queue, job_id) DO NOTHING`,
      [
        jobs.map((j) => j.queue),
        jobs.map((j) => j.name),
        jobs.map((j) => j.id),
        jobs.map((j) => JSON.stringify(j.payload)),
      ],
    );
  }
}

/** A job sent to a queue whose processor does not know it would fail there, after the commit: refuse it here. */
function checkQueue(name: JobName, queue: QueueName): void {
  if (JOB_QUEUE[name] !== queue)
    throw new Error(`job ${name} belongs on queue ${JOB_QUEUE[name]}, not ${queue}`);
}
