import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findApiToken } from '../auth/find-token.ts';
import { AuditEvent } from '../entities/audit-event.entity.ts';
import { Membership } from '../entities/membership.entity.ts';
import type { Role } from '../entities/role.ts';
import { User } from '../entities/user.entity.ts';
import { paginate } from '../queries/paginate.ts';
import { createTestDatabase, saveTestProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { AccessError } from './access-error.ts';
import { ACCESS_LIMITS } from './access-limits.ts';
import { projectAuditFilter } from './audit.ts';
import { cancelInvitation, inviteMember, respondToInvitation } from './invitations.ts';
import { addMembership, changeRole, removeMember } from './memberships.ts';
import { createApiToken, revokeApiToken, tokenRefusal } from './tokens.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function user(name: string): Promise<User> {
  const em = testDb.db.fork();
  const u = new User(name);
  em.persist(u);
  await em.flush();
  return u;
}

async function project(members: [User, Role][]): Promise<string> {
  const em = testDb.db.fork();
  const id = await saveTestProject(em);
  for (const [u, role] of members) await addMembership(em, id, u.id, role);
  await em.flush();
  return id;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AccessError ? error.code : String(error)),
  );

describe('memberships keep an ADMIN', () => {
  test('the last ADMIN can neither be demoted, removed nor leave; with two, one can', async () => {
    const [ada, bo] = [await user('ada'), await user('bo')];
    const id = await project([
      [ada, 'admin'],
      [bo, 'editor'],
    ]);
    const em = () => testDb.db.fork();
    const change = { projectId: id, actorId: ada.id };
    expect(await code(changeRole(em(), { ...change, userId: ada.id, role: 'editor' }))).toBe(
      'LAST_ADMIN',
    );
    expect(await code(removeMember(em(), { ...change, userId: ada.id }))).toBe('LAST_ADMIN');
    expect(await code(changeRole(em(), { ...change, userId: bo.id, role: 'admin' }))).toBe('ok');
    expect(await code(changeRole(em(), { ...change, userId: ada.id, role: 'viewer' }))).toBe('ok');
    expect(await code(removeMember(em(), { ...change, userId: bo.id }))).toBe('LAST_ADMIN');
    expect(await code(removeMember(em(), { ...change, userId: ada.id }))).toBe('ok');
    expect(await code(removeMember(em(), { ...change, userId: ada.id }))).toBe('NOT_A_MEMBER');
  });

  test('two ADMINs demoting each other at once leave one ADMIN', async () => {
    const [a, b] = [await user('a'), await user('b')];
    const id = await project([
      [a, 'admin'],
      [b, 'admin'],
    ]);
    const results = await Promise.all([
      code(
        changeRole(testDb.db.fork(), {
          projectId: id,
          userId: a.id,
          role: 'viewer',
          actorId: b.id,
        }),
      ),
      code(
        changeRole(testDb.db.fork(), {
          projectId: id,
          userId: b.id,
          role: 'viewer',
          actorId: a.id,
        }),
      ),
    ]);
    expect(results.sort()).toEqual(['LAST_ADMIN', 'ok']);
    expect(await testDb.db.fork().count(Membership, { project: id, role: 'admin' })).toBe(1);
  });
});

describe('invitations', () => {
  test('a user joins only by accepting; declined and cancelled ones add nobody', async () => {
    const [admin, guest, other] = [await user('admin'), await user('guest'), await user('other')];
    const id = await project([[admin, 'admin']]);
    const em = () => testDb.db.fork();
    const invited = await inviteMember(em(), {
      projectId: id,
      userId: guest.id,
      role: 'editor',
      actorId: admin.id,
    });
    expect(await em().count(Membership, { project: id, user: guest.id })).toBe(0);
    expect(
      await code(
        inviteMember(em(), { projectId: id, userId: guest.id, role: 'viewer', actorId: admin.id }),
      ),
    ).toBe('ALREADY_INVITED');
    // Only the invitee can answer; anyone else sees no such invitation.
    expect(
      await code(
        respondToInvitation(em(), { invitationId: invited.id, userId: other.id, accept: true }),
      ),
    ).toBe('NOT_FOUND');
    await respondToInvitation(em(), { invitationId: invited.id, userId: guest.id, accept: true });
    expect((await em().findOneOrFail(Membership, { project: id, user: guest.id })).role).toBe(
      'editor',
    );
    expect(
      await code(
        respondToInvitation(em(), { invitationId: invited.id, userId: guest.id, accept: true }),
      ),
    ).toBe('INVITATION_CLOSED');
    expect(
      await code(
        inviteMember(em(), { projectId: id, userId: guest.id, role: 'viewer', actorId: admin.id }),
      ),
    ).toBe('ALREADY_MEMBER');

    const second = await inviteMember(em(), {
      projectId: id,
      userId: other.id,
      role: 'viewer',
      actorId: admin.id,
    });
    await respondToInvitation(em(), { invitationId: second.id, userId: other.id, accept: false });
    const third = await inviteMember(em(), {
      projectId: id,
      userId: other.id,
      role: 'viewer',
      actorId: admin.id,
    });
    expect(
      await code(
        cancelInvitation(em(), { invitationId: third.id, projectIds: [], actorId: admin.id }),
      ),
    ).toBe('NOT_FOUND');
    await cancelInvitation(em(), { invitationId: third.id, projectIds: [id], actorId: admin.id });
    expect(await em().count(Membership, { project: id, user: other.id })).toBe(0);

    const log = await paginate(em(), AuditEvent, {
      first: 100,
      where: await projectAuditFilter(em(), id),
    });
    expect(log.items.map((e) => e.action).reverse()).toEqual([
      'MEMBER_INVITED',
      'INVITATION_ACCEPTED',
      'MEMBER_INVITED',
      'INVITATION_DECLINED',
      'MEMBER_INVITED',
      'INVITATION_CANCELLED',
    ]);
  });
});

describe('tokens', () => {
  test('expire, are revoked for good, are capped per user, and are audited without the secret', async () => {
    const owner = await user('owner');
    const em = testDb.db.fork();
    const soon = new Date(Date.now() + 60_000);
    const { token, apiToken } = await createApiToken(em, {
      user: owner,
      name: 'ci',
      expiresAt: soon,
      actorId: owner.id,
    });
    expect(tokenRefusal(apiToken)).toBeNull();
    expect(tokenRefusal(apiToken, new Date(soon.getTime() + 1))).toBe('expired');
    expect(
      await code(
        createApiToken(em, {
          user: owner,
          name: 'x',
          expiresAt: new Date(Date.now() - 1),
          actorId: owner.id,
        }),
      ),
    ).toBe('BAD_EXPIRY');
    await revokeApiToken(em, apiToken, owner.id);
    const found = await findApiToken(testDb.db.fork(), token);
    expect(found && tokenRefusal(found)).toBe('revoked');
    expect(await code(revokeApiToken(em, apiToken, owner.id))).toBe('NOT_FOUND');
    for (let i = 0; i < ACCESS_LIMITS.tokensPerUser; i++) {
      await createApiToken(em, { user: owner, name: `t${i}`, actorId: owner.id });
    }
    expect(
      await code(createApiToken(em, { user: owner, name: 'one more', actorId: owner.id })),
    ).toBe('TOO_MANY_TOKENS');
    const events = await testDb.db
      .fork()
      .find(AuditEvent, { subject: owner.id, action: { $like: 'TOKEN_%' } });
    expect(events).toHaveLength(ACCESS_LIMITS.tokensPerUser + 2);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(token);
  });
});
