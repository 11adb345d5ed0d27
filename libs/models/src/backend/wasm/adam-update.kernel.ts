import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { AdamUpdateAttrs } from '../adam-update.ts';
import { ADAM_UPDATE, adamConstants, adamInputs } from '../adam-update.ts';
import { renewTensorId } from './overwrite.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `StrandAdamUpdate` (see ../adam-update.ts) for wasm: each variable's new value and moments in
 * one SIMD pass over the heap (simd/adam-function.ts), every variable in one kernel call. tfjs'
 * Adam runs ~13 kernels per variable, each paying tfjs' per-kernel overhead and a full read and
 * write of a tensor. With `attrs.inPlace`, a value, m or v that only one tensor holds (the
 * optimizer's variable) is written in its own memory (the SIMD pass reads each element before
 * it writes it, so input and output may be the same) and its id renewed (overwrite.ts), so no
 * operator cache keeps the old weights.
 */
export const adamUpdateConfig: tf.KernelConfig = {
  kernelName: ADAM_UPDATE,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const a = attrs as unknown as AdamUpdateAttrs;
    const { accBeta1, accBeta2, slots } = adamInputs(inputs, a, 'wasm');
    const scalar = (t: tf.TensorInfo): number =>
      (wasm.typedArrayFromHeap(t) as Float32Array)[0] as number;
    const k = adamConstants(a, scalar(accBeta1), scalar(accBeta2));
    const accOut = [wasm.makeOutput([], 'float32'), wasm.makeOutput([], 'float32')] as const;
    const outputs: tf.TensorInfo[] = [...accOut];
    const simd = simdModule(wasm);
    const offset = (t: tf.TensorInfo): number => wasm.getMemoryOffset(t.dataId);
    const target = (input: tf.TensorInfo): tf.TensorInfo => {
      if (a.inPlace !== true || wasm.refCount(input.dataId) !== 1) {
        return wasm.makeOutput([...input.shape], 'float32');
      }
      wasm.incRef(input.dataId); // as a forwarding kernel (Reshape) does: the output holds it too
      renewTensorId(wasm, input.dataId); // no kernel runs before the update below
      return { dataId: input.dataId, shape: [...input.shape], dtype: 'float32' };
    };
    for (const { value, m, v, gradient } of slots) {
      const shape = [...value.shape];
      const out = [value, m, v].map(target) as [tf.TensorInfo, tf.TensorInfo, tf.TensorInfo];
      // Offsets, not views: they stay valid when a later malloc grows the heap.
      simd.adam_update(
        offset(value),
        offset(m),
        offset(v),
        offset(gradient),
        ...(out.map(offset) as [number, number, number]),
        sizeOf(shape),
        k.beta1,
        k.oneMinusBeta1,
        k.beta2,
        k.oneMinusBeta2,
        k.oneMinusAccBeta1,
        k.oneMinusAccBeta2,
        k.negLearningRate,
        k.epsilon,
      );
      outputs.push(...out);
    }
    // Views are taken after every allocation: a malloc may grow the heap and detach older ones.
    (wasm.typedArrayFromHeap(accOut[0]) as Float32Array)[0] = k.nextAccBeta1;
    (wasm.typedArrayFromHeap(accOut[1]) as Float32Array)[0] = k.nextAccBeta2;
    return outputs;
  },
};

function sizeOf(shape: number[]): number {
  return shape.reduce((p, d) => p * d, 1);
}
