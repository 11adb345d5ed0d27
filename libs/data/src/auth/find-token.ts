import type { EntityManager } from '@mikro-orm/core';
import { ApiToken } from '../entities/api-token.entity.ts';
import { hashToken, isTokenShaped } from './token-secret.ts';

/** The stored token (with its user loaded) that `token` is, or null when there is none. */
export async function findApiToken(em: EntityManager, token: string): Promise<ApiToken | null> {
  if (!isTokenShaped(token)) return null;
  return em.findOne(ApiToken, { hash: hashToken(token) }, { populate: ['user'] });
}
