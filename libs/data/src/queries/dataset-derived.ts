import type { EntityManager } from '@mikro-orm/core';
import { ModelVersion } from '../entities/model-version.entity.ts';
import { Run } from '../entities/run.entity.ts';

/** What was made from a dataset: the runs trained on it and the model versions of those runs. */
export interface DatasetDerived {
  runs: Run[];
  modelVersions: ModelVersion[];
}

/** The runs trained on a dataset (newest first) and the model versions registered from them. */
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
  return { runs, modelVersions };
}
