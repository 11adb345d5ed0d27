import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapF32 } from './simd/heap.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `MaxPoolGrad` for wasm when it is tf.layers' maxPooling1d (input [N, W, 1, C] — the layer
 * pools along the second axis — window = stride = [p, 1], no padding, float32): one SIMD pass
 * over the input (simd/pool-functions.ts) instead of the wasm kernel's loop over every input
 * position and every window covering it. DeepSEA's first pool (batch 64, 993 × 320, p = 4)
 * took 330 ms there. The wasm kernel also disagrees with the cpu backend on these pools (it
 * drops some windows' gradients: with `STRAND_WASM_KERNELS` leaving this one out, the
 * spec's cpu comparisons fail); this one routes each window's gradient to its
 * first maximum, as cpu does. Anything else goes to the kernel it replaces.
 */
export function maxPoolGradConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.MaxPoolGrad,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
      const { filterSize, strides, pad, dimRoundingMode } =
        args.attrs as unknown as tf.MaxPoolGradAttrs;
      const [N, H, W, C] = input.shape as [number, number, number, number];
      if (input.dtype !== 'float32' || dy.dtype !== 'float32' || W !== 1) {
        return original.kernelFunc(args);
      }
      const info = tf.backend_util.computePool2DInfo(
        [N, H, W, C],
        filterSize,
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const p = info.filterHeight;
      const simple =
        info.filterWidth === 1 &&
        info.strideHeight === p &&
        info.padInfo.top === 0 &&
        info.padInfo.left === 0 &&
        info.outWidth === 1 &&
        info.outHeight === Math.floor(H / p);
      if (!simple) return original.kernelFunc(args);
      const wasm = args.backend as BackendWasm;
      const dx = wasm.makeOutput([N, H, W, C], 'float32');
      const [px, pdy, pdx] = [input, dy, dx].map((t) => wasm.getMemoryOffset(t.dataId)) as [
        number,
        number,
        number,
      ];
      const oH = info.outHeight;
      simdModule(wasm).max_pool_grad_1d(px, pdy, pdx, N, H, oH, p, C);
      if (oH * p < H) {
        // Rows past the last window get no gradient.
        const heap = heapF32(wasm);
        for (let b = 0; b < N; b++) {
          const from = pdx / 4 + (b * H + oH * p) * C;
          heap.fill(0, from, pdx / 4 + (b + 1) * H * C);
        }
      }
      return dx;
    },
  };
}
