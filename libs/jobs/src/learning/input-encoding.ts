/**
 * How the records are turned into model inputs before training (issue 12: library features
 * with no user path until now), chosen with the training choices of `strand train` / `strand cv`
 * and startTraining / startCrossValidation:
 * - expression: a per-sample normalisation (@strand/genomics log1pTransform, countsPerMillion,
 *   quantileNormalize) and k-nearest-neighbour imputation of missing values (imputeKnn);
 * - sequences: k-mer counts (kmerCounts) instead of one-hot bases, read as a feature vector (the
 *   mlp, and the logistic-regression baseline on the counts).
 * They use no labels. log1p, CPM and k-mer counts are per record; quantile normalisation's
 * reference distribution and kNN's neighbours are taken over every record given (transductive,
 * as limma / impute pipelines run them on the whole matrix): in cross-validation the test
 * samples' values, never their labels, take part.
 */
import {
  countsPerMillion,
  imputeKnn,
  kmerCounts,
  log1pTransform,
  quantileNormalize,
} from '@strand/genomics';
import type { ExpressionValues } from '@strand/genomics';
import { userError } from '../errors/user-error.ts';
import type { UserError } from '../errors/user-error.ts';
import type { DataShape, LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';

export const NORMALIZATIONS = ['none', 'log1p', 'cpm', 'log-cpm', 'quantile'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];
export const IMPUTATIONS = ['none', 'knn'] as const;
export type Imputation = (typeof IMPUTATIONS)[number];
/** Largest k of k-mer counts (4^6 = 4,096 features). */
export const MAX_KMER = 6;

export interface InputEncoding {
  /** Expression, per sample, before imputation: ln(1 + x), counts per million, both, quantile. */
  normalize: Normalization;
  /** Expression: none (a missing value reads as the training mean) or knn. */
  impute: Imputation;
  /** Neighbours of knn imputation. */
  imputeK: number;
  /** Sequences: count k-mers of this k instead of one-hot bases; 0: one-hot. */
  kmer: number;
  /** With kmer: count a k-mer and its reverse complement together (strand-symmetric). */
  kmerCanonical: boolean;
}

export const INPUT_ENCODING_DEFAULTS: Readonly<InputEncoding> = Object.freeze({
  normalize: 'none',
  impute: 'none',
  imputeK: 10,
  kmer: 0,
  kmerCanonical: false,
});

/** True when anything differs from one-hot / raw values. */
export function encodes(e: Partial<InputEncoding>): boolean {
  return (e.normalize ?? 'none') !== 'none' || (e.impute ?? 'none') !== 'none' || (e.kmer ?? 0) > 0;
}

/** Range checks of the caller's values (fields as GraphQL names them). */
export function checkInputEncoding(e: InputEncoding): UserError[] {
  const errors: UserError[] = [];
  if (!(NORMALIZATIONS as readonly string[]).includes(e.normalize)) {
    errors.push(
      userError(
        'normalize',
        'INVALID_VALUE',
        `normalize must be ${NORMALIZATIONS.join(', ')}; got "${e.normalize}"`,
      ),
    );
  }
  if (!(IMPUTATIONS as readonly string[]).includes(e.impute)) {
    errors.push(
      userError(
        'impute',
        'INVALID_VALUE',
        `impute must be ${IMPUTATIONS.join(' or ')}; got "${e.impute}"`,
      ),
    );
  }
  if (!Number.isInteger(e.imputeK) || e.imputeK < 1 || e.imputeK > 100) {
    errors.push(
      userError(
        'imputeK',
        'OUT_OF_RANGE',
        `imputeK must be an integer from 1 to 100; got ${e.imputeK}`,
      ),
    );
  } else if (e.imputeK !== INPUT_ENCODING_DEFAULTS.imputeK && e.impute !== 'knn') {
    errors.push(userError('imputeK', 'INVALID_VALUE', 'imputeK needs impute knn'));
  }
  if (!Number.isInteger(e.kmer) || e.kmer < 0 || e.kmer > MAX_KMER) {
    errors.push(
      userError(
        'kmer',
        'OUT_OF_RANGE',
        `kmer must be an integer from 0 (one-hot) to ${MAX_KMER}; got ${e.kmer}`,
      ),
    );
  } else if (e.kmerCanonical && e.kmer === 0) {
    errors.push(userError('kmerCanonical', 'INVALID_VALUE', 'kmerCanonical needs kmer K ≥ 1'));
  }
  return errors;
}

/** What is wrong with an encoding for data of this shape (as read, before encoding). */
export function checkInputEncodingForData(
  e: Partial<InputEncoding>,
  shape: DataShape,
  described = 'the data',
): UserError[] {
  const errors: UserError[] = [];
  for (const field of ['normalize', 'impute'] as const) {
    if ((e[field] ?? 'none') !== 'none' && shape.kind !== 'features') {
      errors.push(
        userError(
          field,
          'INVALID_VALUE',
          `${field} applies to expression data; ${described} holds sequences`,
        ),
      );
    }
  }
  if ((e.kmer ?? 0) > 0) {
    const dna =
      shape.kind === 'sequence' && shape.alphabetSize === 4 && !shape.profile && !shape.tasks;
    if (!dna || shape.extraFeatures?.length) {
      errors.push(
        userError(
          'kmer',
          'INVALID_VALUE',
          `kmer counts the k-mers of DNA sequences with one label column; ${described} holds ${shape.kind === 'features' ? 'features (expression)' : shape.profile ? 'count profiles' : shape.tasks ? 'several label columns' : 'feature columns beside the sequence'}`,
        ),
      );
    } else if ((e.kmer ?? 0) > shape.length) {
      errors.push(
        userError(
          'kmer',
          'OUT_OF_RANGE',
          `kmer ${e.kmer} is longer than the sequences of ${described} (${shape.length} bp)`,
        ),
      );
    }
  }
  return errors;
}

/** The shape of the data once encoded (what the architecture must read). */
export function encodedShape(shape: DataShape, e: Partial<InputEncoding>): DataShape {
  const k = e.kmer ?? 0;
  if (k === 0) return shape;
  return { kind: 'features', length: 4 ** k, alphabetSize: 1, labelNames: shape.labelNames };
}

const BASES = 'ACGT';

/** The k-mer names of the count columns, in kmerCounts' order (AAAA, AAAC, …). */
export function kmerNames(k: number): string[] {
  return Array.from({ length: 4 ** k }, (_, index) => {
    let name = '';
    for (let i = k - 1; i >= 0; i--) name += BASES[Math.floor(index / 4 ** i) % 4];
    return name;
  });
}

/** A record's bases read back from one-hot rows (a row that is not exactly one base is N). */
function sequenceOf(x: Float32Array, record: number, length: number): string {
  let seq = '';
  for (let p = 0; p < length; p++) {
    const at = (record * length + p) * 4;
    let base = 'N';
    for (let c = 0; c < 4; c++) if (x[at + c] === 1) base = BASES[c] as string;
    seq += base;
  }
  return seq;
}

/**
 * The data encoded as chosen (a new LabelledData; `data` unchanged; the same when nothing is
 * chosen). Throws LearningError for an encoding that does not fit the data.
 */
export function encodeInputs(data: LabelledData, e: Partial<InputEncoding>): LabelledData {
  if (!encodes(e)) return data;
  const [problem] = checkInputEncodingForData(e, data);
  if (problem) throw new LearningError('INVALID_OPTIONS', problem.message, problem.field);
  const k = e.kmer ?? 0;
  if (k > 0) {
    const width = 4 ** k;
    const x = new Float32Array(data.count * width);
    for (let r = 0; r < data.count; r++) {
      const counts = kmerCounts(sequenceOf(data.x, r, data.length), k, {
        canonical: e.kmerCanonical === true,
      });
      x.set(counts, r * width);
    }
    return {
      kind: 'features',
      x,
      count: data.count,
      length: width,
      alphabetSize: 1,
      labels: data.labels,
      labelNames: data.labelNames,
      features: kmerNames(k),
      checksum: data.checksum,
    };
  }
  const genes = data.features ?? Array.from({ length: data.length }, (_, g) => `f${g + 1}`);
  let m: ExpressionValues = {
    genes,
    samples: Array.from({ length: data.count }, (_, i) => `record ${i + 1}`),
    values: data.x,
  };
  if (e.normalize === 'cpm' || e.normalize === 'log1p' || e.normalize === 'log-cpm') {
    const at = data.x.findIndex((v) => v < 0);
    if (at >= 0) {
      const record = Math.floor(at / data.length);
      throw new LearningError(
        'INVALID_DATA',
        `normalize ${e.normalize} reads counts ≥ 0; record ${record + 1} has a negative value for ${genes[at % data.length]} (log-scale data: leave normalize none, or quantile)`,
        'normalize',
      );
    }
  }
  try {
    if (e.normalize === 'cpm' || e.normalize === 'log-cpm') m = countsPerMillion(m);
    if (e.normalize === 'log1p' || e.normalize === 'log-cpm') m = log1pTransform(m);
    if (e.normalize === 'quantile') m = quantileNormalize(m);
    if (e.impute === 'knn') m = imputeKnn(m, e.imputeK ?? INPUT_ENCODING_DEFAULTS.imputeK);
  } catch (error) {
    throw new LearningError(
      'INVALID_DATA',
      `${e.normalize !== 'none' ? `normalize ${e.normalize}` : 'impute knn'}: ${(error as Error).message}`,
      e.impute === 'knn' && e.normalize === 'none' ? 'impute' : 'normalize',
    );
  }
  return { ...data, x: m.values };
}
