import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * `Identity` for wasm that shares the input's memory instead of copying it, as the cpu backend
 * and wasm's own `Reshape` already do. While a gradient tape records, the engine clones every
 * input it saves for the backward pass, and the wasm kernel copies each one (three 1.5 MB copies
 * per DeepBind step, 51 copies in all). Sharing is safe because no kernel writes into its inputs:
 * the memory is freed when the last tensor holding it is disposed (reference count).
 */
export const identityConfig: tf.KernelConfig = {
  kernelName: tf.Identity,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend }) => {
    const { x } = inputs as { x: tf.TensorInfo };
    (backend as BackendWasm).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  },
};
