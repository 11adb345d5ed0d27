import { Run as RunEntity, TrackingError } from '@strand/data';
import type { Role } from '@strand/data';
import { accessError, userError } from '../auth/access.ts';
import type { StrandContext } from '../context.ts';
import type { UserError } from '../types/user-error.type.ts';

/**
 * The run a mutation acts on, when the caller has `needed` in its project; else the userError
 * (NOT_FOUND for runs of other projects, worded as for an id that does not exist).
 */
export async function runFor(
  { em, viewer }: StrandContext,
  id: string,
  needed: Role,
  field = 'runId',
): Promise<{ run: RunEntity } | { error: UserError }> {
  const run = await em.findOne(RunEntity, { id });
  const notFound = `no run with id "${id}"`;
  if (!run) return { error: userError(field, 'NOT_FOUND', notFound) };
  const error = accessError(viewer, run.project.id, needed, field, notFound);
  return error ? { error } : { run };
}

/** The userErrors of an expected tracking failure; anything else is rethrown. */
export function trackingErrors(error: unknown): UserError[] {
  if (error instanceof TrackingError) return [userError(error.field, error.code, error.message)];
  throw error;
}
