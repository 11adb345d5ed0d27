import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Dataset as DatasetEntity, Project as ProjectEntity } from '@strand/data';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { CreateDemoDatasetInput } from '../inputs/create-demo-dataset.input.ts';
import { Dataset, DatasetConnection } from '../types/dataset.type.ts';
import { CreateDatasetPayload } from '../types/payloads.type.ts';
import { Project } from '../types/project.type.ts';
import { toUserErrors } from '../types/user-error.type.ts';
import { PaginationArgs } from './pagination.args.ts';
import { pageOf } from './page-of.ts';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => DatasetConnection, {
    description: "Datasets of the caller's projects, newest first.",
  })
  async datasets(@Args(() => PaginationArgs) args: PaginationArgs, @Ctx() ctx: StrandContext) {
    const page = await pageOf(ctx, DatasetEntity, args);
    return DatasetConnection.from(page, Dataset.from);
  }

  @Query(() => Dataset, {
    nullable: true,
    description: 'A dataset by id; null when it does not exist or is in a project of others.',
  })
  async dataset(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: StrandContext) {
    const entity = await em.findOne(DatasetEntity, { id, project: { $in: viewer.projectIds } });
    return entity ? Dataset.from(entity) : null;
  }

  @FieldResolver(() => Project)
  async project(@Root() dataset: Dataset, @Ctx() { em, viewer }: StrandContext) {
    const project = await em.findOneOrFail(ProjectEntity, { id: dataset.projectId });
    return Project.from(project, viewer.roleIn(project.id) ?? 'viewer');
  }

  @Mutation(() => CreateDatasetPayload, {
    description:
      'Makes a planted-motif demo dataset in a project (projectId may be left out when the caller has exactly one). Needs EDITOR.',
  })
  async createDemoDataset(
    @Arg('input', () => CreateDemoDatasetInput) input: CreateDemoDatasetInput,
    @Ctx() { em, jobs, viewer }: StrandContext,
  ): Promise<CreateDatasetPayload> {
    const target = targetProject(viewer, input.projectId, 'editor');
    if ('error' in target) return { dataset: null, userErrors: [target.error] };
    const outcome = await jobs.createDemoDataset(em, { ...input, projectId: target.projectId });
    return outcome.ok
      ? { dataset: Dataset.from(outcome.value), userErrors: [] }
      : { dataset: null, userErrors: toUserErrors(outcome.errors) };
  }
}
