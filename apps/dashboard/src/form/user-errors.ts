import type { UserError } from '../graphql/types.ts';
import type { FieldErrors, FieldName } from './new-run-values.ts';

// Server field names (input fields of each mutation) → the form field that shows them.
const DATASET_FIELDS: Record<string, FieldName> = {
  name: 'name',
  sequences: 'sequences',
  length: 'length',
  motifs: 'motif',
  seed: 'dataSeed',
};
const TRAINING_FIELDS: Record<string, FieldName> = {
  datasetId: 'datasetId',
  architecture: 'architecture',
  epochs: 'epochs',
  batchSize: 'batchSize',
  learningRate: 'learningRate',
  seed: 'seed',
  probes: 'probes',
};

/**
 * Place a mutation's userErrors next to the form fields they name (`input.` prefixes and list
 * indexes ignored, so `input.motifs[0]` lands on the motif select); the rest are general,
 * prefixed with their field when they have one.
 */
export function placeUserErrors(
  errors: readonly UserError[],
  mutation: 'createDemoDataset' | 'startTraining',
): { fields: FieldErrors; general: string[] } {
  const known = mutation === 'createDemoDataset' ? DATASET_FIELDS : TRAINING_FIELDS;
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const e of errors) {
    const path = e.field?.replace(/^input\./, '') ?? '';
    const target = known[path.replace(/\[\d+\]$/, '')];
    if (target && !fields[target]) fields[target] = e.message;
    else if (target) fields[target] += `; ${e.message}`;
    else general.push(path ? `${path}: ${e.message}` : e.message);
  }
  return { fields, general };
}
