import { ParallelWorkerError } from './parallel-worker.error.ts';

/** Slots of the control array every worker and the main thread share. */
const COUNT = 0; // workers arrived at the current barrier
const GENERATION = 1; // barriers passed
const ABORT = 2; // set by the main thread when a worker failed: nobody waits for it any longer
export const CONTROL_INTS = 3;

/**
 * A reusable barrier for the gradient workers over a shared Int32Array (Atomics): the last to
 * arrive resets the count and bumps the generation; the others sleep in `Atomics.wait` until it
 * changes. The main thread never waits here; it only sets `abort` when a worker has failed, so
 * the others leave their barrier with an error instead of waiting forever.
 */
export class WorkerBarrier {
  private readonly control: Int32Array;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly parties: number,
  ) {
    this.control = new Int32Array(buffer);
  }

  /** A fresh control buffer for `new WorkerBarrier(buffer, parties)` in every thread. */
  static buffer(): SharedArrayBuffer {
    return new SharedArrayBuffer(CONTROL_INTS * 4);
  }

  /** Blocks until all `parties` workers have called it (worker threads only). */
  wait(): void {
    const c = this.control;
    const generation = Atomics.load(c, GENERATION);
    if (Atomics.add(c, COUNT, 1) === this.parties - 1) {
      Atomics.store(c, COUNT, 0);
      Atomics.add(c, GENERATION, 1);
      Atomics.notify(c, GENERATION);
      return;
    }
    while (Atomics.load(c, GENERATION) === generation) {
      this.throwIfAborted();
      Atomics.wait(c, GENERATION, generation, 200);
    }
  }

  /** Throws once the main thread has aborted (a worker failed): for any wait on the others. */
  throwIfAborted(): void {
    if (Atomics.load(this.control, ABORT) !== 0) {
      throw new ParallelWorkerError('another gradient worker failed; step abandoned');
    }
  }

  /** Releases every waiting worker with an error (main thread, after a worker failed). */
  abort(): void {
    Atomics.store(this.control, ABORT, 1);
    Atomics.notify(this.control, GENERATION);
  }
}
