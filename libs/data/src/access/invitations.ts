/**
 * Invitations: an ADMIN offers a role, the user accepts (becoming a member) or declines; an ADMIN
 * may cancel a pending one. Nobody joins a project without having accepted.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Invitation } from '../entities/invitation.entity.ts';
import { Membership } from '../entities/membership.entity.ts';
import { Project } from '../entities/project.entity.ts';
import type { Role } from '../entities/role.ts';
import { User } from '../entities/user.entity.ts';
import { AccessError } from './access-error.ts';
import { ACCESS_LIMITS } from './access-limits.ts';
import { recordAudit } from './audit.ts';
import { addMembership, lockProject } from './memberships.ts';

/** Invites an existing user to a project (the caller checked the ADMIN role). */
export async function inviteMember(
  em: EntityManager,
  offer: { projectId: string; userId: string; role: Role; actorId: string },
): Promise<Invitation> {
  return em.transactional(async (tx) => {
    await lockProject(tx, offer.projectId);
    if (!(await tx.count(User, { id: offer.userId }))) {
      throw new AccessError('NOT_FOUND', 'userId', `no user with id "${offer.userId}"`);
    }
    if (await tx.count(Membership, { project: offer.projectId, user: offer.userId })) {
      throw new AccessError(
        'ALREADY_MEMBER',
        'userId',
        'the user is a member already: change their role with addMember',
      );
    }
    const pending = { status: 'PENDING' as const };
    if (await tx.count(Invitation, { ...pending, project: offer.projectId, user: offer.userId })) {
      throw new AccessError(
        'ALREADY_INVITED',
        'userId',
        'the user has a pending invitation to this project',
      );
    }
    for (const [where, who] of [
      [{ user: offer.userId }, 'the user'],
      [{ project: offer.projectId }, 'the project'],
    ] as const) {
      if (
        (await tx.count(Invitation, { ...pending, ...where })) >= ACCESS_LIMITS.pendingInvitations
      ) {
        throw new AccessError(
          'TOO_MANY_INVITATIONS',
          'userId',
          `${who} has ${ACCESS_LIMITS.pendingInvitations} pending invitations, the most allowed`,
        );
      }
    }
    const invitation = new Invitation(
      tx.getReference(Project, offer.projectId),
      tx.getReference(User, offer.userId),
      tx.getReference(User, offer.actorId),
      offer.role,
    );
    tx.persist(invitation);
    recordAudit(
      tx,
      'MEMBER_INVITED',
      { project: offer.projectId, actor: offer.actorId, subject: offer.userId },
      { role: offer.role, invitationId: invitation.id },
    );
    return invitation;
  });
}

async function pendingOrFail(em: EntityManager, id: string, where: object): Promise<Invitation> {
  const invitation = await em.findOne(Invitation, { id, ...where });
  if (!invitation) throw new AccessError('NOT_FOUND', 'id', `no invitation with id "${id}"`);
  if (invitation.status !== 'PENDING') {
    throw new AccessError('INVITATION_CLOSED', 'id', `the invitation is ${invitation.status}`);
  }
  return invitation;
}

/** The invited user accepts (becoming a member with the offered role) or declines. */
export async function respondToInvitation(
  em: EntityManager,
  answer: { invitationId: string; userId: string; accept: boolean },
): Promise<Invitation> {
  return em.transactional(async (tx) => {
    // Only the invitee may answer; anyone else learns only that there is no such invitation.
    const found = await pendingOrFail(tx, answer.invitationId, { user: answer.userId });
    const projectId = found.project.id;
    await lockProject(tx, projectId);
    const invitation = await pendingOrFail(tx, answer.invitationId, { user: answer.userId });
    if (answer.accept) await addMembership(tx, projectId, answer.userId, invitation.role);
    invitation.status = answer.accept ? 'ACCEPTED' : 'DECLINED';
    invitation.respondedAt = new Date();
    recordAudit(
      tx,
      answer.accept ? 'INVITATION_ACCEPTED' : 'INVITATION_DECLINED',
      { project: projectId, actor: answer.userId, subject: answer.userId },
      { role: invitation.role, invitationId: invitation.id },
    );
    return invitation;
  });
}

/** An ADMIN of the invitation's project withdraws it (the caller checked the role). */
export async function cancelInvitation(
  em: EntityManager,
  cancel: { invitationId: string; projectIds: readonly string[]; actorId: string },
): Promise<Invitation> {
  return em.transactional(async (tx) => {
    const invitation = await pendingOrFail(tx, cancel.invitationId, {
      project: { $in: [...cancel.projectIds] },
    });
    invitation.status = 'CANCELLED';
    invitation.respondedAt = new Date();
    recordAudit(
      tx,
      'INVITATION_CANCELLED',
      { project: invitation.project.id, actor: cancel.actorId, subject: invitation.user.id },
      { role: invitation.role, invitationId: invitation.id },
    );
    return invitation;
  });
}
