import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Dataset as DatasetEntity, Project as ProjectEntity } from '@strand/data';
import type { StrandContext } from '../context.ts';
import { CreateDemoDatasetInput } from '../inputs/create-demo-dataset.input.ts';
import { Dataset, DatasetConnection } from '../types/dataset.type.ts';
import { JobPayload } from '../types/job-payloads.type.ts';
import { Project } from '../types/project.type.ts';
import { PaginationArgs } from './pagination.args.ts';
import { pageOf } from './page-of.ts';
import { startJobFor } from './job.resolver.ts';

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

  @Mutation(() => JobPayload, {
    description:
      'Makes a planted-motif demo dataset in a project as a job (projectId may be left out when the caller has exactly one): follow it with jobProgress (counted in records); its outputDataset is the dataset, added only once complete. Sizes, motifs and seed are checked first (userErrors, nothing queued). Needs EDITOR.',
  })
  async createDemoDataset(
    @Arg('input', () => CreateDemoDatasetInput) input: CreateDemoDatasetInput,
    @Ctx() ctx: StrandContext,
  ): Promise<JobPayload> {
    return startJobFor(ctx, 'CREATE_DEMO_DATASET', input.projectId, {
      name: input.name ?? null,
      sequences: input.sequences,
      length: input.length,
      motifs: input.motifs ?? null,
      seed: input.seed ?? null,
    });
  }
}
