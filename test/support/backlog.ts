import { ALL_QUEUES, redisOptionsFromUrl } from '@app/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Specs that start a real worker process share the database and Redis with every spec before them: the worker's
 * relay would first deliver every outbox row those specs left undelivered (they run with the relay off) and the
 * queues would work through that backlog before the job under test. Marks the rows written before `since` as
 * delivered and drops jobs still waiting in the queues, so the spec measures its own job.
 */
export async function clearBacklog(ds: DataSource, since: Date): Promise<void> {
  await ds.query(
    `UPDATE outbox_message SET dispatched_at = now() WHERE dispatched_at IS NULL AND created_at < $1`,
    [since],
  );
  const connection = redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1');
  for (const name of ALL_QUEUES) {
    const queue = new Queue(name, { connection, prefix: 'buysocial' });
    await queue.drain(true);
    await queue.close();
  }
}

/** The database's clock, to compare with rows it stamps. */
export async function dbNow(ds: DataSource): Promise<Date> {
  const [row] = await ds.query('SELECT now() AS now');
  return new Date(row.now);
}
