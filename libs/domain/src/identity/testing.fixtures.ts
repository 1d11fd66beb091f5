import type { UserRole } from '@app/database';
import type { Actor } from './actor';

/** A signed-in caller for unit tests of the visibility rules. */
export function actorOf(role: UserRole, organisationId: string | null, userId = 'user-1'): Actor {
  const organisationKind =
    role === 'procurement_officer'
      ? 'buyer'
      : role === 'contractor'
        ? 'contractor'
        : role === 'social_enterprise'
          ? 'social_enterprise'
          : null;
  return { userId, role, organisationId, organisationKind };
}
