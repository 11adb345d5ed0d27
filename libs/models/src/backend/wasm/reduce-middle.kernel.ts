import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdModule } from './simd/simd-module.ts';

/**
 * `Max`, `Sum` and `Mean` on float32 for wasm when the reduced axes are one contiguous block. The
 * wasm kernels transpose the reduced axes innermost first and then reduce with a scalar loop
 * (~0.7 ms and ~1 ms on the [64, 90, 64] tensors of a global max pool and a conv bias gradient;
 * 76 ms for the batch mean of Basset's first batch normalisation, [64, 582, 300] over 0 and 1);
 * this views the input as [outer, reduced, inner] and reduces in place, 4 lanes a pass (a mean
 * is the sum scaled by 1 / reduced, as the cpu kernel computes it). Max propagates NaN like the
 * cpu kernel. Anything else goes to the kernel it replaces.
 */
export function reduceMiddleConfig(
  kind: 'Max' | 'Sum' | 'Mean',
  original: tf.KernelConfig,
): tf.KernelConfig {
  return {
    kernelName: kind,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const attrs = args.attrs as unknown as { keepDims: boolean } & (
        { reductionIndices: number | number[] } | { axis: number | number[] }
      );
      const axisAttr = 'axis' in attrs ? attrs.axis : attrs.reductionIndices;
      const axes = tf.util.parseAxisParam(axisAttr, x.shape).sort((p, q) => p - q);
      const contiguous = axes.every((axis, i) => i === 0 || axis === axes[i - 1] + 1);
      if (
        x.dtype !== 'float32' ||
        !contiguous ||
        axes.length === 0 ||
        tf.util.sizeFromShape(x.shape) === 0
      ) {
        return original.kernelFunc(args);
      }
      const size = (dims: number[]): number => dims.reduce((p, d) => p * d, 1);
      const first = axes[0];
      const last = axes[axes.length - 1];
      const outer = size(x.shape.slice(0, first));
      const mid = size(x.shape.slice(first, last + 1));
      const inner = size(x.shape.slice(last + 1));
      const outShape = attrs.keepDims
        ? x.shape.map((d, i) => (i >= first && i <= last ? 1 : d))
        : x.shape.filter((_, i) => i < first || i > last);
      const wasm = args.backend as BackendWasm;
      const out = wasm.makeOutput(outShape, 'float32');
      const simd = simdModule(wasm);
      const reduce = kind === 'Max' ? simd.max_mid : simd.sum_mid;
      reduce(wasm.getMemoryOffset(x.dataId), wasm.getMemoryOffset(out.dataId), outer, mid, inner);
      if (kind === 'Mean') {
        const values = wasm.typedArrayFromHeap(out) as Float32Array;
        const scale = 1 / mid;
        for (let k = 0; k < values.length; k++) values[k] = (values[k] as number) * scale;
      }
      return out;
    },
  };
}
