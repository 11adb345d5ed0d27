import type { FilterQuery } from '@mikro-orm/core';
import type { Job } from '../entities/job.entity.ts';
import type { ModelVersion } from '../entities/model-version.entity.ts';
import type { Run } from '../entities/run.entity.ts';

/**
 * What was made from a dataset, as filters to page through (paginate): the runs trained on it,
 * the model versions of those runs, and the jobs that read it or applied one of those runs'
 * models (scorings, explanations, …). Filters rather than lists: a popular dataset may have
 * thousands of runs, and a query must never return all of them at once.
 */
export interface DatasetDerived {
  runs: FilterQuery<Run>;
  modelVersions: FilterQuery<ModelVersion>;
  jobs: FilterQuery<Job>;
}

/** The filters of everything made from dataset `datasetId` (see DatasetDerived). */
export function datasetDerived(datasetId: string): DatasetDerived {
  return {
    runs: { dataset: datasetId },
    modelVersions: { run: { dataset: datasetId } },
    // Training jobs are the runs above.
    jobs: {
      kind: { $ne: 'TRAIN' },
      $or: [
        { dataset: datasetId },
        { run: { dataset: datasetId } },
        { modelVersion: { run: { dataset: datasetId } } },
      ],
    },
  };
}
