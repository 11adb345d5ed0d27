import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import {
  addMembership,
  ApiToken as ApiTokenEntity,
  createApiToken,
  Invitation as InvitationEntity,
  liveTokens,
  lockProject,
  Project as ProjectEntity,
  recordAudit,
  User as UserEntity,
} from '@strand/data';
import { accessError, userError } from '../auth/access.ts';
import type { StrandContext } from '../context.ts';
import { CreateUserInput } from '../inputs/create-user.input.ts';
import { ApiToken } from '../types/api-token.type.ts';
import { Invitation } from '../types/invitation.type.ts';
import { Me } from '../types/me.type.ts';
import { CreateTokenPayload, CreateUserPayload } from '../types/payloads.type.ts';
import { Project } from '../types/project.type.ts';
import { User } from '../types/user.type.ts';
import { accessUserErrors } from './access.resolver.ts';

const NAME_MAX = 100;

@Resolver()
export class MeResolver {
  @Query(() => Me, {
    description:
      'The caller: their projects (with roles), their live tokens and the invitations waiting for them.',
  })
  async me(@Ctx() { em, viewer }: StrandContext): Promise<Me> {
    const projects = await em.find(
      ProjectEntity,
      { id: { $in: viewer.projectIds } },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    const tokens = await em.find(
      ApiTokenEntity,
      { $and: [{ user: viewer.userId }, liveTokens()] },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const invitations = await em.find(
      InvitationEntity,
      { user: viewer.userId, status: 'PENDING' },
      { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['project', 'user', 'invitedBy'] },
    );
    return Object.assign(new Me(), {
      id: viewer.userId,
      name: viewer.userName,
      projects: projects.map((p) => Project.from(p, viewer.roleIn(p.id) ?? 'viewer')),
      tokens: tokens.map(ApiToken.from),
      invitations: invitations.map(Invitation.from),
    });
  }

  @Mutation(() => CreateTokenPayload, {
    description:
      'Makes a new API token for the caller (at most 20 live ones; optionally expiring); the token is in this answer only.',
  })
  async createToken(
    @Arg('name', () => String) name: string,
    @Arg('expiresAt', () => DateTimeISOResolver, {
      nullable: true,
      description: 'When it stops working by itself (at most 10 years away); default never.',
    })
    expiresAt: Date | null,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<CreateTokenPayload> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > NAME_MAX) {
      const error = userError('name', 'OUT_OF_RANGE', `name must be 1–${NAME_MAX} characters`);
      return { token: null, apiToken: null, userErrors: [error] };
    }
    const user = await em.findOneOrFail(UserEntity, { id: viewer.userId });
    try {
      const issued = await createApiToken(em, {
        user,
        name: trimmed,
        expiresAt: expiresAt ?? null,
        actorId: viewer.userId,
      });
      return { token: issued.token, apiToken: ApiToken.from(issued.apiToken), userErrors: [] };
    } catch (error) {
      return { token: null, apiToken: null, userErrors: accessUserErrors(error) };
    }
  }

  @Mutation(() => CreateUserPayload, {
    description:
      'Makes a user with a role in a project, and their first token (in this answer only). Needs ADMIN of the project. (An existing user joins a project by accepting an invitation: inviteMember.)',
  })
  async createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<CreateUserPayload> {
    const { projectId } = input;
    const denied = accessError(
      viewer,
      projectId,
      'admin',
      'projectId',
      `no project with id "${projectId}"`,
    );
    if (denied) return { user: null, token: null, userErrors: [denied] };
    const name = input.name.trim();
    if (!name || name.length > NAME_MAX) {
      const error = userError('name', 'OUT_OF_RANGE', `name must be 1–${NAME_MAX} characters`);
      return { user: null, token: null, userErrors: [error] };
    }
    try {
      return await em.transactional(async (tx) => {
        await lockProject(tx, projectId);
        const user = new UserEntity(name);
        tx.persist(user);
        await addMembership(tx, projectId, user.id, input.role);
        recordAudit(
          tx,
          'USER_CREATED',
          { project: projectId, actor: viewer.userId, subject: user.id },
          { role: input.role },
        );
        const issued = await createApiToken(tx, {
          user,
          name: 'first token',
          actorId: viewer.userId,
        });
        return { user: User.of(user.id, user.name), token: issued.token, userErrors: [] };
      });
    } catch (error) {
      return { user: null, token: null, userErrors: accessUserErrors(error) };
    }
  }
}
