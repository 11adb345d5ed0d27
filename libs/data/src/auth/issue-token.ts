import type { EntityManager } from '@mikro-orm/core';
import { ApiToken } from '../entities/api-token.entity.ts';
import type { User } from '../entities/user.entity.ts';
import { generateToken, hashToken, tokenDisplayPrefix } from './token-secret.ts';

export interface IssuedToken {
  /** The token itself: shown to its owner once, never stored. */
  token: string;
  apiToken: ApiToken;
}

/**
 * Makes and stores (hashed) a new token for `user`; `token` is given only for an admin token.
 * The API goes through createApiToken (limits, expiry checks, audit).
 */
export async function issueApiToken(
  em: EntityManager,
  user: User,
  name: string,
  token: string = generateToken(),
  expiresAt: Date | null = null,
): Promise<IssuedToken> {
  const apiToken = new ApiToken(user, name, tokenDisplayPrefix(token), hashToken(token), expiresAt);
  em.persist(apiToken);
  await em.flush();
  return { token, apiToken };
}
