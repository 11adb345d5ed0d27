import type * as tf from '@tensorflow/tfjs';
import type { AdamUpdateAttrs } from '../adam-update.ts';
import { ADAM_UPDATE, adamConstants, adamInputs } from '../adam-update.ts';

/**
 * `StrandAdamUpdate` (see adam-update.ts) on the cpu backend: one loop over each variable's
 * Float32Arrays, every operation rounded to float32 as the cpu kernels of tfjs' Adam round it.
 * It is the reference the wasm kernel is tested against, and a faster Adam on cpu itself.
 */
export const cpuAdamUpdateConfig: tf.KernelConfig = {
  kernelName: ADAM_UPDATE,
  backendName: 'cpu',
  kernelFunc: ({ inputs, backend: anyBackend, attrs }) => {
    const backend = anyBackend as tf.KernelBackend;
    const a = attrs as unknown as AdamUpdateAttrs;
    const { accBeta1, accBeta2, slots } = adamInputs(inputs, a, 'cpu');
    const read = (t: tf.TensorInfo): Float32Array => backend.readSync(t.dataId) as Float32Array;
    const k = adamConstants(a, read(accBeta1)[0] as number, read(accBeta2)[0] as number);
    const f = Math.fround;
    const outputs: tf.TensorInfo[] = [
      scalarInfo(backend, k.nextAccBeta1),
      scalarInfo(backend, k.nextAccBeta2),
    ];
    for (const slot of slots) {
      const [value, m, v, g] = [slot.value, slot.m, slot.v, slot.gradient].map(read) as [
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      const [newValue, newM, newV] = [0, 1, 2].map(() => new Float32Array(value.length)) as [
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      for (let j = 0; j < value.length; j++) {
        const gj = g[j] as number;
        const mj = f(f((m[j] as number) * k.beta1) + f(gj * k.oneMinusBeta1));
        const vj = f(f((v[j] as number) * k.beta2) + f(f(gj * gj) * k.oneMinusBeta2));
        const denominator = f(f(Math.sqrt(f(vj / k.oneMinusAccBeta2))) + k.epsilon);
        const step = f(f(f(mj / k.oneMinusAccBeta1) / denominator) * k.negLearningRate);
        newM[j] = mj;
        newV[j] = vj;
        newValue[j] = step + (value[j] as number); // the Float32Array rounds the sum
      }
      const shape = [...slot.value.shape];
      for (const values of [newValue, newM, newV]) {
        outputs.push({ dataId: backend.write(values, shape, 'float32'), shape, dtype: 'float32' });
      }
    }
    return outputs;
  },
};

function scalarInfo(backend: tf.KernelBackend, value: number): tf.TensorInfo {
  return {
    dataId: backend.write(new Float32Array([value]), [], 'float32'),
    shape: [],
    dtype: 'float32',
  };
}
