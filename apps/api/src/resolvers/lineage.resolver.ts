import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  Dataset as DatasetEntity,
  datasetDerived,
  ModelVersion as ModelVersionEntity,
  Run as RunEntity,
} from '@strand/data';
import type { StrandContext } from '../context.ts';
import { Dataset } from '../types/dataset.type.ts';
import { DatasetDerived, Lineage } from '../types/lineage.type.ts';
import { ModelVersion } from '../types/model-version.type.ts';
import { Run } from '../types/run.type.ts';

/** Lineage backwards (model version → run → dataset) and forwards (dataset → runs → versions). */
@Resolver(() => Dataset)
export class LineageResolver {
  @Query(() => Lineage, {
    nullable: true,
    description:
      'Where a model version or a run comes from; null when the id is neither, or in a project of others.',
  })
  async lineage(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: StrandContext) {
    const mine = { $in: viewer.projectIds };
    const version = await em.findOne(ModelVersionEntity, { id, project: mine });
    const run = await em.findOne(RunEntity, { id: version ? version.run.id : id, project: mine });
    if (!run) return null;
    const dataset = await em.findOneOrFail(DatasetEntity, { id: run.dataset.id });
    const known = run.dataChecksum != null && dataset.checksum != null;
    return Object.assign(new Lineage(), {
      modelVersion: version ? ModelVersion.from(version) : null,
      run: Run.from(run),
      config: JSON.stringify(run.config),
      dataset: Dataset.from(dataset),
      checksumMatches: known ? run.dataChecksum === dataset.checksum : null,
    });
  }

  @FieldResolver(() => DatasetDerived, {
    description: 'What was made from this dataset: runs trained on it and their model versions.',
  })
  async derived(@Root() dataset: Dataset, @Ctx() { em }: StrandContext): Promise<DatasetDerived> {
    // A dataset is only reachable by readers of its project, and runs never cross projects.
    const { runs, modelVersions } = await datasetDerived(em, dataset.id);
    return Object.assign(new DatasetDerived(), {
      runs: runs.map(Run.from),
      modelVersions: modelVersions.map(ModelVersion.from),
    });
  }
}
