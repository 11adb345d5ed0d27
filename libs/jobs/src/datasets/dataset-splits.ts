/**
 * Splits stored with the dataset version they index, so a run can say exactly which records it
 * trained and was tested on. Parts: the spec and its normal form; `splitIdOf` (the hash that makes
 * storing idempotent); `computeParts` (@strand/genomics stratifiedSplit, chromosomeHoldout, kFold,
 * chromosomeKFold); `storeSplit` / `loadSplit` (the file `splits/<splitId>.json` in the dataset's
 * artifact directory, written atomically and checked when read).
 */
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import {
  chromosomeHoldout,
  chromosomeKFold,
  GenomicsError,
  kFold,
  stratifiedSplit,
} from '@strand/genomics';
import type { ArtifactStore, Dataset } from '@strand/data';
import { rowsChecksum } from '../learning/holdout-split.ts';
import { DatasetSplitError } from './dataset-split.error.ts';
import { contentPath, readSplitRecords } from './dataset-split-records.ts';
import type { SplitRecords } from './dataset-split-records.ts';

/** How to split a dataset's records. */
export type SplitSpec =
  /** Random train / valid / test, stratified by label; fractions sum to 1. */
  | { method: 'stratified'; train: number; valid: number; test: number; seed?: number }
  /** Whole chromosomes held out for test (and valid); the rest train. */
  | { method: 'chromosome-holdout'; test: string[]; valid?: string[] }
  /** k folds, stratified by label (`by: 'record'`) or whole chromosomes per fold. */
  | { method: 'k-fold'; k: number; by?: 'record' | 'chromosome'; seed?: number };

/** A split as stored: `parts` are record indices (0-based, in stored order), each ascending. */
export interface StoredSplit {
  formatVersion: 1;
  splitId: string;
  datasetId: string;
  /** The dataset content the indices refer to. */
  datasetChecksum: string;
  recordCount: number;
  /** The spec in normal form (defaults filled in, chromosome lists sorted). */
  spec: SplitSpec;
  seed: number | null;
  /** `train` / `valid` / `test`, or `fold-0` … `fold-(k-1)` (each fold's test records). */
  parts: Record<string, number[]>;
  counts: Record<string, number>;
  /** Chromosomes (as the records spell them) per part, for chromosome splits. */
  chromosomes?: Record<string, string[]>;
  /** Per part, SHA-256 of its indices as learning/holdout-split's rowsChecksum computes it. */
  partSha256: Record<string, string>;
  /** SHA-256 of the canonical JSON of `parts`: what loadSplit checks. */
  sha256: string;
}

/** Where a split of a dataset is stored, relative to the artifact store. */
export function splitPath(dataset: Dataset, splitId: string): string {
  return `${dirname(contentPath(dataset).rel)}/splits/${splitId}.json`;
}

const invalid = (message: string) => new DatasetSplitError('INVALID_SPEC', message);

function names(list: unknown, field: string): string[] {
  if (!Array.isArray(list) || list.some((c) => typeof c !== 'string' || c === '')) {
    throw invalid(`${field} must be a list of chromosome names`);
  }
  return [...new Set(list as string[])].sort();
}

/** The spec with defaults filled in and lists sorted: equal splits get equal specs. */
export function normalizeSpec(spec: SplitSpec): SplitSpec {
  const seed = (value: number | undefined) => {
    const s = value ?? 0;
    if (!Number.isInteger(s)) throw invalid(`seed must be an integer, got ${value}`);
    return s;
  };
  switch (spec?.method) {
    case 'stratified':
      return {
        method: 'stratified',
        train: spec.train,
        valid: spec.valid,
        test: spec.test,
        seed: seed(spec.seed),
      };
    case 'chromosome-holdout':
      return {
        method: 'chromosome-holdout',
        test: names(spec.test, 'test'),
        valid: names(spec.valid ?? [], 'valid'),
      };
    case 'k-fold':
      if (spec.by !== undefined && spec.by !== 'record' && spec.by !== 'chromosome') {
        throw invalid(`by must be "record" or "chromosome", got ${JSON.stringify(spec.by)}`);
      }
      return { method: 'k-fold', k: spec.k, by: spec.by ?? 'record', seed: seed(spec.seed) };
    default:
      throw invalid(
        `method must be "stratified", "chromosome-holdout" or "k-fold", got ${JSON.stringify((spec as { method?: unknown })?.method)}`,
      );
  }
}

/** JSON with object keys sorted: one text per value, whatever the key order it was built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The id of a split: a hash of its normal spec and the dataset content it indexes. */
export function splitIdOf(spec: SplitSpec, datasetChecksum: string): string {
  return sha256(`${canonical(normalizeSpec(spec))}\n${datasetChecksum}`).slice(0, 32);
}

function needChromosomes(records: SplitRecords, dataset: Dataset): string[] {
  if (records.chromosomes === null) {
    throw new DatasetSplitError(
      'UNSUPPORTED',
      `dataset ${dataset.name}: its records carry no chromosome (sequence ids like chr1:100-200, or variants), so it cannot be split by chromosome`,
    );
  }
  return records.chromosomes;
}

/** The parts of a split of `records`. */
function computeParts(spec: SplitSpec, records: SplitRecords, dataset: Dataset) {
  try {
    if (spec.method === 'stratified') {
      const { train, valid, test } = stratifiedSplit(records.labels, {
        train: spec.train,
        valid: spec.valid,
        test: spec.test,
        seed: spec.seed ?? 0,
      });
      return { train, valid, test };
    }
    if (spec.method === 'chromosome-holdout') {
      const chroms = needChromosomes(records, dataset);
      const { train, valid, test } = chromosomeHoldout(chroms, spec);
      return { train, valid, test };
    }
    const folds =
      spec.by === 'chromosome'
        ? chromosomeKFold(needChromosomes(records, dataset), { k: spec.k, seed: spec.seed ?? 0 })
        : kFold(records.labels, { k: spec.k, seed: spec.seed ?? 0 });
    return Object.fromEntries(folds.map((fold, i) => [`fold-${i}`, fold.test]));
  } catch (error) {
    // The genomics checks (fractions, k, held-out names) are the spec's problems.
    if (error instanceof GenomicsError) throw invalid(`dataset ${dataset.name}: ${error.message}`);
    throw error;
  }
}

function isChromosomeSplit(spec: SplitSpec): boolean {
  return (
    spec.method === 'chromosome-holdout' || (spec.method === 'k-fold' && spec.by === 'chromosome')
  );
}

/**
 * Computes a split of a dataset with @strand/genomics and stores it as
 * `<dataset dir>/splits/<splitId>.json`. Idempotent: the same spec (in normal form) on the same
 * content gives the same splitId, and a split already stored is returned as it is (after
 * loadSplit's checks). Errors: DatasetSplitError (INVALID_SPEC, UNSUPPORTED, CHECKSUM_MISMATCH).
 * @example const split = await storeSplit(db.artifacts, dataset, { method: 'k-fold', k: 5, seed: 1 });
 */
export async function storeSplit(
  artifacts: ArtifactStore,
  dataset: Dataset,
  spec: SplitSpec,
): Promise<StoredSplit> {
  const normal = normalizeSpec(spec);
  const { checksum } = contentPath(dataset);
  const splitId = splitIdOf(normal, checksum);
  const rel = splitPath(dataset, splitId);
  if (await artifacts.exists(rel)) return loadSplit(artifacts, dataset, splitId);
  const records = await readSplitRecords(artifacts, dataset);
  const parts = computeParts(normal, records, dataset);
  const entries = Object.entries(parts);
  const split: StoredSplit = {
    formatVersion: 1,
    splitId,
    datasetId: dataset.id,
    datasetChecksum: checksum,
    recordCount: records.labels.length,
    spec: normal,
    seed: 'seed' in normal ? (normal.seed ?? null) : null,
    parts,
    counts: Object.fromEntries(entries.map(([name, rows]) => [name, rows.length])),
    partSha256: Object.fromEntries(entries.map(([name, rows]) => [name, rowsChecksum(rows)])),
    sha256: sha256(canonical(parts)),
  };
  if (isChromosomeSplit(normal) && records.chromosomes) {
    const chroms = records.chromosomes;
    split.chromosomes = Object.fromEntries(
      entries.map(([name, rows]) => [name, [...new Set(rows.map((i) => chroms[i]))].sort()]),
    );
  }
  await artifacts.writeAtomic(rel, `${JSON.stringify(split)}\n`);
  return split;
}

/**
 * Reads a stored split of a dataset and checks it: NOT_FOUND when there is none, CORRUPT_SPLIT
 * when its content fails its own hash or counts or belongs to another dataset, CHECKSUM_MISMATCH
 * when it indexes other content than the dataset's current one.
 */
export async function loadSplit(
  artifacts: ArtifactStore,
  dataset: Dataset,
  splitId: string,
): Promise<StoredSplit> {
  if (!/^[0-9a-f]{32}$/.test(splitId)) {
    throw new DatasetSplitError('NOT_FOUND', `"${splitId}" is not a split id (32 hex digits)`);
  }
  const rel = splitPath(dataset, splitId);
  if (!(await artifacts.exists(rel))) {
    throw new DatasetSplitError('NOT_FOUND', `dataset ${dataset.name} has no split ${splitId}`);
  }
  const corrupt = (why: string) => new DatasetSplitError('CORRUPT_SPLIT', `${rel}: ${why}`);
  let split: StoredSplit;
  try {
    split = JSON.parse((await artifacts.read(rel)).toString('utf8')) as StoredSplit;
  } catch {
    throw corrupt('is not JSON');
  }
  if (split.formatVersion !== 1 || split.splitId !== splitId || split.datasetId !== dataset.id) {
    throw corrupt('is not this dataset’s split of that id');
  }
  if (split.datasetChecksum !== dataset.checksum) {
    throw new DatasetSplitError(
      'CHECKSUM_MISMATCH',
      `${rel}: indexes content ${split.datasetChecksum}, the dataset is now ${dataset.checksum}`,
    );
  }
  if (typeof split.parts !== 'object' || sha256(canonical(split.parts)) !== split.sha256) {
    throw corrupt('its parts do not match its SHA-256');
  }
  for (const [name, rows] of Object.entries(split.parts)) {
    if (split.counts?.[name] !== rows.length) throw corrupt(`count of ${name} does not match`);
  }
  return split;
}
