/**
 * What a stored dataset row says about its data, for the learning engine: its shape (to check
 * an architecture before queueing) and where its content is (for the training worker). The
 * stored forms are those of datasets/import-dataset.ts and datasets/create-demo-dataset.ts;
 * a sequence dataset's summary.columns (StoredColumns) says what its table holds besides one
 * label column.
 */
import type { Dataset } from '@strand/data';
import type { ExpressionOrientation } from '@strand/genomics';
import type { DataShape } from '../learning/labelled-data.ts';
import type { StoredColumns, StoredDataset } from '../learning/stored-data.ts';

/** Class names in class-index order: the import's summary.labelNames, else the sorted labels. */
export function datasetLabelNames(dataset: Dataset): string[] {
  const stored = dataset.summary?.labelNames;
  if (Array.isArray(stored) && stored.every((n) => typeof n === 'string')) return stored;
  return Object.keys(dataset.labelCounts).sort();
}

const names = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((n) => typeof n === 'string') ? value : null;

/** summary.columns of a sequence dataset, or null when it has none (or not in that form). */
export function storedColumnsOf(dataset: Dataset): StoredColumns | null {
  const raw = dataset.summary?.columns;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { labels, features, profile } = raw as Record<string, unknown>;
  const labelNames = names(labels);
  const featureNames = names(features);
  if (!labelNames || !featureNames) return null;
  const p = profile as { column?: unknown; tracks?: unknown } | null;
  const validProfile =
    p !== null &&
    typeof p === 'object' &&
    typeof p.column === 'string' &&
    typeof p.tracks === 'number' &&
    Number.isInteger(p.tracks) &&
    p.tracks >= 1;
  return {
    labels: labelNames,
    features: featureNames,
    profile: validProfile ? { column: p.column as string, tracks: p.tracks as number } : null,
  };
}

/**
 * The shape of a dataset's data, or why it has none a model can read: a kind the engine does
 * not train on, or sequences of unequal length.
 */
export function datasetShape(dataset: Dataset): { shape: DataShape } | { problem: string } {
  const labelNames = datasetLabelNames(dataset);
  if (dataset.kind === 'sequence-classification' || dataset.kind === 'sequence-regression') {
    if (dataset.sequenceLength === null) {
      return {
        problem: `dataset "${dataset.name}" holds sequences of different lengths; training needs one length`,
      };
    }
    const columns = storedColumnsOf(dataset);
    if (dataset.kind === 'sequence-regression' && !columns?.profile) {
      return { problem: `dataset "${dataset.name}" records no count profile to train on` };
    }
    const shape: DataShape = {
      kind: 'sequence',
      length: dataset.sequenceLength,
      alphabetSize: 4,
      labelNames,
    };
    if (columns && columns.labels.length > 1) shape.tasks = [...columns.labels];
    if (columns?.features.length) shape.extraFeatures = [...columns.features];
    if (columns?.profile) shape.profile = { ...columns.profile };
    return { shape };
  }
  const genes = dataset.summary?.genes;
  if (dataset.kind === 'expression' && typeof genes === 'number') {
    return { shape: { kind: 'features', length: genes, alphabetSize: 1, labelNames } };
  }
  return {
    problem: `dataset "${dataset.name}" is of kind ${dataset.kind}; models train on sequence-classification, sequence-regression and expression datasets`,
  };
}

/** Where the training worker finds the dataset's content (`file` absolute). */
export function storedDatasetOf(dataset: Dataset, file: string): Omit<StoredDataset, 'checksum'> {
  const labels = dataset.summary?.labels;
  const sampleLabels =
    dataset.kind === 'expression' &&
    typeof labels === 'object' &&
    labels !== null &&
    !Array.isArray(labels)
      ? (labels as Record<string, string>)
      : null;
  return {
    kind: dataset.kind,
    file,
    labelNames: datasetLabelNames(dataset),
    sampleLabels,
    orientation: expressionOrientationOf(dataset),
    columns: storedColumnsOf(dataset),
  };
}

/** The layout an expression import read its matrix in (summary.orientation); null otherwise. */
function expressionOrientationOf(dataset: Dataset): ExpressionOrientation | null {
  const orientation = dataset.summary?.orientation;
  return dataset.kind === 'expression' &&
    (orientation === 'genes-by-samples' || orientation === 'samples-by-genes')
    ? orientation
    : null;
}
