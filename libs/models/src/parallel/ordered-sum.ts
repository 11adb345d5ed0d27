import type { FlatLayout } from './flat-weights.ts';
import type { WorkerBarrier } from './worker-barrier.ts';

/** Floats per chunk: 256 KB, a chunk of the sum and of one part stay in a core's L2. */
const CHUNK = 1 << 16;

/**
 * The weighted sum of every worker's values (gradients, batch-norm statistics) into one shared
 * vector, chunk by chunk in worker order: worker 0 sets chunk c, worker k adds its part of chunk
 * c once worker k−1 has. So
 *   - the workers follow each other through the vector (a pipeline) instead of all waiting for
 *     the slowest before any summing starts: a worker that finished its shard early has set or
 *     added its part while the others still compute, and the last one adds its part straight
 *     from its own memory, in one pass, with no copy to a slot of its own first;
 *   - the sum is the same whichever worker finishes first: float additions in a fixed order.
 * Each product is rounded to float32 before it is added, so with two workers the sum is the
 * same whichever of them is worker 0.
 *
 * The shared state is one Int32 per chunk: how many workers have added it since `begin` (the
 * main thread zeroes it before every training call, each worker counts its steps from there).
 * Used in the gradient workers (gradient.worker.ts); `add` blocks (Atomics.wait).
 */
export class OrderedSum {
  private readonly done: Int32Array;
  private steps = 0;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly layout: FlatLayout,
    private readonly index: number,
    private readonly workers: number,
    private readonly barrier: WorkerBarrier,
  ) {
    this.done = new Int32Array(buffer);
  }

  /** The shared counters for a layout (one per chunk). */
  static buffer(layout: FlatLayout): SharedArrayBuffer {
    return new SharedArrayBuffer(Math.max(1, chunkCount(layout)) * 4);
  }

  /** Zeroes the counters (main thread, before the workers begin a training call). */
  static reset(buffer: SharedArrayBuffer): void {
    new Int32Array(buffer).fill(0);
  }

  /** A new training call: the counters were zeroed. */
  begin(): void {
    this.steps = 0;
  }

  /**
   * Adds `share` × `parts` (one array per variable, in layout order) into `sum`, after the
   * workers before this one; `parts` undefined: this worker has no rows this step (it only
   * passes each chunk on, worker 0 zeroing it). Returns when this worker's part is in; the sum
   * is complete once every worker has returned (the caller's barrier).
   */
  add(sum: Float32Array, parts: readonly Float32Array[] | undefined, share: number): void {
    const turn = this.steps * this.workers + this.index;
    this.steps++;
    const { offsets, sizes } = this.layout;
    let chunk = 0;
    for (let v = 0; v < sizes.length; v++) {
      const size = sizes[v] as number;
      const offset = offsets[v] as number;
      const part = parts?.[v];
      for (let from = 0; from < size; from += CHUNK, chunk++) {
        const to = Math.min(size, from + CHUNK);
        this.waitFor(chunk, turn);
        if (part === undefined) {
          if (this.index === 0) sum.fill(0, offset + from, offset + to);
        } else if (this.index === 0) {
          for (let i = from; i < to; i++) sum[offset + i] = share * (part[i] as number);
        } else {
          for (let i = from; i < to; i++) {
            sum[offset + i] =
              (sum[offset + i] as number) + Math.fround(share * (part[i] as number));
          }
        }
        Atomics.add(this.done, chunk, 1);
        Atomics.notify(this.done, chunk);
      }
    }
  }

  /** Blocks until chunk `chunk` has had `turn` additions (the workers before this one). */
  private waitFor(chunk: number, turn: number): void {
    for (;;) {
      const now = Atomics.load(this.done, chunk);
      if (now === turn) return;
      this.barrier.throwIfAborted();
      Atomics.wait(this.done, chunk, now, 200);
    }
  }
}

/** How many chunks `OrderedSum` cuts a layout into (each variable into pieces of CHUNK). */
function chunkCount(layout: FlatLayout): number {
  return layout.sizes.reduce((n, size) => n + Math.ceil(size / CHUNK), 0);
}
