import { QueryFailedError } from 'typeorm';
import { ConflictError } from './errors';

/** The constraint a Postgres unique violation (23505) hit, or null for any other error. */
export function uniqueViolation(err: unknown): string | null {
  if (!(err instanceof QueryFailedError)) return null;
  const pg = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return pg?.code === '23505' ? (pg.constraint ?? '') : null;
}

/**
 * Runs `work` and turns a unique violation on one of the named constraints into its domain conflict (409
 * with a specific code); the global filter answers other unique violations with a generic 409.
 */
export async function withUniqueConflicts<T>(
  work: () => Promise<T>,
  conflicts: Record<string, () => ConflictError>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint && conflicts[constraint]) throw conflicts[constraint]();
    throw err;
  }
}
