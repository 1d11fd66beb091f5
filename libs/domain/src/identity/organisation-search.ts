import { decodeCursor, encodeCursor, Page, pageLimit } from '@app/common';
import { OrganisationEntity, OrganisationKind } from '@app/database';
import { DataSource } from 'typeorm';
import { foldedText } from '../directory/search-text';

export interface OrganisationSearchQuery {
  kind?: OrganisationKind;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** One row of the organisation picker: what a person needs to recognise the organisation. */
export interface OrganisationHit {
  id: string;
  kind: OrganisationKind;
  name: string;
  kvkNumber: string | null;
  city: string | null;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/**
 * Organisations by name (accents and case folded, any part of the name: the trigram index on
 * `immutable_unaccent(lower(name))` serves the LIKE) or by KvK number (a digit prefix), in name order. Keyset paging
 * on (name, id), so a page never repeats or skips a row while others register.
 */
export async function searchOrganisations(
  ds: DataSource,
  query: OrganisationSearchQuery,
): Promise<Page<OrganisationHit>> {
  const limit = pageLimit(query.limit);
  const after = decodeCursor(query.cursor, ['string', 'uuid']) as [string, string] | null;
  const qb = ds
    .getRepository(OrganisationEntity)
    .createQueryBuilder('o')
    .select(['o.id', 'o.kind', 'o.name', 'o.kvkNumber', 'o.city'])
    .orderBy('o.name', 'ASC')
    .addOrderBy('o.id', 'ASC')
    .limit(limit + 1);
  if (query.kind) qb.andWhere('o.kind = :kind', { kind: query.kind });
  const text = foldedText(query.q ?? '');
  if (text) {
    const digits = text.replace(/\s+/g, '');
    const byName = `immutable_unaccent(lower(o.name)) LIKE :like`;
    const params = { like: `%${escapeLike(text)}%`, kvk: `${digits}%` };
    qb.andWhere(/^\d{1,8}$/.test(digits) ? `(${byName} OR o.kvk_number LIKE :kvk)` : byName, params);
  }
  if (after) {
    qb.andWhere('(o.name, o.id) > (:afterName, :afterId::uuid)', { afterName: after[0], afterId: after[1] });
  }
  const rows = await qb.getMany();
  const items = rows.slice(0, limit).map((o) => ({
    id: o.id,
    kind: o.kind,
    name: o.name,
    kvkNumber: o.kvkNumber,
    city: o.city,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit ? encodeCursor([last.name, last.id]) : null };
}
