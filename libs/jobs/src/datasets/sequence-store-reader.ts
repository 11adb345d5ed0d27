/**
 * Opens a stored sequence table (sequence-store.ts) and reads what is small enough to hold for
 * every record: class indices (codes mapped to the sorted class order) and chromosomes. The
 * inputs themselves are read chunk by chunk (learning/store-batches.ts).
 */
import { basename } from 'node:path';
import { ChunkBuffers, TableReader } from '@strand/genomics';
import type { TableChunk } from '@strand/genomics';
import { LearningError } from '../learning/learning.error.ts';
import type { SequenceTableMeta } from './sequence-store.ts';
import { DATASET_METADATA_KEY } from './sequence-store.ts';

/** An opened sequence table and its layout. */
export interface SequenceStore {
  table: TableReader;
  meta: SequenceTableMeta;
  /** Class names in class-index order (sorted), as the dataset summary's labelNames. */
  labelNames: string[];
  /** Class index of each label code. */
  classOfCode: Uint8Array;
}

/** Opens a stored sequence table; INVALID_DATA when it is not one. */
export async function openSequenceStore(file: string): Promise<SequenceStore> {
  const table = await TableReader.open(file);
  const raw = table.metadata.get(DATASET_METADATA_KEY);
  let meta: SequenceTableMeta;
  try {
    meta = JSON.parse(raw ?? '') as SequenceTableMeta;
    if (meta.formatVersion !== 1) throw new Error(`format version ${String(meta.formatVersion)}`);
  } catch (error) {
    await table.close();
    throw new LearningError(
      'INVALID_DATA',
      `${basename(file)}: not a stored sequence table (${(error as Error).message})`,
    );
  }
  const k = meta.columns.labels.length;
  const labelNames = k === 0 ? [] : k > 1 ? ['0', '1'] : [...meta.labelCodes].sort();
  const index = new Map(labelNames.map((name, i) => [name, i]));
  const classOfCode = new Uint8Array(256);
  meta.labelCodes.forEach((name, code) => (classOfCode[code] = index.get(name) ?? 0));
  return { table, meta, labelNames, classOfCode };
}

/** Class index of each row of a chunk (into labelNames). */
export function chunkClasses(store: SequenceStore, chunk: TableChunk): Uint8Array {
  const codes = chunk.numbers('label') as Uint8Array;
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = store.classOfCode[codes[i]];
  return out;
}

/** `chr1:100-200`, `chr1:100-200(+)`, `17:5-9_2`: a sequence id that says where it lies. */
export const LOCUS_ID = /^([^\s:]+):\d+-\d+(?:\([+-.]\))?(?:[_|].*)?$/;

/**
 * Class index and chromosome of every record, in stored order: chromosomes from the `chrom`
 * column, else from ids that say where they lie (`chr1:100-200`), else null.
 */
export async function readStoreRecords(
  store: SequenceStore,
  options: { chromosomes?: boolean } = {},
): Promise<{ classes: Uint8Array; chromosomes: string[] | null }> {
  const { table } = store;
  const classes = new Uint8Array(table.rows);
  let chromosomes: string[] | null = options.chromosomes === false ? null : [];
  // One string per chromosome name, however many records lie on it.
  const names = new Map<string, string>();
  const intern = (name: string) => names.get(name) ?? (names.set(name, name), name);
  let at = 0;
  // Each chunk is done with before the next is read: one buffer serves them all.
  const buffers = new ChunkBuffers(1);
  for (let c = 0; c < table.chunks; c++) {
    const chunk = await table.chunk(c, buffers);
    classes.set(chunkClasses(store, chunk), at);
    at += chunk.rows;
    if (chromosomes === null) continue;
    for (let r = 0; r < chunk.rows && chromosomes !== null; r++) {
      const chrom = store.meta.coordinates
        ? chunk.textAt('chrom', r)
        : (LOCUS_ID.exec(chunk.textAt('id', r))?.[1] ?? null);
      if (chrom === null) chromosomes = null;
      else chromosomes.push(intern(chrom));
    }
  }
  return { classes, chromosomes: chromosomes && chromosomes.length ? chromosomes : null };
}

/**
 * The id and sequence of the first `limit` records of a stored sequence table, with where each
 * lies (1-based, inclusive; the store keeps 0-based half-open) when the table has coordinates.
 */
export async function firstStoredSequences(
  file: string,
  limit: number,
): Promise<StoredSequenceRecord[]> {
  const store = await openSequenceStore(file);
  const out: StoredSequenceRecord[] = [];
  try {
    for (let c = 0; c < store.table.chunks && out.length < limit; c++) {
      const chunk = await store.table.chunk(c);
      const starts = store.meta.coordinates ? chunk.numbers('start') : null;
      const ends = store.meta.coordinates ? chunk.numbers('end') : null;
      for (let r = 0; r < chunk.rows && out.length < limit; r++) {
        const record: StoredSequenceRecord = {
          id: chunk.textAt('id', r),
          sequence: chunk.textAt('sequence', r),
        };
        const chrom = starts && ends ? chunk.textAt('chrom', r) : '';
        if (starts && ends && chrom !== '') {
          Object.assign(record, {
            chrom,
            start: Number(starts[r]) + 1,
            end: Number(ends[r]),
            strand: '+',
          });
        }
        out.push(record);
      }
    }
  } finally {
    await store.table.close();
  }
  return out;
}

/** A stored record as explanation reads it. */
export interface StoredSequenceRecord {
  id: string;
  sequence: string;
  chrom?: string;
  start?: number;
  end?: number;
  strand?: '+' | '-';
}
