import type { EntityManager } from '@mikro-orm/core';
import { ApiToken } from '../entities/api-token.entity.ts';
import type { User } from '../entities/user.entity.ts';
import { generateToken, hashToken, tokenDisplayPrefix } from './token-secret.ts';

export interface IssuedToken {
  /** The token itself: shown to its owner once, never stored. */
  token: string;
  apiToken: ApiToken;
}

/** Makes and stores (hashed) a new token for `user`; `token` is given only for an admin token. */
export async function issueApiToken(
  em: EntityManager,
  user: User,
  name: string,
  token: string = generateToken(),
): Promise<IssuedToken> {
  const apiToken = new ApiToken(user, name, tokenDisplayPrefix(token), hashToken(token));
  em.persist(apiToken);
  await em.flush();
  return { token, apiToken };
}
