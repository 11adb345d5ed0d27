// Streaming training batches from a BED file and an indexed reference: the options, the batch
// contract and the entry point. The work is in FastaBedIterator (batches, reading), BatchPool
// (the reused buffers), RegionEncoder (BED line → window rows), ByteLines, BedLineScanner and
// window-source (bytes in, no strings). Nothing is allocated per region on the usual path (BED3-6,
// plain FASTA) and little per batch: that keeps RSS flat, not only the live heap — see
// tools/bench/encode-rss.ts.
import type { FastaIndex } from '../formats/fasta/fasta-index.ts';
import type { TextSource } from '../io/open-text.ts';
import { FastaBedIterator } from './fasta-bed-iterator.ts';

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
  /**
   * How many batches the consumer may hold (not yet released) at once; default 2, so one can
   * be in use while the next is read. Each has its own x and y, allocated once.
   */
  buffers?: number;
}

/**
 * One batch. `x` and `y` are the consumer's until it calls `release()`; after that the iterator
 * refills them with a later batch. Asking for a batch while all `buffers` are held throws
 * BATCH_NOT_RELEASED, so a forgotten release fails loudly instead of corrupting data.
 */
export interface FastaBedBatch {
  /** One-hot windows, [batchSize, length, 4] (A, C, G, T); rows past `count` are zero. */
  x: Float32Array;
  /** Labels, [batchSize]; entries past `count` are zero. */
  y: Float32Array;
  /** How many windows of this batch are filled (batchSize except maybe for the last). */
  count: number;
  /**
   * Hands x and y back for reuse: call it once their values have been copied or consumed (the
   * wasm and tensorflow backends copy in `tf.tensor`; the cpu backend keeps a reference, so give
   * it `x.slice()`). Calling it again, or after a later batch reused the arrays, does nothing.
   */
  release(): void;
}

/**
 * Streams batches of one-hot windows for the regions of a BED file, fetched from an indexed
 * FASTA: each window is `length` bases centred on its region; bases beyond a chromosome's ends
 * are all-zero rows. Memory is the `buffers` batches, the reader's 64 KiB buffers and one entry
 * per chromosome name, however many records the file has; errors name the BED line.
 * @example
 * for await (const batch of fastaBedBatches({ fasta, bed, length: 101, batchSize: 64 })) {
 *   const xs = tf.tensor3d(batch.x, [64, 101, 4]); // copies (wasm backend)
 *   batch.release();
 *   await train(xs, batch.count);
 * }
 */
export function fastaBedBatches(options: FastaBedBatchOptions): AsyncGenerator<FastaBedBatch> {
  return new FastaBedIterator(options);
}
