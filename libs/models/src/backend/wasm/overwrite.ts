import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Tells the wasm backend's C++ side that a tensor's values changed in place: it forgets the
 * tensor id and registers it again on the same memory. Forgetting runs the id's disposal
 * callbacks, which drop what the operator caches keyed by tensor id (XNNPACK's packed weights
 * for Conv2D, FusedMatMul …) built from the old values; without this, a weight written in place
 * is read stale by the next convolution. The memory itself is the JS side's and stays.
 */
export function renewTensorId(wasm: BackendWasm, dataId: tf.DataId): void {
  const data = wasm.dataIdMap.get(dataId);
  if (data === undefined) throw new Error('renewTensorId: no such tensor on the wasm backend');
  const size = data.shape.reduce((p, d) => p * d, 1);
  wasm.wasm.tfjs.disposeData(data.id);
  wasm.wasm.tfjs.registerTensor(data.id, size, data.memoryOffset);
}

/**
 * Writes `values` over float32 tensor `t`'s own memory, on wasm when no other tensor shares that
 * memory (reference count 1; Identity clones and reshapes share it), and renews its id (above).
 * Returns false, writing nothing, anywhere else: the caller then assigns a new tensor. Why: a
 * new 188 MB tensor for a DeepSEA dense weight lands on fresh heap pages whenever the old one's
 * place was taken meanwhile, and faulting them in took seconds on this machine's main thread.
 */
export function overwrite(t: tf.Tensor, values: Float32Array): boolean {
  if (tf.getBackend() !== 'wasm' || t.dtype !== 'float32' || values.length !== t.size) return false;
  const wasm = tf.backend() as BackendWasm;
  const dataId = (t as unknown as { dataId: tf.DataId }).dataId;
  if (wasm.refCount(dataId) !== 1) return false;
  (wasm.typedArrayFromHeap(t) as Float32Array).set(values);
  renewTensorId(wasm, dataId);
  return true;
}
