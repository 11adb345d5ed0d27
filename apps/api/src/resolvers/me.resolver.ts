import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  ApiToken as ApiTokenEntity,
  issueApiToken,
  Membership as MembershipEntity,
  Project as ProjectEntity,
  User as UserEntity,
} from '@strand/data';
import { accessError, userError } from '../auth/access.ts';
import type { StrandContext } from '../context.ts';
import { CreateUserInput } from '../inputs/create-user.input.ts';
import { ApiToken } from '../types/api-token.type.ts';
import { Me } from '../types/me.type.ts';
import { CreateTokenPayload, CreateUserPayload } from '../types/payloads.type.ts';
import { Project } from '../types/project.type.ts';
import { User } from '../types/user.type.ts';

const NAME_MAX = 100;

@Resolver()
export class MeResolver {
  @Query(() => Me, { description: 'The caller: their projects (with roles) and their tokens.' })
  async me(@Ctx() { em, viewer }: StrandContext): Promise<Me> {
    const projects = await em.find(
      ProjectEntity,
      { id: { $in: viewer.projectIds } },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    const tokens = await em.find(
      ApiTokenEntity,
      { user: viewer.userId },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return Object.assign(new Me(), {
      id: viewer.userId,
      name: viewer.userName,
      projects: projects.map((p) => Project.from(p, viewer.roleIn(p.id) ?? 'viewer')),
      tokens: tokens.map(ApiToken.from),
    });
  }

  @Mutation(() => CreateTokenPayload, {
    description: 'Makes a new API token for the caller; the token is in this answer only.',
  })
  async createToken(
    @Arg('name', () => String) name: string,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<CreateTokenPayload> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > NAME_MAX) {
      const error = userError('name', 'OUT_OF_RANGE', `name must be 1–${NAME_MAX} characters`);
      return { token: null, apiToken: null, userErrors: [error] };
    }
    const user = await em.findOneOrFail(UserEntity, { id: viewer.userId });
    const issued = await issueApiToken(em, user, trimmed);
    return { token: issued.token, apiToken: ApiToken.from(issued.apiToken), userErrors: [] };
  }

  @Mutation(() => CreateUserPayload, {
    description:
      'Makes a user with a role in a project, and their first token (in this answer only). Needs ADMIN of the project.',
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
    const user = new UserEntity(name);
    em.persist([
      user,
      new MembershipEntity(user, em.getReference(ProjectEntity, projectId), input.role),
    ]);
    const issued = await issueApiToken(em, user, 'first token');
    return { user: User.of(user.id, user.name), token: issued.token, userErrors: [] };
  }
}
