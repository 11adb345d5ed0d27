/**
 * Labelled data from a stored dataset (see datasets/import-dataset.ts for the stored forms):
 * - `sequence-classification`: `sequences.tsv` (id, label, sequence) whose labels are class
 *   indices into the dataset's label names (summary.labelNames; `0`, `1` for demo datasets);
 * - `expression`: the imported matrix, labelled by summary.labels (sample id → label).
 */
import { readExpressionMatrix, readSequenceTable } from '@strand/genomics';
import { basename } from 'node:path';
import type { LabelledData } from './labelled-data.ts';
import {
  classIndices,
  collectSequences,
  encodeSequences,
  expressionInputs,
} from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

/** Where a stored dataset is and what its row says about its labels. */
export interface StoredDataset {
  kind: string;
  /** Absolute path of the stored content. */
  file: string;
  /** SHA-256 of the stored content (the dataset row's checksum). */
  checksum: string;
  /** Class names in class-index order (sequence-classification). */
  labelNames: string[];
  /** Sample id → label (expression). */
  sampleLabels: Record<string, string> | null;
}

/** Dataset kinds the learning engine trains on. */
export const TRAINABLE_DATASET_KINDS = ['sequence-classification', 'expression'] as const;

/** Loads a stored dataset as LabelledData; errors name the stored file by its base name. */
export async function loadStoredDataset(stored: StoredDataset): Promise<LabelledData> {
  const source = basename(stored.file);
  if (stored.kind === 'sequence-classification') {
    const { sequences, raw } = await collectSequences(
      readSequenceTable(stored.file, { label: source }),
      source,
    );
    const k = stored.labelNames.length;
    const labels = Uint8Array.from(raw, (label, i) => {
      if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= k) {
        throw new LearningError(
          'INVALID_DATA',
          `${source}: record ${i + 1} has label ${JSON.stringify(label)}, not a class index from 0 to ${k - 1}`,
        );
      }
      return label;
    });
    return {
      ...encodeSequences(sequences),
      labels,
      labelNames: [...stored.labelNames],
      checksum: stored.checksum,
    };
  }
  if (stored.kind === 'expression') {
    const sampleLabels = stored.sampleLabels;
    if (!sampleLabels) {
      throw new LearningError('INVALID_DATA', `${source}: the dataset stores no sample labels`);
    }
    const matrix = await readExpressionMatrix(stored.file, { label: source });
    const raw = matrix.samples.map((sample) => {
      const label = sampleLabels[sample];
      if (label === undefined) {
        throw new LearningError(
          'INVALID_DATA',
          `${source}: sample "${sample}" has no stored label`,
        );
      }
      return label;
    });
    return {
      ...expressionInputs(matrix),
      ...classIndices(raw, source),
      checksum: stored.checksum,
    };
  }
  throw new LearningError(
    'INCOMPATIBLE_ARCHITECTURE',
    `datasets of kind "${stored.kind}" are not trained on; trainable kinds: ${TRAINABLE_DATASET_KINDS.join(', ')}`,
  );
}
