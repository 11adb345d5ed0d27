import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  AccessError,
  ACCESS_LIMITS,
  addMembership,
  changeRole,
  Dataset as DatasetEntity,
  Invitation as InvitationEntity,
  Membership as MembershipEntity,
  Project as ProjectEntity,
  recordAudit,
  Run as RunEntity,
  User as UserEntity,
} from '@strand/data';
import { mayCreateProject } from '../auth/project-creators.ts';
import { Invitation } from '../types/invitation.type.ts';
import { accessUserErrors } from './access.resolver.ts';
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

  @FieldResolver(() => [Invitation], {
    description: `Pending invitations to the project (at most ${ACCESS_LIMITS.pendingInvitations}); empty unless the caller is its ADMIN.`,
  })
  @ListBound(ACCESS_LIMITS.pendingInvitations, 'values')
  async invitations(@Root() project: Project, @Ctx() { em, viewer }: StrandContext) {
    if (!viewer.can(project.id, 'admin')) return [];
    const rows = await em.find(
      InvitationEntity,
      { project: project.id, status: 'PENDING' },
      { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['project', 'user', 'invitedBy'] },
    );
    return rows.map(Invitation.from);
  }

  @Mutation(() => CreateProjectPayload, {
    description:
      'Makes a project; the caller becomes its ADMIN. Who may is set by STRAND_PROJECT_CREATORS (default: EDITORs and ADMINs of any project).',
  })
  async createProject(
    @Arg('input', () => CreateProjectInput) input: CreateProjectInput,
    @Ctx() ctx: StrandContext,
  ): Promise<CreateProjectPayload> {
    const { em, viewer } = ctx;
    if (!mayCreateProject(viewer, ctx.projectCreators)) {
      const who = ctx.projectCreators === 'admin' ? 'ADMINs' : 'EDITORs and ADMINs';
      const error = userError(
        'input',
        'FORBIDDEN',
        `only ${who} of a project may create projects here`,
      );
      return { project: null, userErrors: [error] };
    }
    const name = input.name.trim();
    if (!name || name.length > 100) {
      const error = userError('name', 'OUT_OF_RANGE', 'name must be 1–100 characters');
      return { project: null, userErrors: [error] };
    }
    const slug = input.slug ?? slugify(name);
    const bad = slugError(slug);
    if (bad) return { project: null, userErrors: [userError('slug', 'INVALID_SLUG', bad)] };
    // Slugs are unique among the caller's projects only: a check against every project would
    // tell the caller which slugs other teams use.
    if (await em.count(ProjectEntity, { slug, id: { $in: viewer.projectIds } })) {
      const error = userError('slug', 'SLUG_TAKEN', `one of your projects has the slug "${slug}"`);
      return { project: null, userErrors: [error] };
    }
    const project = new ProjectEntity(name, slug);
    try {
      await em.transactional(async (tx) => {
        tx.persist(project);
        await addMembership(tx, project.id, viewer.userId, 'admin');
        recordAudit(tx, 'PROJECT_CREATED', {
          project: project.id,
          actor: viewer.userId,
          subject: viewer.userId,
        });
      });
    } catch (error) {
      return { project: null, userErrors: accessUserErrors(error) };
    }
    ctx.access.changed([viewer.userId]);
    viewer.grant(project.id, 'admin');
    return { project: Project.from(project, 'admin'), userErrors: [] };
  }

  @Mutation(() => AddMemberPayload, {
    description:
      "Changes a member's role. Needs ADMIN of the project; the last ADMIN cannot be demoted (LAST_ADMIN). A user who is not a member is invited instead (inviteMember): nobody joins a project without accepting.",
  })
  async addMember(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: StrandContext,
  ): Promise<AddMemberPayload> {
    const { em, viewer } = ctx;
    const denied = accessError(
      viewer,
      projectId,
      'admin',
      'projectId',
      `no project with id "${projectId}"`,
    );
    if (denied) return { membership: null, userErrors: [denied] };
    try {
      const membership = await changeRole(em, { projectId, userId, role, actorId: viewer.userId });
      ctx.access.changed([userId]);
      const user = await em.findOneOrFail(UserEntity, { id: userId });
      return { membership: toMembership(membership, user), userErrors: [] };
    } catch (error) {
      if (error instanceof AccessError && error.code === 'NOT_A_MEMBER') {
        const message = `user "${userId}" is not a member of this project: invite them (inviteMember); they join when they accept`;
        return { membership: null, userErrors: [userError('userId', 'NOT_A_MEMBER', message)] };
      }
      return { membership: null, userErrors: accessUserErrors(error) };
    }
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
