import { GenomicsError } from '../errors/genomics-error.ts';

/** A batch's arrays; `generation` tells a stale release() from the current one. */
export interface Slot {
  x: Float32Array;
  y: Float32Array;
  free: boolean;
  generation: number;
}

/** What the pool hands out: the arrays, how many rows are filled, and the way to give them back. */
export class IssuedBatch {
  constructor(
    readonly x: Float32Array,
    readonly y: Float32Array,
    readonly count: number,
    private readonly slot: Slot,
    private readonly generation: number,
  ) {}

  /** Frees the buffer for reuse, unless it has already been released (and maybe reused). */
  release(): void {
    if (this.slot.generation === this.generation) this.slot.free = true;
  }
}

/**
 * A fixed set of batch buffers, allocated once. A buffer is refilled only after the consumer has
 * released the batch it was handed in; asking for one while every buffer is held is an error
 * rather than a silent overwrite of data the consumer still reads (or a fresh allocation that
 * would make memory grow with the data).
 */
export class BatchPool {
  private readonly slots: Slot[];

  constructor(buffers: number, xSize: number, ySize: number) {
    this.slots = Array.from({ length: buffers }, () => ({
      x: new Float32Array(xSize),
      y: new Float32Array(ySize),
      free: true,
      generation: 0,
    }));
  }

  /** A released buffer, zeroed; throws BATCH_NOT_RELEASED when the consumer holds them all. */
  take(): Slot {
    let slot: Slot | undefined;
    for (const s of this.slots) if (s.free && slot === undefined) slot = s;
    if (slot === undefined) {
      const n = this.slots.length;
      throw new GenomicsError(
        'BATCH_NOT_RELEASED',
        `all ${n} batch buffer${n === 1 ? ' is' : 's are'} still held: call batch.release() when done with a batch (or ask for more buffers)`,
      );
    }
    slot.free = false;
    slot.x.fill(0);
    slot.y.fill(0);
    return slot;
  }

  /** The batch to hand out for a filled buffer. */
  issue(slot: Slot, count: number): IssuedBatch {
    return new IssuedBatch(slot.x, slot.y, count, slot, ++slot.generation);
  }
}
