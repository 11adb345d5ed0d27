import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { planBroadcast, runBroadcast } from './broadcast-plan.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `Equal` on float32 for wasm. The wasm kernel compares element by element through a generic
 * broadcast index (~2 ms for 368k elements even without broadcasting, ~50 ms on the
 * [64, 90, 64] vs [64, 1, 64] compare of a global max pool's gradient); this one walks the merged
 * broadcast dimensions (see broadcast-plan.ts) and compares 16 lanes a pass in Strand's SIMD
 * module. Output bool, 1 where a == b (so NaN ≠ NaN), as the cpu kernel. Other dtypes go to the
 * kernel it replaces.
 */
export function equalConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Equal,
    backendName: 'wasm',
    // The replaced kernel binds its wasm function in setup; it must still run.
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return original.kernelFunc(args);
      const wasm = args.backend as BackendWasm;
      const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
      const out = wasm.makeOutput(outShape, 'bool');
      if (tf.util.sizeFromShape(outShape) === 0) return out;
      const pa = wasm.getMemoryOffset(a.dataId);
      const pb = wasm.getMemoryOffset(b.dataId);
      const po = wasm.getMemoryOffset(out.dataId);
      const simd = simdModule(wasm);
      runBroadcast(planBroadcast(a.shape, b.shape), pa, pb, po, 1, {
        vv: simd.equal_vv,
        vs: simd.equal_vs,
      });
      return out;
    },
  };
}
