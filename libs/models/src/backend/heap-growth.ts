import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what was live after a full collection before it
 * collects again: 1.5× (V8's own factor goes up to 4×).
 *
 * Why: TF.js makes a few hundred small JS objects per training step (a Tensor, its shape and
 * strides, tape entries), and the ones alive across a young-generation collection are promoted;
 * they are garbage a step later. V8 collects the old generation only when it reaches a limit it
 * sets at up to 4× the live size, and without external allocations to prompt it (the loader's
 * buffers are reused) nothing else does. A 2 M-sequence DeepBind epoch grew the heap from 100 to
 * 265 MB used before the first full collection (peak RSS 445–488 MB against 340–353 MB at 200 k);
 * at 1.5× it stays at 150 MB and the run is no slower (full collections of a ~100 MB heap take
 * milliseconds, and run concurrently). Measured in notes: `strand train --dataset … --epochs 1`.
 *
 * V8 reads this factor at every full collection, so setting it at run time works; it is process
 * wide, set once by initBackend (every thread that computes calls it).
 */
export const HEAP_GROWING_PERCENT = 50;

let done = false;

export function limitHeapGrowth(): void {
  if (done) return;
  done = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
