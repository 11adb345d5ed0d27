/**
 * Changes to who belongs to a project, each in one transaction that first takes the project's
 * row lock (an UPDATE of the row: FOR UPDATE semantics on PostgreSQL, the write lock on SQLite),
 * so two ADMINs demoting each other at once cannot leave a project without one: every project
 * keeps at least one ADMIN. Each change is recorded in the audit log in the same transaction.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Membership } from '../entities/membership.entity.ts';
import { Project } from '../entities/project.entity.ts';
import type { Role } from '../entities/role.ts';
import { User } from '../entities/user.entity.ts';
import { AccessError } from './access-error.ts';
import { ACCESS_LIMITS } from './access-limits.ts';
import { recordAudit } from './audit.ts';

/** Serialises changes to one project's members (see the file comment). */
export async function lockProject(em: EntityManager, projectId: string): Promise<void> {
  const locked = await em.nativeUpdate(Project, { id: projectId }, { updatedAt: new Date() });
  if (!locked) throw new AccessError('NOT_FOUND', 'projectId', `no project with id "${projectId}"`);
}

async function refuseLastAdmin(em: EntityManager, membership: Membership, doing: string) {
  if (membership.role !== 'admin') return;
  const admins = await em.count(Membership, { project: membership.project.id, role: 'admin' });
  if (admins <= 1) {
    throw new AccessError(
      'LAST_ADMIN',
      'userId',
      `${doing} would leave the project without an ADMIN; make another member ADMIN first`,
    );
  }
}

/** Refuses a membership that would take a user or a project over its limit. */
export async function checkRoomFor(em: EntityManager, projectId: string, userId: string) {
  if ((await em.count(Membership, { user: userId })) >= ACCESS_LIMITS.projectsPerUser) {
    throw new AccessError(
      'TOO_MANY_PROJECTS',
      'userId',
      `a user may belong to at most ${ACCESS_LIMITS.projectsPerUser} projects`,
    );
  }
  if ((await em.count(Membership, { project: projectId })) >= ACCESS_LIMITS.membersPerProject) {
    throw new AccessError(
      'TOO_MANY_MEMBERS',
      'projectId',
      `a project may have at most ${ACCESS_LIMITS.membersPerProject} members`,
    );
  }
}

async function memberOrFail(em: EntityManager, projectId: string, userId: string) {
  const membership = await em.findOne(Membership, { project: projectId, user: userId });
  if (!membership) {
    throw new AccessError(
      'NOT_A_MEMBER',
      'userId',
      `user "${userId}" is not a member of this project`,
    );
  }
  return membership;
}

/** Changes a member's role; refuses to demote the last ADMIN. */
export async function changeRole(
  em: EntityManager,
  change: { projectId: string; userId: string; role: Role; actorId: string },
): Promise<Membership> {
  return em.transactional(async (tx) => {
    await lockProject(tx, change.projectId);
    const membership = await memberOrFail(tx, change.projectId, change.userId);
    if (membership.role === change.role) return membership;
    if (change.role !== 'admin') await refuseLastAdmin(tx, membership, 'this change');
    const before = membership.role;
    membership.role = change.role;
    recordAudit(
      tx,
      'MEMBER_ROLE_CHANGED',
      { project: change.projectId, actor: change.actorId, subject: change.userId },
      { from: before, to: change.role },
    );
    return membership;
  });
}

/** Removes a member (an ADMIN removing someone, or a member leaving); never the last ADMIN. */
export async function removeMember(
  em: EntityManager,
  change: { projectId: string; userId: string; actorId: string },
): Promise<void> {
  await em.transactional(async (tx) => {
    await lockProject(tx, change.projectId);
    const membership = await memberOrFail(tx, change.projectId, change.userId);
    await refuseLastAdmin(tx, membership, 'removing this member');
    tx.remove(membership);
    recordAudit(
      tx,
      'MEMBER_REMOVED',
      { project: change.projectId, actor: change.actorId, subject: change.userId },
      { role: membership.role, left: change.actorId === change.userId },
    );
  });
}

/**
 * Makes a user a member (inside the caller's transaction, after lockProject): for a new project's
 * creator, a user an ADMIN creates, or an accepted invitation.
 */
export async function addMembership(
  em: EntityManager,
  projectId: string,
  userId: string,
  role: Role,
): Promise<Membership> {
  await checkRoomFor(em, projectId, userId);
  const membership = new Membership(
    em.getReference(User, userId),
    em.getReference(Project, projectId),
    role,
  );
  em.persist(membership);
  return membership;
}
