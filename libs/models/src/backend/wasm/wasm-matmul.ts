import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * `a [m, k] × b [k, n]` with the wasm backend's own `BatchMatMul` kernel. Without transposes and
 * with batch 1 it runs on XNNPACK's fully-connected operator; any transpose falls to a naive
 * blocked loop ~5× slower, so callers lay their operands out to avoid one.
 */
export function wasmMatMul(backend: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo): tf.TensorInfo {
  const kernel = tf.getKernel(tf.BatchMatMul, 'wasm');
  if (kernel === undefined) throw new Error('BatchMatMul is not registered for wasm');
  return kernel.kernelFunc({
    inputs: { a, b },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as tf.TensorInfo;
}
