import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  datasetDerived,
  Job as JobEntity,
  ModelVersion as ModelVersionEntity,
  paginate,
  Run as RunEntity,
} from '@strand/data';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { StrandContext } from '../context.ts';
import { checkPageSize } from '../limits/page-size.ts';
import { Job, JobConnection } from '../types/job.type.ts';
import { DatasetDerived } from '../types/lineage.type.ts';
import { ModelVersion, ModelVersionConnection } from '../types/model-version.type.ts';
import { Run, RunConnection } from '../types/run.type.ts';
import { badCursor } from './page-of.ts';
import { ProjectPageArgs } from './project-page.args.ts';

/**
 * What was made from a dataset, each a connection newest first: a dataset may have thousands of
 * runs, and `derived { runs { dataset { derived { runs … } } } }` once returned millions of
 * nodes (issue 18). The dataset was reachable, so the caller reads its project; everything made
 * from it is in that project too, and the project filter says so again.
 */
@Resolver(() => DatasetDerived)
export class DatasetDerivedResolver {
  @FieldResolver(() => RunConnection, { description: 'Runs trained on it, newest first.' })
  async runs(
    @Root() derived: DatasetDerived,
    @Args(() => ProjectPageArgs) args: ProjectPageArgs,
    @Ctx() { em }: StrandContext,
  ) {
    const where = datasetDerived(derived.datasetId).runs;
    return RunConnection.from(await page(em, RunEntity, derived, where, args), Run.from);
  }

  @FieldResolver(() => ModelVersionConnection, {
    description: 'Model versions registered from those runs, newest first.',
  })
  async modelVersions(
    @Root() derived: DatasetDerived,
    @Args(() => ProjectPageArgs) args: ProjectPageArgs,
    @Ctx() { em }: StrandContext,
  ) {
    const where = datasetDerived(derived.datasetId).modelVersions;
    const items = await page(em, ModelVersionEntity, derived, where, args);
    return ModelVersionConnection.from(items, ModelVersion.from);
  }

  @FieldResolver(() => JobConnection, {
    description:
      'Jobs that read it (scorings, explanations, cross-validations, sweeps, risk predictions) or applied a model trained on it, newest first.',
  })
  async jobs(
    @Root() derived: DatasetDerived,
    @Args(() => ProjectPageArgs) args: ProjectPageArgs,
    @Ctx() { em }: StrandContext,
  ) {
    const where = datasetDerived(derived.datasetId).jobs;
    return JobConnection.from(await page(em, JobEntity, derived, where, args), Job.from);
  }
}

async function page<T extends { id: string; createdAt: Date }>(
  em: StrandContext['em'],
  entity: EntityName<T>,
  derived: DatasetDerived,
  where: FilterQuery<T>,
  { first, after }: ProjectPageArgs,
) {
  checkPageSize(first);
  try {
    return await paginate(em, entity, {
      first,
      after,
      where: { $and: [where, { project: derived.projectId }] } as FilterQuery<T>,
    });
  } catch (error) {
    throw badCursor(error);
  }
}
