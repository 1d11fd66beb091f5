import type { Pool, PoolClient } from 'pg';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The `pg` pool under a data source, for a read-only hot path that runs its own SQL: the same connections, without
 * TypeORM's query runner around each statement (a runner object, logger and subscriber broadcasts per query).
 * Writes and anything transactional beyond one read go through TypeORM as everywhere else.
 */
export function rawPool(ds: DataSource): Pool {
  const pool: Pool | undefined = (ds.driver as PostgresDriver).master;
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

/**
 * One read on the pool; with `begin` (a statement that opens a transaction with its planner settings, such as
 * "BEGIN; SET LOCAL jit = off") in a transaction of its own, so the settings end with it: three round trips, not
 * four. A connection that cannot even roll back is not given back to the pool.
 */
export async function rawRead<T>(
  pool: Pool,
  text: string,
  values: unknown[] | undefined,
  begin?: string,
): Promise<T[]> {
  if (!begin) return rawQuery<T>(pool, text, values);
  const client = await pool.connect();
  let broken: unknown;
  try {
    await rawQuery(client, begin);
    const rows = await rawQuery<T>(client, text, values);
    await rawQuery(client, 'COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
    throw err;
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}
