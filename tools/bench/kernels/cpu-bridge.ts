import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * The naive way to run a kernel wasm lacks: copy the inputs to the cpu backend, run its kernel,
 * copy the result back. Used as the "before" of the benchmarks (STRAND_WASM_KERNELS=none).
 */
export function cpuBridgeConfig(kernelName: string): tf.KernelConfig {
  const cpuKernel = tf.getKernel(kernelName, 'cpu');
  if (cpuKernel === undefined) throw new Error(`${kernelName}: no cpu kernel to bridge to`);
  return {
    kernelName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as BackendWasm;
      const cpu = tf.engine().findBackend('cpu');
      const cpuInputs: tf.NamedTensorInfoMap = {};
      for (const [name, t] of Object.entries(inputs)) {
        if (t === undefined) continue;
        const values = wasm.readSync(t.dataId) as tf.backend_util.BackendValues;
        cpuInputs[name] = {
          dataId: cpu.write(values, t.shape, t.dtype),
          shape: t.shape,
          dtype: t.dtype,
        };
      }
      const out = cpuKernel.kernelFunc({ inputs: cpuInputs, attrs, backend: cpu }) as tf.TensorInfo;
      const values = cpu.readSync(out.dataId) as tf.backend_util.BackendValues;
      for (const t of [...Object.values(cpuInputs), out])
        if (t !== undefined) cpu.disposeData(t.dataId);
      return wasm.makeOutput(out.shape, out.dtype, undefined, values);
    },
  };
}
