import type { EntityManager } from 'typeorm';

/** An organisation's name for a notification's text (names, never ids); '' when it is gone. */
export async function organisationName(
  m: EntityManager,
  organisationId: string | null | undefined,
): Promise<string> {
  if (!organisationId) return '';
  const [row] = await m.query<{ name: string }[]>(`SELECT name FROM organisation WHERE id = $1`, [
    organisationId,
  ]);
  return row?.name ?? '';
}

/** A tender's title for a notification's text; '' when it is gone. */
export async function tenderTitle(m: EntityManager, tenderId: string | null | undefined): Promise<string> {
  if (!tenderId) return '';
  const [row] = await m.query<{ title: string }[]>(`SELECT title FROM tender WHERE id = $1`, [tenderId]);
  return row?.title ?? '';
}
