import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * `Cast` to bool for wasm, as `x != 0` like the cpu kernel: the wasm kernel copies the number, so
 * an int32 3 became a "bool" 3 (and float 0.5 a 0). Rare, so a plain loop. A cast to the dtype
 * x already has shares x's memory, as the cpu kernel and Strand's Identity do, instead of
 * copying it (the gradient of every relu casts its float32 mask to float32: a 1.5 MB copy per
 * DeepBind step). Every other cast goes to the kernel it replaces, whose typed-array copy is as
 * fast as a SIMD loop here (measured).
 */
export function castConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Cast,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { dtype } = args.attrs as unknown as tf.CastAttrs;
      const wasm = args.backend as BackendWasm;
      if (dtype === x.dtype) {
        wasm.incRef(x.dataId); // safe: no kernel writes into its inputs
        return { dataId: x.dataId, shape: [...x.shape], dtype };
      }
      if (dtype === 'bool' && (x.dtype === 'float32' || x.dtype === 'int32')) {
        const out = wasm.makeOutput([...x.shape], 'bool');
        const [from, to] = [wasm.typedArrayFromHeap(x), wasm.typedArrayFromHeap(out)];
        for (let i = 0; i < from.length; i++) to[i] = from[i] !== 0 ? 1 : 0;
        return out;
      }
      return original.kernelFunc(args);
    },
  };
}
