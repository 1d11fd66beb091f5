import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The counters of work that background jobs skipped or could not do (`failure_count`): one row per name and
 * reason, e.g. `matching.candidate_skipped` / `amount_out_of_range`. Read them with
 * `SELECT name, reason, count, last_at FROM failure_count`.
 */
export const FailureCounter = {
  /** A candidate offering left out of a match set because its valuation failed. */
  CandidateSkipped: 'matching.candidate_skipped',
  /** A match subject became failed (counted once per run of failures, not per retry). */
  SubjectFailed: 'matching.subject_failed',
  /** A failed match subject got a set again. */
  SubjectRecovered: 'matching.subject_recovered',
  /** A report row that could not be rendered and was marked in the file instead. */
  ReportRowFailed: 'reports.row_failed',
  /** A meeting-day registrant left out of a schedule because its registration cannot be used. */
  RegistrantSkipped: 'meeting_days.registrant_skipped',
} as const;
export type FailureCounterName = (typeof FailureCounter)[keyof typeof FailureCounter];

/** Counts by reason: a list of reasons (each counts one), or a map of reason to how many. */
export type FailureCounts = Iterable<string> | Map<string, number>;

function tally(counts: FailureCounts): Map<string, number> {
  if (counts instanceof Map) return counts;
  const m = new Map<string, number>();
  for (const r of counts) m.set(r, (m.get(r) ?? 0) + 1);
  return m;
}

/**
 * Adds to the counters, in one statement (reasons in a fixed order, so two writers never wait on each other in a
 * circle). Called after the work's own transaction committed, outside it: a counter never holds up or rolls back
 * the work, and a failure to count is logged, never thrown.
 */
export async function countFailures(
  db: DataSource | EntityManager,
  name: FailureCounterName,
  counts: FailureCounts,
  logger?: Pick<Logger, 'warn'>,
): Promise<void> {
  const byReason = [...tally(counts)]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!byReason.length) return;
  try {
    await db.query(
      `INSERT INTO failure_count (name, reason, count, last_at)
       SELECT $1, r, n, now() FROM unnest($2::varchar[], $3::bigint[]) AS u(r, n)
       ON CONFLICT (name, reason) DO UPDATE
         SET count = failure_count.count + EXCLUDED.count, last_at = EXCLUDED.last_at`,
      [name, byReason.map(([r]) => r.slice(0, 60)), byReason.map(([, n]) => n)],
    );
  } catch (err) {
    logger?.warn({ counter: name, err: (err as Error).message }, 'could not count failures');
  }
}

/** The counters as they stand, by name and reason (tests, a scrape). */
export async function readFailureCounts(
  db: DataSource | EntityManager,
): Promise<{ name: string; reason: string; count: number }[]> {
  const rows: { name: string; reason: string; count: string }[] = await db.query(
    'SELECT name, reason, count::text AS count FROM failure_count ORDER BY name, reason',
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
