import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A visibility rule as a list's SQL condition: `sql` on the list's alias, with its named parameters
 * (`qb.where(w.sql, w.params)`). Each aggregate's `*-visibility.ts` keeps it beside the rule for one row.
 */
export interface VisibleWhere {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The one access check for a row by id: read it (locked FOR UPDATE when a write follows, FOR SHARE with
 * `lock: 'shared'` when it must only stay unchanged until commit) and throw `notFound` when it is missing or
 * `visible` says the caller may not see it. Another organisation's rows answer 404, never 403, so a caller
 * cannot learn that they exist. `visible` may throw its own error (a read-only row).
 */
export async function findVisible<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  id: string,
  check: { visible: (row: T) => boolean; notFound: () => Error; lock?: boolean | 'shared' },
): Promise<T> {
  const qb = m.getRepository(target).createQueryBuilder('row').where('row.id = :id', { id });
  if (check.lock) qb.setLock(check.lock === 'shared' ? 'pessimistic_read' : 'pessimistic_write');
  const row = await qb.getOne();
  if (!row || !check.visible(row)) throw check.notFound();
  return row;
}
