import type { DataSource, EntityManager } from 'typeorm';

/** Runs `work` in a transaction, joining the caller's when one is passed in. */
export function inTransaction<T>(
  ds: DataSource,
  manager: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  if (manager?.queryRunner?.isTransactionActive) return work(manager);
  return ds.transaction(work);
}
