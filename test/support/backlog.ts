import { ALL_QUEUES, redisOptionsFromUrl } from '@app/queue';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

/**
 * Specs that start a real worker process share the database and Redis with every spec before them: the worker's
 * relay would first deliver every outbox row those specs left undelivered (they run with the relay off) and the
 * queues would work through that backlog before the job under test. Marks the rows written before `since` as
 * delivered, settles match sets left pending and drops jobs still waiting in the queues, so the spec measures its
 * own job.
 */
export async function clearBacklog(ds: DataSource, since: Date): Promise<void> {
  await ds.query(
    `UPDATE outbox_message SET dispatched_at = now() WHERE dispatched_at IS NULL AND created_at < $1`,
    [since],
  );
  // Match sets other specs asked for and never computed (their relay was off) would otherwise be taken along
  // into this spec's whole-set jobs (a job batches obligations waiting in the same CPV divisions).
  const older = `NOT EXISTS (SELECT 1 FROM obligation o WHERE o.id = ms.subject_id AND o.created_at >= $1)
     AND NOT EXISTS (SELECT 1 FROM tender t WHERE t.id = ms.subject_id AND t.created_at >= $1)`;
  await ds.query(
    `DELETE FROM match_delta d USING match_state ms
      WHERE ms.subject_type = d.subject_type AND ms.subject_id = d.subject_id AND ${older}`,
    [since],
  );
  await ds.query(
    `UPDATE match_state ms SET started_revision = requested_revision, computed_revision = requested_revision,
            computed_at = coalesce(computed_at, now())
      WHERE requested_revision > computed_revision AND ${older}`,
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
