/**
 * The training loader of a stored sequence table: a TrainingStream (@strand/models) over some
 * rows of it. An epoch reads the table's chunks in a seeded random order (the next chunk read
 * while this one is used) and passes their rows through a shuffle buffer of `bufferRows`
 * (each row replaces a random one, which goes out), then drains the buffer in random order;
 * epoch 0 reads the rows in stored order. The same seed and epoch give the same batches. Rows
 * are kept as their bases (bytes), one-hot encoded into the batch as it is filled: memory is a
 * chunk or two, the buffer and one batch, whatever the table's size.
 */
import { ChunkBuffers, createRng, oneHotEncodeBytes } from '@strand/genomics';
import type { NumericArray, TableChunk } from '@strand/genomics';
import type { TrainingBatch, TrainingStream } from '@strand/models';
import type { SequenceStore } from '../datasets/sequence-store-reader.ts';
import { chunkClasses } from '../datasets/sequence-store-reader.ts';
import type { FeatureScaling } from './feature-scaling.ts';
import { LearningError } from './learning.error.ts';
import { STORED_COLUMNS } from './stored-data.ts';

/** What `y` holds: the class index, the 0/1 of each task, or log(1 + total counts) per track. */
export type StoreTarget = 'class' | 'tasks' | 'log-totals';

export interface StoreStreamOptions {
  /** 1 for each row (in stored order) the stream reads; null: every row. */
  mask: Uint8Array | null;
  seed: number;
  target: StoreTarget;
  /** Scaling of the feature columns (the second input), learnt from training rows. */
  scaling: FeatureScaling | null;
  /** Rows of the shuffle buffer; default four chunks. */
  bufferRows?: number;
}

/** One chunk's columns as the loader reads them. */
interface ChunkView {
  bytes: Uint8Array;
  offsets: Int32Array;
  classes: Uint8Array;
  tasks: NumericArray[];
  features: NumericArray[];
  counts: { values: NumericArray; offsets: Int32Array } | null;
}

export class StoreStream implements TrainingStream {
  readonly count: number;
  readonly alphabetSize = 4;
  readonly labelWidth: number;
  readonly extraInputSizes: number[];
  private readonly starts: number[];
  private readonly features: number;
  private readonly tracks: number;

  constructor(
    private readonly store: SequenceStore,
    readonly length: number,
    private readonly o: StoreStreamOptions,
  ) {
    const { columns } = store.meta;
    this.features = columns.features.length;
    this.tracks = columns.profile?.tracks ?? 0;
    this.labelWidth =
      o.target === 'tasks'
        ? Math.max(columns.labels.length, 1)
        : o.target === 'log-totals'
          ? this.tracks
          : 1;
    this.extraInputSizes = this.features ? [this.features] : [];
    let at = 0;
    this.starts = store.table.chunkRows.map((n) => ((at += n), at - n));
    this.count = o.mask ? o.mask.reduce((a, v) => a + v, 0) : store.table.rows;
  }

  async *batches(batchSize: number, epoch: number): AsyncGenerator<TrainingBatch> {
    const { table } = this.store;
    const L = this.length;
    const W = this.labelWidth;
    const F = this.features;
    const x = new Float32Array(batchSize * L * 4);
    const y = new Float32Array(batchSize * W);
    const extra = new Float32Array(batchSize * F);
    const batch = (n: number): TrainingBatch => ({
      count: n,
      x: x.subarray(0, n * L * 4),
      y: y.subarray(0, n * W),
      ...(F ? { extraInputs: [extra.subarray(0, n * F)] } : {}),
    });
    // Every full batch is the same views of the same buffers (a batch is valid until the next).
    const full = batch(batchSize);
    const shuffle = epoch > 0;
    const rng = createRng(((this.o.seed * 0x9e3779b1) ^ (epoch * 0x85ebca6b)) >>> 0);
    const order = Array.from({ length: table.chunks }, (_, i) => i);
    if (shuffle) rng.shuffle(order);
    const capacity = shuffle ? (this.o.bufferRows ?? 4 * (table.chunkRows[0] ?? 1)) : 0;
    const seq = new Uint8Array(capacity * L);
    const ys = new Float32Array(capacity * W);
    const xs = new Float32Array(capacity * F);
    let held = 0;
    let n = 0;
    // Copies value by value, not through subarray views: no object per record.
    const fromBuffer = (slot: number) => {
      oneHotEncodeBytes(seq, slot * L, slot * L + L, x, n * L * 4);
      for (let k = 0; k < W; k++) y[n * W + k] = ys[slot * W + k];
      for (let k = 0; k < F; k++) extra[n * F + k] = xs[slot * F + k];
      n++;
    };
    // Two buffers in turn: the chunk in use and the one read ahead (requested only once the one
    // before it is done with); chunk bytes are read into them, not into new ones per chunk.
    const buffers = new ChunkBuffers(2);
    let next = order.length ? table.chunk(order[0], buffers) : undefined;
    for (let i = 0; i < order.length; i++) {
      const chunk = await (next as Promise<TableChunk>);
      next = i + 1 < order.length ? table.chunk(order[i + 1], buffers) : undefined;
      const view = this.view(chunk);
      const start = this.starts[chunk.index];
      for (let r = 0; r < chunk.rows; r++) {
        if (this.o.mask && this.o.mask[start + r] === 0) continue;
        if (view.offsets[r + 1] - view.offsets[r] !== L) throw this.lengthError(start + r, view, r);
        if (!shuffle) {
          this.write(view, r, x, n * L * 4, y, n * W, extra, n * F, true);
          n++;
        } else if (held < capacity) {
          this.write(view, r, seq, held * L, ys, held * W, xs, held * F, false);
          held++;
          continue;
        } else {
          const slot = rng.int(capacity);
          fromBuffer(slot);
          this.write(view, r, seq, slot * L, ys, slot * W, xs, slot * F, false);
        }
        if (n === batchSize) {
          yield full;
          n = 0;
        }
      }
    }
    const rest = Array.from({ length: held }, (_, i) => i);
    rng.shuffle(rest);
    for (const slot of rest) {
      fromBuffer(slot);
      if (n === batchSize) {
        yield full;
        n = 0;
      }
    }
    if (n > 0) yield batch(n);
  }

  private view(chunk: TableChunk): ChunkView {
    const { columns } = this.store.meta;
    const { bytes, offsets } = chunk.text('sequence');
    return {
      bytes,
      offsets,
      classes: chunkClasses(this.store, chunk),
      // One label column read as one task (a multitask head of one output): its 0/1 class.
      tasks:
        this.o.target === 'tasks' && columns.labels.length > 1
          ? columns.labels.map((_, t) => chunk.numbers(STORED_COLUMNS.task(t)))
          : [],
      features: columns.features.map((_, f) => chunk.numbers(STORED_COLUMNS.feature(f))),
      counts: this.o.target === 'log-totals' ? chunk.list(STORED_COLUMNS.profile) : null,
    };
  }

  /**
   * Writes row r of a chunk: its bases one-hot into `x` (or as bytes, `oneHot` false), its
   * targets into `y`, its scaled features into `extra`.
   */
  private write(
    v: ChunkView,
    r: number,
    x: Float32Array | Uint8Array,
    xAt: number,
    y: Float32Array,
    yAt: number,
    extra: Float32Array,
    extraAt: number,
    oneHot: boolean,
  ): void {
    const from = v.offsets[r];
    const to = v.offsets[r + 1];
    if (oneHot) oneHotEncodeBytes(v.bytes, from, to, x as Float32Array, xAt);
    else {
      const bytes = v.bytes;
      const to8 = x as Uint8Array;
      for (let i = from; i < to; i++) to8[xAt + i - from] = bytes[i];
    }
    const target = this.o.target;
    if (target === 'class' || (target === 'tasks' && v.tasks.length === 0)) y[yAt] = v.classes[r];
    else if (target === 'tasks') {
      for (let k = 0; k < v.tasks.length; k++) y[yAt + k] = (v.tasks[k] as NumericArray)[r];
    } else if (v.counts) {
      const tracks = this.tracks;
      const counts = v.counts.values;
      for (let t = 0; t < tracks; t++) {
        let total = 0;
        for (let i = v.counts.offsets[r] + t; i < v.counts.offsets[r + 1]; i += tracks) {
          total += counts[i];
        }
        y[yAt + t] = Math.log1p(total);
      }
    }
    const scaling = this.o.scaling;
    for (let f = 0; f < v.features.length; f++) {
      const value = v.features[f][r];
      const sd = scaling?.sd[f] ?? 1;
      extra[extraAt + f] = scaling ? (sd > 0 ? (value - scaling.mean[f]) / sd : 0) : value;
    }
  }

  private lengthError(row: number, v: ChunkView, r: number): LearningError {
    const length = v.offsets[r + 1] - v.offsets[r];
    return new LearningError(
      'INVALID_DATA',
      `record ${row + 1} has length ${length}, the others ${this.length}; training needs one length`,
    );
  }
}
