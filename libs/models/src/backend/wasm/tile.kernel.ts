import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * `Tile` for wasm as block copies: the wasm kernel computes a source index per output element
 * (batch norm's gradient tiles its [1, 1, 1, C] statistics over the whole batch: Basset's first
 * layer, [64, 600, 1, 300], took 0.5 s, a fifth of a training step). Here each row of x is
 * copied once and every repetition of a dimension is made by doubling the block already written
 * (`copyWithin`, a memmove), innermost dimension first: O(log reps) moves per block. float32,
 * int32 and bool (any element size); string tensors go to the kernel it replaces.
 */
export function tileConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Tile,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { reps } = args.attrs as unknown as tf.TileAttrs;
      if (x.dtype === 'string' || x.dtype === 'complex64' || reps.length !== x.shape.length) {
        return original.kernelFunc(args);
      }
      const wasm = args.backend as BackendWasm;
      const outShape = x.shape.map((d, i) => d * (reps[i] as number));
      const out = wasm.makeOutput(outShape, x.dtype);
      if (tf.util.sizeFromShape(outShape) === 0) return out;
      const bytes = x.dtype === 'bool' ? 1 : 4;
      const heap = (wasm.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8;
      const shape = x.shape.length === 0 ? [1] : x.shape;
      const r = x.shape.length === 0 ? [1] : reps;
      tileInto(
        heap,
        wasm.getMemoryOffset(x.dataId),
        wasm.getMemoryOffset(out.dataId),
        shape,
        r,
        bytes,
      );
      return out;
    },
  };
}

/** Writes x (shape, at `src`) tiled by `reps` at `dst`; offsets and sizes in bytes. */
function tileInto(
  heap: Uint8Array,
  src: number,
  dst: number,
  shape: readonly number[],
  reps: readonly number[],
  bytes: number,
): void {
  const rank = shape.length;
  // Bytes of x below dimension d, and of the output below d.
  const xInner = new Array<number>(rank);
  const outInner = new Array<number>(rank);
  let [xs, os] = [bytes, bytes];
  for (let d = rank - 1; d >= 0; d--) {
    xInner[d] = xs;
    outInner[d] = os;
    xs *= shape[d] as number;
    os *= (shape[d] as number) * (reps[d] as number);
  }
  const fill = (d: number, from: number, to: number): void => {
    const size = shape[d] as number;
    if (d === rank - 1) heap.copyWithin(to, from, from + size * bytes);
    else
      for (let i = 0; i < size; i++)
        fill(d + 1, from + i * (xInner[d] as number), to + i * (outInner[d] as number));
    // The block of one repetition, then doubled until reps[d] repetitions are written.
    const block = size * (outInner[d] as number);
    const total = block * (reps[d] as number);
    for (let done = block; done < total; done *= 2) {
      heap.copyWithin(to + done, to, to + Math.min(done, total - done));
    }
  };
  fill(0, src, dst);
}
