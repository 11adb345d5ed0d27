import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  Dataset as DatasetEntity,
  Job as JobEntity,
  ModelVersion as ModelVersionEntity,
  Run as RunEntity,
} from '@strand/data';
import type { StrandContext } from '../context.ts';
import { Dataset } from '../types/dataset.type.ts';
import { Job } from '../types/job.type.ts';
import { DatasetDerived, Lineage } from '../types/lineage.type.ts';
import { ModelVersion } from '../types/model-version.type.ts';
import { Run } from '../types/run.type.ts';

/** Lineage backwards (model version → run → dataset) and forwards (dataset → runs → versions). */
@Resolver(() => Dataset)
export class LineageResolver {
  @Query(() => Lineage, {
    nullable: true,
    description:
      'Where a job (a result), a model version or a run comes from; null when the id is none of them, or in a project of others.',
  })
  async lineage(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: StrandContext) {
    const mine = { $in: viewer.projectIds };
    const job = await em.findOne(JobEntity, { id, project: mine });
    const versionId = job ? (job.modelVersion?.id ?? null) : id;
    const version = versionId
      ? await em.findOne(ModelVersionEntity, { id: versionId, project: mine })
      : null;
    const runId = version ? version.run.id : job ? (job.run?.id ?? null) : id;
    const run = runId ? await em.findOne(RunEntity, { id: runId, project: mine }) : null;
    if (!run && !job) return null;
    const datasetId = run ? run.dataset.id : (job?.dataset?.id ?? null);
    const dataset = datasetId ? await em.findOne(DatasetEntity, { id: datasetId }) : null;
    const known = run?.dataChecksum != null && dataset?.checksum != null;
    return Object.assign(new Lineage(), {
      job: job ? Job.from(job) : null,
      modelVersion: version ? ModelVersion.from(version) : null,
      run: run ? Run.from(run) : null,
      config: run ? JSON.stringify(run.config) : null,
      dataset: dataset ? Dataset.from(dataset) : null,
      split: run?.split ? JSON.stringify(run.split) : null,
      checksumMatches: known ? run.dataChecksum === dataset.checksum : null,
    });
  }

  @FieldResolver(() => DatasetDerived, {
    description:
      'What was made from this dataset: runs trained on it, their model versions, and the jobs that used either.',
  })
  derived(@Root() dataset: Dataset): DatasetDerived {
    // A dataset is only reachable by readers of its project, and runs never cross projects.
    return Object.assign(new DatasetDerived(), {
      datasetId: dataset.id,
      projectId: dataset.projectId,
    });
  }
}
