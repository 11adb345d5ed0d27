import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiToken } from '../entities/api-token.entity.ts';
import { Membership } from '../entities/membership.entity.ts';
import { Project } from '../entities/project.entity.ts';
import { roleAllows } from '../entities/role.ts';
import { User } from '../entities/user.entity.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { findApiToken } from './find-token.ts';
import { ensureFirstAdmin } from './first-admin.ts';
import { issueApiToken } from './issue-token.ts';
import { generateToken, hashToken, isTokenShaped, tokenDisplayPrefix } from './token-secret.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('token secrets', () => {
  test('a token is strand_ + 43 base64url characters, different every time', () => {
    const a = generateToken();
    expect(a).toMatch(/^strand_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(isTokenShaped(a)).toBe(true);
    expect(isTokenShaped('strand_short')).toBe(false);
    expect(isTokenShaped(`Bearer ${a}`)).toBe(false);
    expect(tokenDisplayPrefix(a)).toBe(a.slice(0, 15));
  });

  test('the stored hash is the SHA-256 of the token', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('API tokens', () => {
  test('are stored hashed and found again by the token, with their user', async () => {
    const em = testDb.db.fork();
    const user = new User('ada');
    em.persist(user);
    const { token, apiToken } = await issueApiToken(em, user, 'laptop');
    const row = await testDb.db.fork().findOneOrFail(ApiToken, apiToken.id);
    expect(row.hash).toBe(hashToken(token));
    expect(row.prefix).toBe(token.slice(0, 15));
    expect(JSON.stringify(row)).not.toContain(token);

    const found = await findApiToken(testDb.db.fork(), token);
    expect(found?.id).toBe(apiToken.id);
    expect(found?.user.getEntity().name).toBe('ada');
    expect(await findApiToken(testDb.db.fork(), generateToken())).toBeNull();
    expect(await findApiToken(testDb.db.fork(), 'not a token')).toBeNull();
  });
});

describe('memberships', () => {
  test('one per (user, project)', async () => {
    const em = testDb.db.fork();
    const user = new User('bo');
    const project = testProject();
    em.persist(new Membership(user, project, 'viewer'));
    await em.flush();
    const em2 = testDb.db.fork();
    em2.persist(
      new Membership(
        em2.getReference(User, user.id),
        em2.getReference(Project, project.id),
        'admin',
      ),
    );
    await expect(em2.flush()).rejects.toThrow(
      // SQLite's and PostgreSQL's wording of the same violation.
      /UNIQUE constraint failed: membership.user_id, membership.project_id|membership_user_id_project_id_unique/,
    );
  });

  test('roles include the ones below them', () => {
    expect(roleAllows('admin', 'editor')).toBe(true);
    expect(roleAllows('editor', 'viewer')).toBe(true);
    expect(roleAllows('editor', 'admin')).toBe(false);
    expect(roleAllows('viewer', 'editor')).toBe(false);
  });

  test('project slugs may repeat across teams (the API keeps them unique per member)', async () => {
    const em = testDb.db.fork();
    em.persist([new Project('A', 'same'), new Project('B', 'same')]);
    await em.flush();
    expect(await testDb.db.fork().count(Project, { slug: 'same' })).toBe(2);
  });
});

describe('ensureFirstAdmin', () => {
  test('makes an admin of the default project once, with the given token', async () => {
    const fresh = await createTestDatabase();
    try {
      const token = generateToken();
      const first = await ensureFirstAdmin(fresh.db.fork(), token);
      expect(first).toMatchObject({ token, generated: false });
      expect(first!.project.slug).toBe('default');
      const em = fresh.db.fork();
      const membership = await em.findOneOrFail(Membership, { user: first!.user.id });
      expect(membership.role).toBe('admin');
      expect(membership.project.id).toBe(first!.project.id);
      expect((await findApiToken(em, token))?.user.id).toBe(first!.user.id);
      expect(await ensureFirstAdmin(fresh.db.fork())).toBeNull();
      expect(await em.count(ApiToken, {})).toBe(1);
    } finally {
      await fresh.cleanup();
    }
  });

  test('generates a token when none is given, and refuses a weak one', async () => {
    const fresh = await createTestDatabase();
    try {
      await expect(ensureFirstAdmin(fresh.db.fork(), 'hunter2')).rejects.toThrow(
        /STRAND_ADMIN_TOKEN must be "strand_" followed by 32–200 .* \(got 7 characters\)/,
      );
      const first = await ensureFirstAdmin(fresh.db.fork());
      expect(first?.generated).toBe(true);
      expect(first?.token).toMatch(/^strand_[A-Za-z0-9_-]{43}$/);
    } finally {
      await fresh.cleanup();
    }
  });
});
