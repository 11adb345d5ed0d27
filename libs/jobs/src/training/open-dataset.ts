import type { EntityManager } from '@mikro-orm/core';
import { Dataset } from '@strand/data';
import type { ArtifactStore } from '@strand/data';
import { LearningError } from '../learning/learning.error.ts';
import { openStoredDataset } from '../learning/stored-data.ts';
import { closeSource } from '../learning/store-source.ts';
import type { OpenedData } from '../learning/training-file.ts';
import { datasetShape, storedDatasetOf } from './dataset-shape.ts';

/**
 * A READY dataset of a project, found by its id or its name, opened to train on: a store table
 * streams (memory flat whatever its size), other stored forms are read into memory. A name that
 * several datasets share is an error that lists their ids. Errors are LearningErrors
 * (INVALID_OPTIONS: none or several; INVALID_DATA).
 */
export async function openDataset(
  em: EntityManager,
  artifacts: ArtifactStore,
  projectId: string,
  idOrName: string,
): Promise<OpenedData & { dataset: Dataset }> {
  const byId = await em.findOne(Dataset, { id: idOrName, project: projectId });
  const found = byId
    ? [byId]
    : await em.find(
        Dataset,
        { name: idOrName, project: projectId },
        { orderBy: { createdAt: 'asc' } },
      );
  if (found.length === 0) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `no dataset with id or name "${idOrName}"`,
      'dataset',
    );
  }
  if (found.length > 1) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `${found.length} datasets are named "${idOrName}"; give one by id: ${found.map((d) => d.id).join(', ')}`,
      'dataset',
    );
  }
  const dataset = found[0] as Dataset;
  if (dataset.status !== 'READY' || !dataset.artifactPath || !dataset.checksum) {
    throw new LearningError(
      'INVALID_DATA',
      `dataset "${dataset.name}" is ${dataset.status}, not READY`,
    );
  }
  const shape = datasetShape(dataset);
  if ('problem' in shape) throw new LearningError('INVALID_DATA', shape.problem);
  const data = await openStoredDataset({
    ...storedDatasetOf(dataset, await artifacts.pull(dataset.artifactPath)),
    checksum: dataset.checksum,
  });
  return { dataset, data, close: () => closeSource(data) };
}
