import type { EntityManager } from '@mikro-orm/core';
import { Membership } from '../entities/membership.entity.ts';
import { DEFAULT_PROJECT_SLUG, Project } from '../entities/project.entity.ts';
import { User } from '../entities/user.entity.ts';
import { DataError } from '../errors/data-error.ts';
import { issueApiToken } from './issue-token.ts';
import { isTokenShaped } from './token-secret.ts';

export interface FirstAdmin {
  user: User;
  project: Project;
  /** The admin's token; print it once when it was generated (not when it came from the caller). */
  token: string;
  generated: boolean;
}

/**
 * Embedded mode's first start: when no user exists, makes an `admin` user who is admin of the
 * `default` project, and a token for it (`adminToken`, e.g. STRAND_ADMIN_TOKEN, or a new one).
 * Returns null when users exist already, so a token is only ever made (and shown) once.
 */
export async function ensureFirstAdmin(
  em: EntityManager,
  adminToken?: string | null,
): Promise<FirstAdmin | null> {
  if (adminToken != null && !isTokenShaped(adminToken)) {
    throw new DataError(
      'BAD_ADMIN_TOKEN',
      'STRAND_ADMIN_TOKEN must be "strand_" followed by 32–200 of A–Z a–z 0–9 _ - ' +
        `(got ${adminToken.length} characters); make one with: node -e "console.log('strand_' + require('crypto').randomBytes(32).toString('base64url'))"`,
    );
  }
  return em.transactional(async (tx) => {
    if ((await tx.count(User, {})) > 0) return null;
    const project =
      (await tx.findOne(Project, { slug: DEFAULT_PROJECT_SLUG })) ??
      new Project('Default', DEFAULT_PROJECT_SLUG);
    const user = new User('admin');
    tx.persist([project, user, new Membership(user, project, 'admin')]);
    const issued = await issueApiToken(tx, user, 'first start', adminToken ?? undefined);
    return { user, project, token: issued.token, generated: adminToken == null };
  });
}
