import type { Role } from '@strand/data';
import type { UserError } from '../types/user-error.type.ts';
import { accessError, userError } from './access.ts';
import type { Viewer } from './viewer.ts';

/**
 * The project a create-style mutation writes to: `projectId` when given, else the caller's only
 * project. A userError when it is missing and ambiguous, unknown to the caller, or not writable.
 */
export function targetProject(
  viewer: Viewer,
  projectId: string | null | undefined,
  needed: Role,
): { projectId: string } | { error: UserError } {
  if (projectId == null) {
    const ids = viewer.projectIds;
    if (ids.length !== 1) {
      const why =
        ids.length === 0
          ? 'you are a member of no project'
          : `you are a member of ${ids.length} projects`;
      return { error: userError('projectId', 'PROJECT_REQUIRED', `projectId is required: ${why}`) };
    }
    projectId = ids[0];
  }
  const error = accessError(
    viewer,
    projectId,
    needed,
    'projectId',
    `no project with id "${projectId}"`,
  );
  return error ? { error } : { projectId };
}
