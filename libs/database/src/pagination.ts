import { decodeCursor, encodeCursor, Page, pageLimit } from '@app/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Newest first, keyset on (created_at, id): the cursor is the last row's pair, so inserts between pages
 * neither repeat nor skip rows that were already there.
 */
export async function pageNewestFirst<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  q: { limit?: number; cursor?: string },
): Promise<Page<T>> {
  const limit = pageLimit(q.limit);
  const after = decodeCursor(q.cursor, ['timestamp', 'uuid']) as [string, string] | null;
  qb.orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1);
  if (after) {
    qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:pageAt::timestamptz, :pageId::uuid)`, {
      pageAt: after[0],
      pageId: after[1],
    });
  }
  const rows = await qb.getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}
