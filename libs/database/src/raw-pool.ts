import type { Pool, PoolClient } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';

/**
 * The `pg` pool under a data source, for a read-only hot path that runs its own SQL: the same connections, without
 * TypeORM's query runner around each statement (a runner object, logger and subscriber broadcasts per query).
 * Writes and anything transactional beyond one read go through TypeORM as everywhere else.
 */
export function rawPool(ds: DataSource): Pool {
  const pool = (ds.driver as unknown as { master?: Pool }).master;
  if (!pool) throw new Error('the data source is not connected to PostgreSQL');
  return pool;
}

/**
 * One statement on a pool or a checked-out connection, its error as TypeORM's `QueryFailedError` (what the
 * exception filter maps to 400, 409 or 503), its rows as `DataSource.query` returns them.
 */
export async function rawQuery<T>(on: Pool | PoolClient, text: string, values?: unknown[]): Promise<T[]> {
  try {
    return (await on.query(text, values)).rows as T[];
  } catch (err) {
    throw new QueryFailedError(text, values, err as Error);
  }
}
