import type { Role } from '@strand/data';
import { UserError } from '../types/user-error.type.ts';
import type { Viewer } from './viewer.ts';

/**
 * The userError for acting on an object of `projectId` that needs `needed`, or null when
 * allowed. A non-member gets NOT_FOUND with the same message as for an id that does not exist,
 * so a caller learns nothing about other projects' objects; a member with too small a role gets
 * FORBIDDEN.
 */
export function accessError(
  viewer: Viewer,
  projectId: string,
  needed: Role,
  field: string,
  notFoundMessage: string,
): UserError | null {
  if (!viewer.canRead(projectId)) return userError(field, 'NOT_FOUND', notFoundMessage);
  if (!viewer.can(projectId, needed)) {
    const role = viewer.roleIn(projectId);
    return userError(
      field,
      'FORBIDDEN',
      `your role in this project is ${role}; this needs ${needed}`,
    );
  }
  return null;
}

/** Builds the GraphQL UserError object. */
export function userError(field: string | null, code: string, message: string): UserError {
  return Object.assign(new UserError(), { field, code, message });
}
