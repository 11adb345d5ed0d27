/**
 * Labelled data as the learning engine reads it, loaded from the files people have: a sequence
 * table (TSV/CSV with id, sequence and label columns; several label columns, numeric feature
 * columns or a per-position count profile besides, see sequence-table-data.ts), a labelled FASTA
 * (`>id label=x`), or an expression matrix with a sample table. Labels may be strings; they
 * become class indices in sorted order (the second of two being the positive class).
 */
import { access } from 'node:fs/promises';
import {
  joinSampleAnnotations,
  keepSamples,
  openSequenceTable,
  readExpressionMatrix,
  readLabelledFasta,
  readSampleAnnotations,
  sha256OfFiles,
} from '@strand/genomics';
import type { LabelledSequence } from '@strand/genomics';
import { classIndices, encodeSequences, expressionInputs } from './data-encoding.ts';
import { LearningError } from './learning.error.ts';
import { collectTable, tableData } from './sequence-table-data.ts';

/** The shape of labelled data without its values: what decides which architectures fit. */
export interface DataShape {
  /** `sequence`: one-hot DNA [length, 4]; `features`: a vector per sample [length, 1]. */
  kind: 'sequence' | 'features';
  length: number;
  alphabetSize: number;
  /**
   * Class names in class-index order (one label column); `['0', '1']` for multitask data (the
   * values of its first task); none for a profile without labels.
   */
  labelNames: string[];
  /** Multitask data: the names of its 0/1 label columns (two or more). */
  tasks?: string[];
  /** Numeric feature columns read as the model's second input (DeepCpG's CpG neighbourhood). */
  extraFeatures?: string[];
  /** A per-position count profile (BPNet's target): its column and its tracks. */
  profile?: { column: string; tracks: number };
}

/**
 * Inputs and targets, as a model reads them: sequences one-hot [count, length, 4], or feature
 * vectors [count, features, 1] (expression; NaN = missing); what else a sequence table holds
 * (several label columns, feature columns, a count profile) in the optional fields.
 */
export interface LabelledData extends DataShape {
  x: Float32Array;
  count: number;
  /**
   * Class index per record into labelNames: the target of one label column; for multitask data
   * its first task (0/1), for a profile without labels 0. Stratified splits stratify by it.
   */
  labels: Uint8Array;
  /** Multitask targets, 0/1, [count, tasks.length] row-major (with `tasks`). */
  taskLabels?: Float32Array;
  /** The second input, [count, extraFeatures.length] row-major (with `extraFeatures`). */
  extraInput?: Float32Array;
  /** Per-position counts [count, length, profile.tracks] row-major (with `profile`). */
  profileCounts?: Float32Array;
  /** Feature names (genes) for feature data. */
  features?: string[];
  /** SHA-256 (hex) of the files the data came from. */
  checksum: string;
}

export interface DataFiles {
  /** A labelled sequence table or labelled FASTA, or an expression matrix when `labels` is given. */
  file: string;
  /** Sample table (first column the sample id) for an expression matrix. */
  labels?: string;
  /** The label column of `labels` (default: its first column after the id). */
  labelColumn?: string;
  /**
   * Sequence tables: the label columns; several train a multitask head (0/1 values). Default
   * `label`, else every `label_*` column, else none for a table of count profiles.
   */
  labelColumns?: readonly string[];
  /** Sequence tables: numeric feature columns, the second input (names or prefixes: `cpg_`). */
  featureColumns?: readonly string[];
  /** Sequence tables: the per-position count column (default `counts` in a table without labels). */
  profileColumn?: string;
}

const FASTA = /\.(fa|fasta|fna)(\.gz)?$/i;

/**
 * Reads labelled data. `like` is the training data (or its class names) when reading a test
 * set: it fixes the class order, and the test set must have the same columns and length.
 */
export async function loadLabelledData(
  files: DataFiles,
  like?: string[] | DataShape,
): Promise<LabelledData> {
  for (const path of [files.file, files.labels]) {
    if (path === undefined) continue;
    await access(path).catch((e: NodeJS.ErrnoException) => {
      throw new LearningError('UNREADABLE_FILE', `${path}: cannot read (${e.code ?? e.message})`);
    });
  }
  const labelNames = Array.isArray(like) ? like : like?.labelNames;
  const tableOnly = (
    [
      ['labelColumns', files.labelColumns],
      ['featureColumns', files.featureColumns],
      ['profileColumn', files.profileColumn],
    ] as const
  ).find(([, value]) => value !== undefined)?.[0];
  const isFasta = FASTA.test(files.file);
  if (tableOnly && (files.labels || isFasta)) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `${tableOnly} reads columns of a sequence table; ${files.file} is ${files.labels ? 'an expression matrix' : 'a FASTA file'}`,
      tableOnly,
    );
  }
  let data: LabelledData;
  if (files.labels) {
    data = await loadExpression(files.file, files.labels, files.labelColumn, labelNames);
  } else if (isFasta) {
    const { sequences, raw } = await collectSequences(readLabelledFasta(files.file), files.file);
    data = {
      ...encodeSequences(sequences),
      ...classIndices(raw, files.file, labelNames),
      checksum: await sha256OfFiles([files.file]),
    };
  } else {
    const table = await openSequenceTable(files.file, {
      ...(files.labelColumns ? { labelColumns: files.labelColumns } : {}),
      ...(files.featureColumns ? { featureColumns: files.featureColumns } : {}),
      ...(files.profileColumn ? { profileColumn: files.profileColumn } : {}),
    });
    const collected = await collectTable(table, files.file);
    data = {
      ...tableData(collected, files.file, labelNames),
      checksum: await sha256OfFiles([files.file]),
    };
  }
  if (like !== undefined && !Array.isArray(like)) checkSameShape(data, like, files.file);
  return data;
}

/**
 * Throws INVALID_DATA unless `data` (a test set) has the training data's input kind, length,
 * label columns, feature columns and profile tracks: what the trained model reads and predicts.
 */
export function checkSameShape(data: DataShape, training: DataShape, source: string): void {
  const list = (names: string[] | undefined) => (names?.length ? names.join(', ') : 'none');
  const problems: [boolean, string][] = [
    [
      data.kind !== training.kind || data.length !== training.length,
      `${describeInput(data)}; the training data has ${describeInput(training)}`,
    ],
    [
      list(data.tasks) !== list(training.tasks),
      `label columns ${list(data.tasks)}; the training data has ${list(training.tasks)}`,
    ],
    [
      list(data.extraFeatures) !== list(training.extraFeatures),
      `feature columns ${list(data.extraFeatures)}; the training data has ${list(training.extraFeatures)}`,
    ],
    [
      (data.profile?.tracks ?? 0) !== (training.profile?.tracks ?? 0),
      `${data.profile?.tracks ?? 0} profile tracks; the training data has ${training.profile?.tracks ?? 0}`,
    ],
  ];
  const found = problems.find(([differs]) => differs);
  if (found) throw new LearningError('INVALID_DATA', `${source}: ${found[1]}`);
}

function describeInput(shape: DataShape): string {
  return shape.kind === 'sequence'
    ? `sequences of ${shape.length} bp`
    : `profiles of ${shape.length * shape.alphabetSize} features`;
}

/** Sequences and their raw labels; all sequences must have one length. */
export async function collectSequences(
  records: AsyncIterable<LabelledSequence>,
  source: string,
): Promise<{ sequences: string[]; raw: (string | number)[] }> {
  const sequences: string[] = [];
  const raw: (string | number)[] = [];
  for await (const record of records) {
    if (sequences.length && record.sequence.length !== sequences[0].length) {
      throw new LearningError(
        'INVALID_DATA',
        `${source}:${record.line}: sequence length ${record.sequence.length} differs from the first (${sequences[0].length}); all must be equal`,
      );
    }
    sequences.push(record.sequence);
    raw.push(record.label);
  }
  if (sequences.length === 0) throw new LearningError('INVALID_DATA', `${source}: no records`);
  return { sequences, raw };
}

async function loadExpression(
  file: string,
  labelsFile: string,
  labelColumn: string | undefined,
  labelNames?: string[],
): Promise<LabelledData> {
  const matrix = await readExpressionMatrix(file);
  const annotations = await readSampleAnnotations(labelsFile);
  const column = labelColumn ?? annotations.columns[0];
  if (!annotations.columns.includes(column)) {
    throw new LearningError(
      'INVALID_DATA',
      `${labelsFile}: no column "${column}" (found: ${annotations.columns.join(', ')})`,
      'labelColumn',
    );
  }
  // The samples both files have (see joinSampleAnnotations).
  const joined = joinSampleAnnotations(matrix.samples, annotations);
  return {
    ...expressionInputs(keepSamples(matrix, joined.indices)),
    ...classIndices(
      joined.rows.map((row) => row[column]),
      labelsFile,
      labelNames,
    ),
    checksum: await sha256OfFiles([file, labelsFile]),
  };
}
