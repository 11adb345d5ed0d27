/**
 * An API token's life: made (at most ACCESS_LIMITS.tokensPerUser live ones per user, optionally
 * expiring), used, revoked. A revoked or expired token stays stored (for the audit log and so
 * its prefix still means something) but never authenticates again.
 */
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { issueApiToken } from '../auth/issue-token.ts';
import type { IssuedToken } from '../auth/issue-token.ts';
import { ApiToken } from '../entities/api-token.entity.ts';
import type { User } from '../entities/user.entity.ts';
import { AccessError } from './access-error.ts';
import { ACCESS_LIMITS } from './access-limits.ts';
import { recordAudit } from './audit.ts';

/** Tokens that still authenticate at `now`. */
export function liveTokens(now = new Date()): FilterQuery<ApiToken> {
  return { revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] };
}

/** Why a stored token does not authenticate (null: it does). */
export function tokenRefusal(token: ApiToken, now = new Date()): 'revoked' | 'expired' | null {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'expired';
  return null;
}

/**
 * Makes a token for `user` (by the user, or for a new user by an ADMIN `actorId`), refusing a
 * past or too distant expiry and a token over the per-user limit; records TOKEN_CREATED.
 */
export async function createApiToken(
  em: EntityManager,
  request: { user: User; name: string; expiresAt?: Date | null; actorId: string },
): Promise<IssuedToken> {
  const now = new Date();
  const { expiresAt = null } = request;
  if (expiresAt) {
    const latest = now.getTime() + ACCESS_LIMITS.maxTokenDays * 86_400_000;
    if (!(expiresAt.getTime() > now.getTime()) || expiresAt.getTime() > latest) {
      throw new AccessError(
        'BAD_EXPIRY',
        'expiresAt',
        `expiresAt must lie in the future, at most ${ACCESS_LIMITS.maxTokenDays} days away`,
      );
    }
  }
  const live = await em.count(ApiToken, { $and: [{ user: request.user.id }, liveTokens(now)] });
  if (live >= ACCESS_LIMITS.tokensPerUser) {
    throw new AccessError(
      'TOO_MANY_TOKENS',
      'name',
      `a user may have at most ${ACCESS_LIMITS.tokensPerUser} live tokens; revoke one first`,
    );
  }
  const issued = await issueApiToken(em, request.user, request.name, undefined, expiresAt);
  recordAudit(
    em,
    'TOKEN_CREATED',
    { actor: request.actorId, subject: request.user.id },
    {
      tokenId: issued.apiToken.id,
      name: request.name,
      prefix: issued.apiToken.prefix,
      expiresAt: expiresAt?.toISOString() ?? null,
    },
  );
  await em.flush();
  return issued;
}

/** Revokes a live token (the caller checked who may); records TOKEN_REVOKED. */
export async function revokeApiToken(
  em: EntityManager,
  token: ApiToken,
  actorId: string,
): Promise<ApiToken> {
  if (tokenRefusal(token)) {
    throw new AccessError('NOT_FOUND', 'id', `no live token with id "${token.id}"`);
  }
  token.revokedAt = new Date();
  recordAudit(
    em,
    'TOKEN_REVOKED',
    { actor: actorId, subject: token.user.id },
    { tokenId: token.id, name: token.name, prefix: token.prefix },
  );
  await em.flush();
  return token;
}
