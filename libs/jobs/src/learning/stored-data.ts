/**
 * Labelled data from a stored dataset (see datasets/import-dataset.ts for the stored forms):
 * - `sequence-classification` and `sequence-regression`: `sequences.tsv`, a sequence table
 *   whose `label` column holds class indices into the dataset's label names (summary.labelNames;
 *   `0`, `1` for demo datasets) — for multitask data its first task, for a profile without
 *   labels 0 — and whose further columns, when the summary's `columns` names any, are stored
 *   under fixed names (STORED_COLUMNS): `task_1`… (several label columns, 0/1), `feature_1`…
 *   (numeric feature columns) and `counts` (the per-position count profile);
 * - `expression`: the imported matrix, labelled by summary.labels (sample id → label).
 */
import { openSequenceTable, readExpressionMatrix } from '@strand/genomics';
import type { ExpressionOrientation, SequenceTableColumnOptions } from '@strand/genomics';
import { basename } from 'node:path';
import { classIndices, expressionInputs } from './data-encoding.ts';
import type { LabelledData } from './labelled-data.ts';
import { isStoreTable } from '../datasets/sequence-store.ts';
import { LearningError } from './learning.error.ts';
import { loadStoreTable } from './store-data.ts';
import type { DataSource } from './store-source.ts';
import { openStoreSource } from './store-source.ts';
import { collectTable, firstTask, multitaskLabels, tableInputs } from './sequence-table-data.ts';

/**
 * What the columns of an imported sequence table held (the dataset summary's `columns`), by
 * their names in the imported file.
 */
export interface StoredColumns {
  /** The label columns; several make multitask data. Empty for a profile without labels. */
  labels: string[];
  /** Numeric feature columns: the second input. */
  features: string[];
  /** The per-position count profile, if any. */
  profile: { column: string; tracks: number } | null;
}

/** Where a stored dataset is and what its row says about its labels. */
export interface StoredDataset {
  kind: string;
  /** Absolute path of the stored content. */
  file: string;
  /** SHA-256 of the stored content (the dataset row's checksum). */
  checksum: string;
  /** Class names in class-index order (sequence datasets). */
  labelNames: string[];
  /** Sample id → label (expression). */
  sampleLabels: Record<string, string> | null;
  /**
   * How the stored matrix is laid out, as the import read it (expression; given or detected
   * then): read back the same way, never detected again.
   */
  orientation?: ExpressionOrientation | null;
  /** Sequence datasets imported with more than one label column: what their columns hold. */
  columns?: StoredColumns | null;
}

/** Dataset kinds the learning engine trains on. */
export const TRAINABLE_DATASET_KINDS = [
  'sequence-classification',
  'sequence-regression',
  'expression',
] as const;

/** The stored names of the columns of a sequence dataset, whatever the imported file named them. */
export const STORED_COLUMNS = {
  task: (i: number) => `task_${i + 1}`,
  feature: (i: number) => `feature_${i + 1}`,
  profile: 'counts',
} as const;

/** The layout of a stored sequence table with these columns (see STORED_COLUMNS). */
export function storedTableLayout(columns: StoredColumns | null | undefined): {
  labelColumns: string[];
  featureColumns: string[];
  profileColumn: string | null;
} {
  const tasks = columns && columns.labels.length > 1 ? columns.labels.length : 0;
  return {
    labelColumns: ['label', ...Array.from({ length: tasks }, (_, i) => STORED_COLUMNS.task(i))],
    featureColumns: (columns?.features ?? []).map((_, i) => STORED_COLUMNS.feature(i)),
    profileColumn: columns?.profile ? STORED_COLUMNS.profile : null,
  };
}

/** Loads a stored dataset as LabelledData; errors name the stored file by its base name. */
export async function loadStoredDataset(stored: StoredDataset): Promise<LabelledData> {
  const source = basename(stored.file);
  if (stored.kind === 'sequence-classification' || stored.kind === 'sequence-regression') {
    if (isStoreTable(stored.file)) return loadStoreTable(stored.file, stored.checksum);
    // A dataset stored before the store existed: a sequences.tsv.
    return loadStoredSequences(stored, source);
  }
  if (stored.kind === 'expression') {
    const sampleLabels = stored.sampleLabels;
    if (!sampleLabels) {
      throw new LearningError('INVALID_DATA', `${source}: the dataset stores no sample labels`);
    }
    const matrix = await readExpressionMatrix(stored.file, {
      label: source,
      ...(stored.orientation ? { orientation: stored.orientation } : {}),
    });
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

async function loadStoredSequences(stored: StoredDataset, source: string): Promise<LabelledData> {
  const columns = stored.columns ?? null;
  const layout = storedTableLayout(columns);
  const options: SequenceTableColumnOptions = { label: source, ...layout };
  const collected = await collectTable(await openSequenceTable(stored.file, options), source);
  const inputs = tableInputs(collected);
  // Back to the imported file's names: they are what models and messages show.
  if (columns && inputs.extraFeatures) inputs.extraFeatures = [...columns.features];
  if (columns?.profile && inputs.profile) {
    inputs.profile = { column: columns.profile.column, tracks: inputs.profile.tracks };
  }
  const base = { ...inputs, checksum: stored.checksum };
  if (columns && columns.labels.length > 1) {
    const taskLabels = multitaskLabels(
      collected.labels.slice(1),
      layout.labelColumns.slice(1),
      collected.lines,
      source,
    );
    return {
      ...base,
      labels: firstTask(taskLabels, columns.labels.length),
      labelNames: ['0', '1'],
      tasks: [...columns.labels],
      taskLabels,
    };
  }
  const k = stored.labelNames.length;
  if (k === 0) {
    if (!base.profile)
      throw new LearningError('INVALID_DATA', `${source}: no labels and no profile`);
    return { ...base, labels: new Uint8Array(collected.sequences.length), labelNames: [] };
  }
  const labels = Uint8Array.from(collected.labels[0], (label, i) => {
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label >= k) {
      throw new LearningError(
        'INVALID_DATA',
        `${source}: record ${i + 1} has label ${JSON.stringify(label)}, not a class index from 0 to ${k - 1}`,
      );
    }
    return label;
  });
  return { ...base, labels, labelNames: [...stored.labelNames] };
}

/**
 * A stored dataset as a data source: a store table opened to stream (close it with
 * closeSource), or what loadStoredDataset reads into memory (expression, earlier datasets).
 */
export async function openStoredDataset(stored: StoredDataset): Promise<DataSource> {
  if (
    (stored.kind === 'sequence-classification' || stored.kind === 'sequence-regression') &&
    isStoreTable(stored.file)
  ) {
    return openStoreSource(stored.file, stored.checksum);
  }
  return loadStoredDataset(stored);
}
