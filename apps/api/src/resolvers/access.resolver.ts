/**
 * The access lifecycle: invitations (an ADMIN offers, the user accepts or declines, an ADMIN may
 * cancel), removing members (or leaving), revoking tokens, and the audit log. Every change that
 * narrows someone's access takes effect at once: the authentication cache is emptied and their
 * WebSockets are closed (AccessChanges).
 */
import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  AccessError,
  ApiToken as ApiTokenEntity,
  AuditEvent as AuditEventEntity,
  cancelInvitation,
  Invitation as InvitationEntity,
  inviteMember,
  Membership as MembershipEntity,
  paginate,
  projectAuditFilter,
  removeMember,
  respondToInvitation,
  revokeApiToken,
} from '@strand/data';
import { accessError, userError } from '../auth/access.ts';
import type { StrandContext } from '../context.ts';
import { checkPageSize } from '../limits/page-size.ts';
import { ApiToken } from '../types/api-token.type.ts';
import { AuditEventConnection, AuditEvent } from '../types/audit-event.type.ts';
import { Invitation, InvitationPayload } from '../types/invitation.type.ts';
import { RemoveMemberPayload, RevokeTokenPayload } from '../types/payloads.type.ts';
import { Role } from '../types/role.enum.ts';
import type { UserError } from '../types/user-error.type.ts';
import { badCursor } from './page-of.ts';
import { ProjectPageArgs } from './project-page.args.ts';

/** An AccessError as the userError it is; anything else is rethrown. */
export function accessUserErrors(error: unknown): UserError[] {
  if (error instanceof AccessError) return [userError(error.field, error.code, error.message)];
  throw error;
}

async function loadInvitation(ctx: StrandContext, id: string): Promise<Invitation> {
  const entity = await ctx.em.findOneOrFail(
    InvitationEntity,
    { id },
    { populate: ['project', 'user', 'invitedBy'] },
  );
  return Invitation.from(entity);
}

@Resolver()
export class AccessResolver {
  @Mutation(() => InvitationPayload, {
    description:
      'Invites an existing user to a project with a role; they become a member when they accept (acceptInvitation). Needs ADMIN of the project.',
  })
  async inviteMember(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: StrandContext,
  ): Promise<InvitationPayload> {
    const { viewer } = ctx;
    const denied = accessError(
      viewer,
      projectId,
      'admin',
      'projectId',
      `no project with id "${projectId}"`,
    );
    if (denied) return { invitation: null, userErrors: [denied] };
    try {
      const made = await inviteMember(ctx.em, { projectId, userId, role, actorId: viewer.userId });
      return { invitation: await loadInvitation(ctx, made.id), userErrors: [] };
    } catch (error) {
      return { invitation: null, userErrors: accessUserErrors(error) };
    }
  }

  @Mutation(() => InvitationPayload, {
    description: 'Accepts an invitation made to the caller: they become a member with its role.',
  })
  acceptInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: StrandContext) {
    return this.respond(ctx, id, true);
  }

  @Mutation(() => InvitationPayload, { description: 'Declines an invitation made to the caller.' })
  declineInvitation(@Arg('id', () => ID) id: string, @Ctx() ctx: StrandContext) {
    return this.respond(ctx, id, false);
  }

  private async respond(
    ctx: StrandContext,
    id: string,
    accept: boolean,
  ): Promise<InvitationPayload> {
    try {
      await respondToInvitation(ctx.em, { invitationId: id, userId: ctx.viewer.userId, accept });
      if (accept) ctx.access.changed([ctx.viewer.userId]);
      return { invitation: await loadInvitation(ctx, id), userErrors: [] };
    } catch (error) {
      return { invitation: null, userErrors: accessUserErrors(error) };
    }
  }

  @Mutation(() => InvitationPayload, {
    description: 'Withdraws a pending invitation. Needs ADMIN of its project.',
  })
  async cancelInvitation(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: StrandContext,
  ): Promise<InvitationPayload> {
    const { viewer } = ctx;
    const administered = viewer.projectIds.filter((p) => viewer.can(p, 'admin'));
    try {
      await cancelInvitation(ctx.em, {
        invitationId: id,
        projectIds: administered,
        actorId: viewer.userId,
      });
      return { invitation: await loadInvitation(ctx, id), userErrors: [] };
    } catch (error) {
      return { invitation: null, userErrors: accessUserErrors(error) };
    }
  }

  @Mutation(() => RemoveMemberPayload, {
    description:
      'Removes a member from a project (needs ADMIN), or the caller leaves it (userId = their own). The last ADMIN can neither leave nor be removed (LAST_ADMIN). Their access ends at once.',
  })
  async removeMember(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: StrandContext,
  ): Promise<RemoveMemberPayload> {
    const { viewer } = ctx;
    const leaving = userId === viewer.userId;
    const denied = accessError(
      viewer,
      projectId,
      leaving ? 'viewer' : 'admin',
      'projectId',
      `no project with id "${projectId}"`,
    );
    if (denied) return { removed: false, userErrors: [denied] };
    try {
      await removeMember(ctx.em, { projectId, userId, actorId: viewer.userId });
      ctx.access.changed([userId]);
      return { removed: true, userErrors: [] };
    } catch (error) {
      return { removed: false, userErrors: accessUserErrors(error) };
    }
  }

  @Mutation(() => RevokeTokenPayload, {
    description:
      'Revokes an API token at once (requests with it get 401 from then on). A user may revoke their own tokens; an ADMIN those of a user all of whose projects the ADMIN administers (a token opens every project of its user, so an ADMIN of one of them alone may not cut the others off: remove the member from your project instead).',
  })
  async revokeToken(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: StrandContext,
  ): Promise<RevokeTokenPayload> {
    const { em, viewer } = ctx;
    const notFound = userError('id', 'NOT_FOUND', `no live token with id "${id}"`);
    const token = await em.findOne(ApiTokenEntity, { id });
    if (!token) return { apiToken: null, userErrors: [notFound] };
    const ownerId = token.user.id;
    if (ownerId !== viewer.userId) {
      const theirs = await em.find(MembershipEntity, { user: ownerId });
      const shared = theirs.some((m) => viewer.canRead(m.project.id));
      // A token of a user the caller shares no project with does not exist for the caller.
      if (!shared) return { apiToken: null, userErrors: [notFound] };
      if (!theirs.every((m) => viewer.can(m.project.id, 'admin'))) {
        const message =
          "only the token's user, or an ADMIN of every project they belong to, may revoke it; remove them from your project instead";
        return { apiToken: null, userErrors: [userError('id', 'FORBIDDEN', message)] };
      }
    }
    try {
      await revokeApiToken(em, token, viewer.userId);
      ctx.access.changed([ownerId]);
      return { apiToken: ApiToken.from(token), userErrors: [] };
    } catch (error) {
      return { apiToken: null, userErrors: accessUserErrors(error) };
    }
  }

  @Query(() => AuditEventConnection, {
    description:
      "A project's audit log, newest first: membership changes (invitations included) and the token changes of its current members. Needs ADMIN of the project.",
  })
  async auditLog(
    @Arg('projectId', () => ID) projectId: string,
    @Args(() => ProjectPageArgs) { first, after }: ProjectPageArgs,
    @Ctx() { em, viewer }: StrandContext,
  ) {
    const denied = accessError(
      viewer,
      projectId,
      'admin',
      'projectId',
      `no project with id "${projectId}"`,
    );
    if (denied) throw new GraphQLError(denied.message, { extensions: { code: denied.code } });
    checkPageSize(first);
    try {
      const page = await paginate(em, AuditEventEntity, {
        first,
        after,
        where: await projectAuditFilter(em, projectId),
      });
      await em.populate(page.items, ['actor', 'subject']);
      return AuditEventConnection.from(page, AuditEvent.from);
    } catch (error) {
      throw badCursor(error);
    }
  }
}
