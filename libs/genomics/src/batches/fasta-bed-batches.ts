// Streaming training batches from a BED file and an indexed reference. Map: options and batch
// types; `centredWindow` (where a region's window lies); `labelOf` (a record's numeric label);
// `fastaBedBatches` (the generator: read a batch of records, fetch their windows together,
// encode into the reused buffers, yield).
import { GenomicsError } from '../errors/genomics-error.ts';
import type { FastaIndex } from '../formats/fasta/fasta-index.ts';
import type { BedRecord } from '../formats/bed/bed-reader.ts';
import { readBed } from '../formats/bed/bed-reader.ts';
import type { TextSource } from '../io/open-text.ts';
import { sourceLabel } from '../io/open-text.ts';
import { oneHotEncode } from '../encoding/one-hot.ts';
import { openWindowSource } from './window-source.ts';

/** Options of {@link fastaBedBatches}. */
export interface FastaBedBatchOptions {
  /** The reference: an opened FastaIndex or the path of an indexable FASTA. */
  fasta: FastaIndex | string;
  /** BED regions (path or stream; plain, gzip or bgzip). */
  bed: TextSource;
  /** Window length in bases, centred on each region's midpoint. */
  length: number;
  batchSize: number;
  /** Column holding a numeric label (`name`, `score` or a 0-based index); y is 0 without it. */
  labelColumn?: 'name' | 'score' | number;
  /** Name of the BED source in error messages (default: its path). */
  label?: string;
}

/** One batch. The arrays are reused by the next batch: copy them before asking for it. */
export interface FastaBedBatch {
  /** One-hot windows, [batchSize, length, 4] (A, C, G, T); rows past `count` are zero. */
  x: Float32Array;
  /** Labels, [batchSize]; entries past `count` are zero. */
  y: Float32Array;
  /** How many windows of this batch are filled (batchSize except maybe for the last). */
  count: number;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new GenomicsError('INVALID_OPTIONS', `${name} must be an integer ≥ 1, got ${value}`);
  }
}

/** The window [start, start + length) centred on the region's midpoint (rounded down). */
export function centredWindow(record: Pick<BedRecord, 'start' | 'end'>, length: number): number {
  return Math.floor((record.start + record.end) / 2) - Math.floor(length / 2);
}

function labelOf(record: BedRecord, where: string): number {
  if (record.label === undefined) return 0;
  if (typeof record.label !== 'number') {
    throw new GenomicsError(
      'INVALID_LABEL',
      `${where}:${record.line}: label ${JSON.stringify(record.label)} is not a number`,
    );
  }
  return record.label;
}

/**
 * Streams batches of one-hot windows for the regions of a BED file, fetched from an indexed
 * FASTA: each window is `length` bases centred on its region; bases beyond a chromosome's ends
 * are all-zero rows. Only one batch of records is held at a time and `x`/`y` are the same two
 * arrays for every batch, so memory stays flat however many records the file has.
 * @example for await (const { x, y, count } of fastaBedBatches({ fasta, bed, length: 101, batchSize: 64 })) train(x, y, count);
 */
export async function* fastaBedBatches(
  options: FastaBedBatchOptions,
): AsyncGenerator<FastaBedBatch> {
  const { length, batchSize } = options;
  positiveInteger('length', length);
  positiveInteger('batchSize', batchSize);
  const where = sourceLabel(options.bed, options.label);
  const source = await openWindowSource(options.fasta);
  const fasta = source.index;
  const x = new Float32Array(batchSize * length * 4);
  const y = new Float32Array(batchSize);
  const rowSize = length * 4;
  const pending: BedRecord[] = [];

  const fill = async (): Promise<FastaBedBatch> => {
    x.fill(0);
    y.fill(0);
    // Fetching a batch's windows together overlaps their file reads.
    const windows = await Promise.all(
      pending.map((record) => {
        const size = fasta.length(record.chrom);
        if (size === undefined) {
          throw new GenomicsError(
            'UNKNOWN_CHROMOSOME',
            `${where}:${record.line}: chromosome "${record.chrom}" is not in the reference ${fasta.path}`,
          );
        }
        const start = centredWindow(record, length);
        const from = Math.max(0, start);
        const to = Math.min(size, start + length);
        return from < to ? source.fetch(record.chrom, from, to) : Promise.resolve('');
      }),
    );
    pending.forEach((record, i) => {
      const lead = Math.max(0, -centredWindow(record, length));
      try {
        oneHotEncode(windows[i], x, i * rowSize + lead * 4);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new GenomicsError(
          'INVALID_BASE',
          `${where}:${record.line}: window of ${record.chrom}:${record.start}-${record.end}: ${reason}`,
        );
      }
      y[i] = labelOf(record, where);
    });
    const count = pending.length;
    pending.length = 0;
    return { x, y, count };
  };

  try {
    for await (const record of readBed(options.bed, {
      label: where,
      labelColumn: options.labelColumn,
    })) {
      pending.push(record);
      if (pending.length === batchSize) yield await fill();
    }
    if (pending.length > 0) yield await fill();
  } finally {
    source.close();
  }
}
