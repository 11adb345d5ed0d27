/**
 * The sequence dataset a model-applying job reads (DISCOVER_MOTIFS, MARGINALIZE): a READY
 * sequence dataset of the project whose sequences have the model's input length. Errors are
 * located at `datasetId`.
 */
import { Dataset } from '@strand/data';
import type { EntityManager } from '@mikro-orm/core';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';

const SEQUENCE_KINDS = ['sequence-classification', 'sequence-regression'];

/**
 * The dataset `datasetId` of the project, checked for `what` (e.g. "motif discovery"); the
 * length is checked only when the model's input length is known (`inputLength` not null).
 */
export async function checkSequenceDataset(
  em: EntityManager,
  projectId: string,
  datasetId: string,
  inputLength: number | null,
  what: string,
): Promise<{ dataset: Dataset | null; errors: UserError[] }> {
  const dataset = await em.findOne(Dataset, { id: datasetId, project: projectId });
  if (!dataset) {
    return {
      dataset: null,
      errors: [userError('datasetId', 'NOT_FOUND', `no dataset with id "${datasetId}"`)],
    };
  }
  if (!SEQUENCE_KINDS.includes(dataset.kind)) {
    const message = `dataset "${dataset.name}" is ${dataset.kind}; ${what} needs a sequence dataset`;
    return { dataset, errors: [userError('datasetId', 'WRONG_DATASET_KIND', message)] };
  }
  if (dataset.status !== 'READY' || !dataset.artifactPath) {
    const message = `dataset "${dataset.name}" is ${dataset.status}, not READY`;
    return { dataset, errors: [userError('datasetId', 'DATASET_NOT_READY', message)] };
  }
  if (inputLength !== null && dataset.sequenceLength !== inputLength) {
    const has =
      dataset.sequenceLength === null ? 'of several lengths' : `${dataset.sequenceLength} bp`;
    const message = `dataset "${dataset.name}" holds sequences ${has}; the model takes ${inputLength}`;
    return { dataset, errors: [userError('datasetId', 'WRONG_LENGTH', message)] };
  }
  return { dataset, errors: [] };
}
