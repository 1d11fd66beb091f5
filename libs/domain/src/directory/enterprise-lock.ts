import type { EntityManager } from 'typeorm';

/**
 * The fixed lock order of every write to a social enterprise's own data (its profile, offerings and
 * certifications): first the enterprise's `organisation` row, then its own rows, then what the matching triggers
 * lock (the offerings' `match_offering_fact` rows by database trigger, then `match_state` per subject type in id
 * order, `match_delta` and the outbox).
 *
 * Without it, writes for one enterprise took the same rows in different orders and PostgreSQL aborted one of them
 * (500 "deadlock detected"): a profile PUT locked the profile, its offerings' match facts (target groups) and then
 * every offering (`hidden`) before `match_state`; an offering PATCH locked its offering and then its match fact; an
 * offering DELETE locked `match_state` before its offering. Now they queue on the organisation row.
 *
 * `FOR NO KEY UPDATE`: the foreign-key checks of new rows (an offering, a certification), which take `KEY SHARE`
 * on the organisation, are not held up by it, and neither are readers.
 */
export async function lockEnterprises(m: EntityManager, organisationIds: string[]): Promise<void> {
  const ids = [...new Set(organisationIds)].sort();
  if (!ids.length) return;
  await m.query('SELECT id FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [
    ids,
  ]);
}

/** `lockEnterprises` for the enterprise that owns an offering or a certification (nothing when the row is gone). */
export async function lockEnterpriseOf(
  m: EntityManager,
  table: 'offering' | 'certification',
  id: string,
): Promise<void> {
  await m.query(
    `SELECT o.id FROM organisation o
      WHERE o.id = (SELECT organisation_id FROM ${table} WHERE id = $1)
      FOR NO KEY UPDATE OF o`,
    [id],
  );
}
