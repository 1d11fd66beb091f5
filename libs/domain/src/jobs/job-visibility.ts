import type { BackgroundJobEntity } from '@app/database';
import { type Actor, isAdmin } from '../identity/actor';

/**
 * The one rule for a background job (`/jobs/:id`, and an OCDS import, which is one): the organisation that started
 * it, or the user who did when it has no organisation; admins see every job. Anyone else is answered 404.
 */
export function canSeeJob(
  actor: Actor,
  job: Pick<BackgroundJobEntity, 'organisationId' | 'userId'>,
): boolean {
  return (
    isAdmin(actor) ||
    (job.organisationId !== null && job.organisationId === actor.organisationId) ||
    (job.userId !== null && job.userId === actor.userId)
  );
}
