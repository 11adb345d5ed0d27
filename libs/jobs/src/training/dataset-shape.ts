/**
 * What a stored dataset row says about its data, for the learning engine: its shape (to check
 * an architecture before queueing) and where its content is (for the training worker). The
 * stored forms are those of datasets/import-dataset.ts and datasets/create-demo-dataset.ts.
 */
import type { Dataset } from '@strand/data';
import type { DataShape } from '../learning/labelled-data.ts';
import type { StoredDataset } from '../learning/stored-data.ts';

/** Class names in class-index order: the import's summary.labelNames, else the sorted labels. */
export function datasetLabelNames(dataset: Dataset): string[] {
  const stored = dataset.summary?.labelNames;
  if (Array.isArray(stored) && stored.every((n) => typeof n === 'string')) return stored;
  return Object.keys(dataset.labelCounts).sort();
}

/**
 * The shape of a dataset's data, or why it has none a model can read: a kind the engine does
 * not train on, or sequences of unequal length.
 */
export function datasetShape(dataset: Dataset): { shape: DataShape } | { problem: string } {
  const labelNames = datasetLabelNames(dataset);
  if (dataset.kind === 'sequence-classification') {
    if (dataset.sequenceLength === null) {
      return {
        problem: `dataset "${dataset.name}" holds sequences of different lengths; training needs one length`,
      };
    }
    return {
      shape: { kind: 'sequence', length: dataset.sequenceLength, alphabetSize: 4, labelNames },
    };
  }
  const genes = dataset.summary?.genes;
  if (dataset.kind === 'expression' && typeof genes === 'number') {
    return { shape: { kind: 'features', length: genes, alphabetSize: 1, labelNames } };
  }
  return {
    problem: `dataset "${dataset.name}" is of kind ${dataset.kind}; models train on sequence-classification and expression datasets`,
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
  return { kind: dataset.kind, file, labelNames: datasetLabelNames(dataset), sampleLabels };
}
