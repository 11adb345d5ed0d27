import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authCache } from '../auth/auth-cache.ts';
import {
  Dataset as DatasetEntity,
  Membership as MembershipEntity,
  Project as ProjectEntity,
  Run as RunEntity,
  User as UserEntity,
} from '@strand/data';
import { accessError, userError } from '../auth/access.ts';
import type { StrandContext } from '../context.ts';
import { CreateProjectInput } from '../inputs/create-project.input.ts';
import { Dataset, DatasetConnection } from '../types/dataset.type.ts';
import { Membership } from '../types/membership.type.ts';
import { AddMemberPayload, CreateProjectPayload } from '../types/payloads.type.ts';
import { Project } from '../types/project.type.ts';
import { Role } from '../types/role.enum.ts';
import { Run, RunConnection } from '../types/run.type.ts';
import { User } from '../types/user.type.ts';
import { pageOf } from './page-of.ts';
import { ProjectPageArgs } from './project-page.args.ts';
import { slugError, slugify } from './slug.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => [Project], {
    description: `The projects the caller is a member of, by name (at most ${BOUNDS.projectsPerUser}).`,
  })
  @ListBound(BOUNDS.projectsPerUser)
  async projects(@Ctx() { em, viewer }: StrandContext): Promise<Project[]> {
    const projects = await em.find(
      ProjectEntity,
      { id: { $in: viewer.projectIds } },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    return projects.map((p) => Project.from(p, viewer.roleIn(p.id) ?? 'viewer'));
  }

  @FieldResolver(() => [Membership], {
    description: `The project's members, in the order they joined (at most ${BOUNDS.membersPerProject}).`,
  })
  @ListBound(BOUNDS.membersPerProject, 'values')
  async members(@Root() project: Project, @Ctx() { em }: StrandContext): Promise<Membership[]> {
    const rows = await em.find(
      MembershipEntity,
      { project: project.id },
      { populate: ['user'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return rows.map((m) => toMembership(m, m.user.getEntity()));
  }

  @FieldResolver(() => RunConnection, { description: "The project's runs, newest first." })
  async runs(
    @Root() project: Project,
    @Args(() => ProjectPageArgs) args: ProjectPageArgs,
    @Ctx() ctx: StrandContext,
  ) {
    const page = await pageOf(ctx, RunEntity, { ...args, projectId: project.id });
    return RunConnection.from(page, Run.from);
  }

  @FieldResolver(() => DatasetConnection, {
    description: "The project's datasets, newest first.",
  })
  async datasets(
    @Root() project: Project,
    @Args(() => ProjectPageArgs) args: ProjectPageArgs,
    @Ctx() ctx: StrandContext,
  ) {
    const page = await pageOf(ctx, DatasetEntity, { ...args, projectId: project.id });
    return DatasetConnection.from(page, Dataset.from);
  }

  @Mutation(() => CreateProjectPayload, {
    description: 'Makes a project; the caller becomes its ADMIN.',
  })
  async createProject(
    @Arg('input', () => CreateProjectInput) input: CreateProjectInput,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<CreateProjectPayload> {
    const name = input.name.trim();
    if (!name || name.length > 100) {
      const error = userError('name', 'OUT_OF_RANGE', 'name must be 1–100 characters');
      return { project: null, userErrors: [error] };
    }
    const slug = input.slug ?? slugify(name);
    const bad = slugError(slug);
    if (bad) return { project: null, userErrors: [userError('slug', 'INVALID_SLUG', bad)] };
    if (await em.count(ProjectEntity, { slug })) {
      const error = userError('slug', 'SLUG_TAKEN', `a project with slug "${slug}" exists`);
      return { project: null, userErrors: [error] };
    }
    const project = new ProjectEntity(name, slug);
    em.persist([
      project,
      new MembershipEntity(em.getReference(UserEntity, viewer.userId), project, 'admin'),
    ]);
    await em.flush();
    authCache.clear();
    viewer.grant(project.id, 'admin');
    return { project: Project.from(project, 'admin'), userErrors: [] };
  }

  @Mutation(() => AddMemberPayload, {
    description: 'Gives a user a role in a project (or changes it). Needs ADMIN of the project.',
  })
  async addMember(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() { em, viewer }: StrandContext,
  ): Promise<AddMemberPayload> {
    const denied = accessError(
      viewer,
      projectId,
      'admin',
      'projectId',
      `no project with id "${projectId}"`,
    );
    if (denied) return { membership: null, userErrors: [denied] };
    const user = await em.findOne(UserEntity, { id: userId });
    if (!user) {
      const error = userError('userId', 'NOT_FOUND', `no user with id "${userId}"`);
      return { membership: null, userErrors: [error] };
    }
    let membership = await em.findOne(MembershipEntity, { user: userId, project: projectId });
    if (membership) membership.role = role;
    else {
      membership = new MembershipEntity(user, em.getReference(ProjectEntity, projectId), role);
      em.persist(membership);
    }
    await em.flush();
    authCache.clear();
    return { membership: toMembership(membership, user), userErrors: [] };
  }
}

/** The GraphQL Membership of a stored one. */
export function toMembership(m: MembershipEntity, user: UserEntity): Membership {
  return Object.assign(new Membership(), {
    projectId: m.project.id,
    user: User.of(user.id, user.name),
    role: m.role as Role,
    createdAt: m.createdAt,
  });
}
