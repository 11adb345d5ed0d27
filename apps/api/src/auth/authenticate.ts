import type { EntityManager } from '@mikro-orm/core';
import { findApiToken, Membership, tokenRefusal } from '@strand/data';
import type { Role } from '@strand/data';
import { authCache } from './auth-cache.ts';
import { UnauthenticatedError } from './unauthenticated-error.ts';
import { Viewer } from './viewer.ts';

/** The token of an `Authorization: Bearer <token>` value; null when absent or not Bearer. */
export function bearerToken(authorization: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/**
 * The caller an Authorization value stands for, with their memberships read now (so a changed
 * role applies from the next request). Throws UnauthenticatedError when there is no valid token.
 */
export async function authenticate(
  em: EntityManager,
  authorization: string | undefined | null,
): Promise<Viewer> {
  if (!authorization) throw new UnauthenticatedError('no API token');
  const token = bearerToken(authorization);
  if (!token) throw new UnauthenticatedError('the Authorization header is not "Bearer <token>"');
  const cached = authCache.get(token);
  if (cached) return cached;
  const apiToken = await findApiToken(em, token);
  if (!apiToken) throw new UnauthenticatedError('the API token is not valid');
  const refused = tokenRefusal(apiToken);
  if (refused === 'revoked') throw new UnauthenticatedError('the API token was revoked');
  if (refused) {
    const until = apiToken.expiresAt?.toISOString() ?? 'now';
    throw new UnauthenticatedError(`the API token was valid until ${until}`);
  }
  const memberships = await em.find(Membership, { user: apiToken.user.id });
  const roles = new Map<string, Role>(memberships.map((m) => [m.project.id, m.role]));
  const viewer = new Viewer(apiToken.user.id, apiToken.user.getEntity().name, apiToken.id, roles);
  authCache.set(token, viewer, apiToken.expiresAt);
  return viewer;
}
