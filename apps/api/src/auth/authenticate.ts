import type { EntityManager } from '@mikro-orm/core';
import { findApiToken, Membership, tokenRefusal } from '@strand/data';
import type { Role } from '@strand/data';
import type { FailedAuthLimit } from '../limits/failed-auth-limit.ts';
import { authCache } from './auth-cache.ts';
import { UnauthenticatedError } from './unauthenticated-error.ts';
import { Viewer } from './viewer.ts';

/** The token of an `Authorization: Bearer <token>` value; null when absent or not Bearer. */
export function bearerToken(authorization: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1] : null;
}

/** Where a request comes from, and the limit on that address's failed authentications. */
export interface AuthGuard {
  address: string;
  limit: FailedAuthLimit;
  /** Called before each token lookup in the database (metrics). */
  onLookup?: () => void;
}

/**
 * The caller an Authorization value stands for, with their memberships read now (so a changed
 * role applies from the next request). Throws UnauthenticatedError when there is no valid token.
 * With a guard, an address that failed too often is refused (RATE_LIMITED) before any lookup,
 * unless its token is one the cache knows to be valid, and each failure counts against it.
 */
export async function authenticate(
  em: EntityManager,
  authorization: string | undefined | null,
  guard?: AuthGuard,
): Promise<Viewer> {
  const token = bearerToken(authorization);
  const cached = token ? authCache.get(token) : undefined;
  if (cached) return cached;
  guard?.limit.check(guard.address);
  try {
    return await lookUp(em, authorization, token, guard);
  } catch (error) {
    if (guard && error instanceof UnauthenticatedError) guard.limit.failed(guard.address);
    throw error;
  }
}

async function lookUp(
  em: EntityManager,
  authorization: string | undefined | null,
  token: string | null,
  guard: AuthGuard | undefined,
): Promise<Viewer> {
  if (!authorization) throw new UnauthenticatedError('no API token');
  if (!token) throw new UnauthenticatedError('the Authorization header is not "Bearer <token>"');
  guard?.onLookup?.();
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
