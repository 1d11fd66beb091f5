import type { OrganisationKind, UserRole } from '@app/database';
import { NotFoundError } from '@app/common';

/** Who is calling: taken from a verified access token. Services receive this, never the HTTP request. */
export interface Actor {
  userId: string;
  role: UserRole;
  organisationId: string | null;
  organisationKind: OrganisationKind | null;
}

export function isAdmin(actor: Actor | undefined): boolean {
  return actor?.role === 'admin';
}

/** An officer of this buyer organisation: the buyer side of every visibility rule (`*-visibility.ts`). */
export function isOfficerOf(
  actor: Pick<Actor, 'role' | 'organisationId'> | undefined,
  buyerOrganisationId: string,
): boolean {
  return actor?.role === 'procurement_officer' && actor.organisationId === buyerOrganisationId;
}

/**
 * Objects of another organisation are answered 404, not 403: the caller may not learn that they exist.
 */
export function assertSameOrganisation(
  actor: Actor | undefined,
  organisationId: string,
  code: string,
  what: string,
): void {
  if (isAdmin(actor)) return;
  if (!actor || actor.organisationId !== organisationId) throw new NotFoundError(code, what);
}
