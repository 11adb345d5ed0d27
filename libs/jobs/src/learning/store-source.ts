/**
 * A stored sequence table as the learning engine's data source: its shape and every record's
 * class in memory (for splits), its inputs read by StoreStream, or the whole of it in memory
 * (`load`) for what does not stream (profile heads, cross-validation folds). fit() takes it
 * beside LabelledData: one interface, data in memory being the small case.
 */
import { basename } from 'node:path';
import type { SequenceStore } from '../datasets/sequence-store-reader.ts';
import { openSequenceStore, readStoreRecords } from '../datasets/sequence-store-reader.ts';
import type { FeatureScaling } from './feature-scaling.ts';
import type { DataShape, LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { StoreStream } from './store-batches.ts';
import type { StoreTarget } from './store-batches.ts';
import { loadStoreTable } from './store-data.ts';
import { STORED_COLUMNS } from './stored-data.ts';

export interface StoreSource extends DataShape {
  source: 'store';
  file: string;
  checksum: string;
  count: number;
  /** Class index of every record (the first task of multitask data; 0 for a profile). */
  labels: Uint8Array;
  store: SequenceStore;
}

/** Data of any size: a stored table read as it is needed, or data already in memory. */
export type DataSource = LabelledData | StoreSource;

export function isStoreSource(data: DataSource): data is StoreSource {
  return (data as StoreSource).source === 'store';
}

/** Opens a stored sequence table as a source (close it with closeSource). */
export async function openStoreSource(file: string, checksum: string): Promise<StoreSource> {
  const store = await openSequenceStore(file);
  try {
    const { classes } = await readStoreRecords(store, { chromosomes: false });
    if (classes.length === 0)
      throw new LearningError('INVALID_DATA', `${basename(file)}: no records`);
    const first = await store.table.chunk(0);
    const { offsets } = first.text('sequence');
    const { labels, features, profile } = store.meta.columns;
    return {
      source: 'store',
      file,
      checksum,
      store,
      count: classes.length,
      labels: classes,
      kind: 'sequence',
      length: offsets[1] - offsets[0],
      alphabetSize: 4,
      labelNames: [...store.labelNames],
      ...(labels.length > 1 ? { tasks: [...labels] } : {}),
      ...(features.length ? { extraFeatures: [...features] } : {}),
      ...(profile ? { profile: { ...profile } } : {}),
    };
  } catch (error) {
    await store.table.close();
    throw error;
  }
}

/** Closes a source's files (nothing for data in memory). */
export async function closeSource(data: DataSource): Promise<void> {
  if (isStoreSource(data)) await data.store.table.close();
}

/** The whole of a source in memory. */
export async function loadSource(data: DataSource): Promise<LabelledData> {
  return isStoreSource(data) ? loadStoreTable(data.file, data.checksum) : data;
}

/** What `y` of a stream holds for a task (see StoreStream). */
export function storeTarget(data: DataShape, task: string): StoreTarget {
  if (task === 'multitask') return 'tasks';
  if (task === 'regression' && data.profile) return 'log-totals';
  return 'class';
}

/**
 * The scaling of the feature columns over `mask`'s rows (population sd; as fitFeatureScaling
 * learns it in memory), read chunk by chunk; null without feature columns.
 */
export async function fitStoreScaling(
  source: StoreSource,
  mask: Uint8Array,
): Promise<FeatureScaling | null> {
  const names = source.extraFeatures;
  if (!names?.length) return null;
  const f = names.length;
  const sum = new Float64Array(f);
  const sq = new Float64Array(f);
  let n = 0;
  let at = 0;
  const { table } = source.store;
  for (let c = 0; c < table.chunks; c++) {
    const chunk = await table.chunk(c);
    const columns = names.map((_, k) => chunk.numbers(STORED_COLUMNS.feature(k)));
    for (let r = 0; r < chunk.rows; r++) {
      if (!mask[at + r]) continue;
      n++;
      for (let k = 0; k < f; k++) {
        const v = columns[k][r];
        sum[k] += v;
        sq[k] += v * v;
      }
    }
    at += chunk.rows;
  }
  const mean = Array.from(sum, (s) => (n ? s / n : 0));
  const sd = Array.from(sq, (s, k) =>
    n > 1 ? Math.sqrt(Math.max(s / n - mean[k] * mean[k], 0)) : 0,
  );
  return { features: [...names], mean, sd };
}

/** A stream of `mask`'s rows of a source for `task`. */
export function sourceStream(
  source: StoreSource,
  mask: Uint8Array,
  task: string,
  seed: number,
  scaling: FeatureScaling | null,
): StoreStream {
  return new StoreStream(source.store, source.length, {
    mask,
    seed,
    target: storeTarget(source, task),
    scaling,
  });
}
