import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { planBroadcast, runBroadcast } from './broadcast-plan.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `Add` and `Multiply` on float32 for wasm when one operand is broadcast: the wasm kernels run
 * those through XNNPACK's broadcasting path, ~3× slower than the same op on equal shapes (0.15
 * against 0.05 ms for a conv bias add on [64, 90, 64], and the same for a global max pool's
 * gradient, mask · dy [64, 1, 64]). This walks the merged broadcast dimensions (see
 * broadcast-plan.ts) with 16-lane SIMD passes. Same shapes, other dtypes and empty outputs go to
 * the kernel it replaces.
 */
export function arithConfig(kind: 'Add' | 'Multiply', original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: kind,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const plain =
        a.dtype !== 'float32' || b.dtype !== 'float32' || tf.util.arraysEqual(a.shape, b.shape);
      if (plain) return original.kernelFunc(args);
      const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
      if (tf.util.sizeFromShape(outShape) === 0) return original.kernelFunc(args);
      const wasm = args.backend as BackendWasm;
      const out = wasm.makeOutput(outShape, 'float32');
      const simd = simdModule(wasm);
      const [pa, pb, po] = [a, b, out].map((t) => wasm.getMemoryOffset(t.dataId)) as [
        number,
        number,
        number,
      ];
      const passes =
        kind === 'Add'
          ? { vv: simd.add_vv, vs: simd.add_vs }
          : { vv: simd.mul_vv, vs: simd.mul_vs };
      runBroadcast(planBroadcast(a.shape, b.shape), pa, pb, po, 4, passes);
      return out;
    },
  };
}
