import type { EntityManager } from '@mikro-orm/core';
import { Job } from '../entities/job.entity.ts';
import { ModelVersion } from '../entities/model-version.entity.ts';
import { Run } from '../entities/run.entity.ts';

/**
 * What was made from a dataset: the runs trained on it, the model versions of those runs, and
 * the jobs that read it or applied one of those runs' models (scorings, explanations, …).
 */
export interface DatasetDerived {
  runs: Run[];
  modelVersions: ModelVersion[];
  jobs: Job[];
}

/** Everything made from a dataset (see DatasetDerived), newest first. */
export async function datasetDerived(
  em: EntityManager,
  datasetId: string,
): Promise<DatasetDerived> {
  const runs = await em.find(
    Run,
    { dataset: datasetId },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  const modelVersions = await em.find(
    ModelVersion,
    { run: { $in: runs.map((r) => r.id) } },
    { orderBy: { name: 'asc', version: 'asc' } },
  );
  const jobs = await em.find(
    Job,
    {
      $or: [
        { dataset: datasetId },
        { run: { $in: runs.map((r) => r.id) } },
        { modelVersion: { $in: modelVersions.map((v) => v.id) } },
      ],
    },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  return { runs, modelVersions, jobs };
}
