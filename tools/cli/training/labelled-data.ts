import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import {
  joinSampleAnnotations,
  oneHotEncodeBatch,
  readExpressionMatrix,
  readSampleAnnotations,
  readSequenceTable,
} from '@strand/genomics';
import { CliError } from '../cli-error.ts';

/**
 * Inputs and class labels, as a model reads them: sequences one-hot [count, length, 4], or
 * feature vectors [count, features, 1] (expression). Labels are class indices into labelNames.
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
  checksum: string;
}

export interface DataFiles {
  /** A labelled sequence table, or an expression matrix when `labels` is given. */
  file: string;
  /** Sample table (first column the sample id) for an expression matrix. */
  labels?: string;
  labelColumn?: string;
}

const sha256 = async (...paths: string[]) => {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(await readFile(path));
  return hash.digest('hex');
};

/** Reads labelled data; `labelNames` (from a training set) fixes the class order of a test set. */
export async function loadLabelledData(
  files: DataFiles,
  labelNames?: string[],
): Promise<LabelledData> {
  for (const path of [files.file, files.labels]) {
    if (path === undefined) continue;
    await access(path).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`${path}: cannot read (${e.code ?? e.message})`);
    });
  }
  return files.labels ? loadExpression(files, labelNames) : loadSequences(files.file, labelNames);
}

function classIndices(
  raw: string[],
  source: string,
  given?: string[],
): { labels: Uint8Array; labelNames: string[] } {
  const labelNames = given ?? [...new Set(raw)].sort();
  if (labelNames.length > 255)
    throw new CliError(`${source}: ${labelNames.length} distinct labels; at most 255 classes`);
  const labels = Uint8Array.from(raw, (label, i) => {
    const k = labelNames.indexOf(label);
    if (k < 0)
      throw new CliError(
        `${source}: record ${i + 1} has label "${label}", not one of the training labels (${labelNames.join(', ')})`,
      );
    return k;
  });
  return { labels, labelNames };
}

async function loadSequences(path: string, labelNames?: string[]): Promise<LabelledData> {
  const sequences: string[] = [];
  const raw: string[] = [];
  for await (const record of readSequenceTable(path)) {
    if (sequences.length && record.sequence.length !== sequences[0].length) {
      throw new CliError(
        `${path}:${record.line}: sequence length ${record.sequence.length} differs from the first (${sequences[0].length}); all must be equal`,
      );
    }
    sequences.push(record.sequence);
    raw.push(String(record.label));
  }
  if (sequences.length === 0) throw new CliError(`${path}: no records`);
  const length = sequences[0].length;
  return {
    kind: 'sequence',
    x: oneHotEncodeBatch(sequences, length),
    count: sequences.length,
    length,
    alphabetSize: 4,
    ...classIndices(raw, path, labelNames),
    checksum: await sha256(path),
  };
}

async function loadExpression(files: DataFiles, labelNames?: string[]): Promise<LabelledData> {
  const matrix = await readExpressionMatrix(files.file);
  const annotations = await readSampleAnnotations(files.labels!);
  const column = files.labelColumn ?? annotations.columns[0];
  if (!annotations.columns.includes(column)) {
    throw new CliError(
      `${files.labels}: no column "${column}" (found: ${annotations.columns.join(', ')})`,
    );
  }
  const joined = joinSampleAnnotations(matrix.samples, annotations);
  const raw = joined.rows.map((row) => row[column]);
  return {
    kind: 'features',
    x: matrix.values,
    count: matrix.samples.length,
    length: matrix.genes.length,
    alphabetSize: 1,
    features: matrix.genes,
    ...classIndices(raw, files.labels!, labelNames),
    checksum: await sha256(files.file, files.labels!),
  };
}

/** The records at `rows`, in that order. */
export function subset(data: LabelledData, rows: readonly number[]): LabelledData {
  const size = data.length * data.alphabetSize;
  const x = new Float32Array(rows.length * size);
  rows.forEach((r, i) => x.set(data.x.subarray(r * size, (r + 1) * size), i * size));
  return { ...data, x, count: rows.length, labels: Uint8Array.from(rows, (r) => data.labels[r]) };
}

/**
 * Standardises features per column with the training set's mean and sd (missing values become
 * the mean, i.e. 0), so no test information leaks into the scaling. Sequences pass unchanged.
 */
export function standardise(
  train: LabelledData,
  others: LabelledData[],
): [LabelledData, ...LabelledData[]] {
  if (train.kind !== 'features') return [train, ...others];
  const f = train.length;
  const mean = new Float64Array(f);
  const sq = new Float64Array(f);
  const n = new Float64Array(f);
  for (let i = 0; i < train.count; i++) {
    for (let j = 0; j < f; j++) {
      const v = train.x[i * f + j];
      if (Number.isFinite(v)) {
        mean[j] += v;
        sq[j] += v * v;
        n[j]++;
      }
    }
  }
  for (let j = 0; j < f; j++) {
    mean[j] = n[j] ? mean[j] / n[j] : 0;
    sq[j] = n[j] > 1 ? Math.sqrt(Math.max(sq[j] / n[j] - mean[j] * mean[j], 0)) : 0;
  }
  const scale = (d: LabelledData): LabelledData => {
    const x = new Float32Array(d.x.length);
    for (let i = 0; i < d.count; i++) {
      for (let j = 0; j < f; j++) {
        const v = d.x[i * f + j];
        x[i * f + j] = Number.isFinite(v) && sq[j] > 0 ? (v - mean[j]) / sq[j] : 0;
      }
    }
    return { ...d, x };
  };
  return [scale(train), ...others.map(scale)];
}
