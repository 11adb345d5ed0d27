import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { planBroadcast } from './broadcast-plan.ts';
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
      const plan = planBroadcast(a.shape, b.shape);
      const simd = simdModule(wasm);
      let [pa, pb, aStrides, bStrides] = [
        wasm.getMemoryOffset(a.dataId),
        wasm.getMemoryOffset(b.dataId),
        plan.aStrides,
        plan.bStrides,
      ];
      // Equality is symmetric: put the operand that broadcasts along the inner axis second.
      if (aStrides.at(-1) === 0) [pa, pb, aStrides, bStrides] = [pb, pa, bStrides, aStrides];
      const compare = bStrides.at(-1) === 0 ? simd.equal_vs : simd.equal_vv;
      const rank = plan.shape.length;
      const n = plan.shape[rank - 1];
      const count = rank > 1 ? plan.shape[rank - 2] : 1;
      const aStep = rank > 1 ? aStrides[rank - 2] * 4 : 0;
      const bStep = rank > 1 ? bStrides[rank - 2] * 4 : 0;
      let po = wasm.getMemoryOffset(out.dataId);
      // The wasm function covers the two inner dimensions; an odometer walks the outer ones.
      const outer = plan.shape.slice(0, -2);
      const index = outer.map(() => 0);
      const total = outer.reduce((p, d) => p * d, 1);
      for (let k = 0; k < total; k++) {
        compare(pa, pb, po, n, count, aStep, bStep);
        po += n * count;
        for (let d = outer.length - 1; d >= 0; d--) {
          pa += aStrides[d] * 4;
          pb += bStrides[d] * 4;
          if (++index[d] < outer[d]) break;
          pa -= aStrides[d] * 4 * outer[d];
          pb -= bStrides[d] * 4 * outer[d];
          index[d] = 0;
        }
      }
      return out;
    },
  };
}
