/**
 * Labelled data as the learning engine reads it, loaded from the files people have: a labelled
 * sequence table (TSV/CSV with id, label, sequence columns), a labelled FASTA (`>id label=x`),
 * or an expression matrix with a sample table. Labels may be strings; they become class indices
 * in sorted order (the second of two being the positive class).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import {
  joinSampleAnnotations,
  oneHotEncodeBatch,
  readExpressionMatrix,
  readLabelledFasta,
  readSampleAnnotations,
  readSequenceTable,
} from '@strand/genomics';
import type { LabelledSequence } from '@strand/genomics';
import { LearningError } from './learning.error.ts';

/**
 * Inputs and class labels, as a model reads them: sequences one-hot [count, length, 4], or
 * feature vectors [count, features, 1] (expression; NaN = missing). Labels are class indices
 * into labelNames.
 */
export interface LabelledData {
  kind: 'sequence' | 'features';
  x: Float32Array;
  count: number;
  length: number;
  alphabetSize: number;
  labels: Uint8Array;
  labelNames: string[];
  /** Feature names (genes) for feature data. */
  features?: string[];
  /** SHA-256 (hex) of the files the data came from. */
  checksum: string;
}

/** The shape of labelled data without its values: what decides which architectures fit. */
export type DataShape = Pick<LabelledData, 'kind' | 'length' | 'alphabetSize' | 'labelNames'>;

export interface DataFiles {
  /** A labelled sequence table or labelled FASTA, or an expression matrix when `labels` is given. */
  file: string;
  /** Sample table (first column the sample id) for an expression matrix. */
  labels?: string;
  /** The label column of `labels` (default: its first column after the id). */
  labelColumn?: string;
}

const FASTA = /\.(fa|fasta|fna)(\.gz)?$/i;

/** Reads labelled data; `labelNames` (from a training set) fixes the class order of a test set. */
export async function loadLabelledData(
  files: DataFiles,
  labelNames?: string[],
): Promise<LabelledData> {
  for (const path of [files.file, files.labels]) {
    if (path === undefined) continue;
    await access(path).catch((e: NodeJS.ErrnoException) => {
      throw new LearningError('UNREADABLE_FILE', `${path}: cannot read (${e.code ?? e.message})`);
    });
  }
  if (files.labels) return loadExpression(files.file, files.labels, files.labelColumn, labelNames);
  const records = FASTA.test(files.file)
    ? readLabelledFasta(files.file)
    : readSequenceTable(files.file);
  const { sequences, raw } = await collectSequences(records, files.file);
  return {
    ...encodeSequences(sequences),
    ...classIndices(raw, files.file, labelNames),
    checksum: await sha256(files.file),
  };
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

/** One-hot sequences as LabelledData's input part. */
export function encodeSequences(
  sequences: string[],
): Pick<LabelledData, 'kind' | 'x' | 'count' | 'length' | 'alphabetSize'> {
  const length = sequences[0].length;
  return {
    kind: 'sequence',
    x: oneHotEncodeBatch(sequences, length),
    count: sequences.length,
    length,
    alphabetSize: 4,
  };
}

/** Class indices of raw labels: in `given` order, else the sorted distinct labels. */
export function classIndices(
  raw: readonly (string | number)[],
  source: string,
  given?: string[],
): { labels: Uint8Array; labelNames: string[] } {
  const texts = raw.map(String);
  const labelNames = given ?? [...new Set(texts)].sort();
  if (labelNames.length > 255) {
    throw new LearningError(
      'INVALID_DATA',
      `${source}: ${labelNames.length} distinct labels; at most 255 classes`,
    );
  }
  const index = new Map(labelNames.map((name, i) => [name, i]));
  const labels = Uint8Array.from(texts, (label, i) => {
    const k = index.get(label);
    if (k === undefined) {
      throw new LearningError(
        'INVALID_DATA',
        `${source}: record ${i + 1} has label "${label}", not one of the training labels (${labelNames.join(', ')})`,
      );
    }
    return k;
  });
  return { labels, labelNames };
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
  const joined = joinSampleAnnotations(matrix.samples, annotations);
  return {
    ...expressionInputs(matrix),
    ...classIndices(
      joined.rows.map((row) => row[column]),
      labelsFile,
      labelNames,
    ),
    checksum: await sha256(file, labelsFile),
  };
}

/** An expression matrix (samples × genes) as LabelledData's input part. */
export function expressionInputs(matrix: {
  genes: string[];
  samples: string[];
  values: Float32Array;
}): Pick<LabelledData, 'kind' | 'x' | 'count' | 'length' | 'alphabetSize' | 'features'> {
  return {
    kind: 'features',
    x: matrix.values,
    count: matrix.samples.length,
    length: matrix.genes.length,
    alphabetSize: 1,
    features: matrix.genes,
  };
}

/** SHA-256 (hex) of the files' bytes, in order, streamed. */
export async function sha256(...paths: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
