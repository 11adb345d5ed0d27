import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { simdModule } from './simd/simd-module.ts';

/**
 * A batch normalisation in training, over every axis but the last (channels last, as Strand's
 * convolutional models have it), as two kernels the fused batch-norm op (training/
 * fused-batch-norm.ts) is made of:
 *
 * `StrandBatchNormTrain` {x, gamma, beta} {epsilon} → [y, mean, variance]:
 *   mean, variance (biased) of x per channel; y = (x − mean) · gamma / √(variance + ε) + beta.
 * `StrandBatchNormTrainGrad` {dy, x, mean, variance, gamma} {epsilon} → [dx, dgamma, dbeta]:
 *   the gradient through the batch statistics too,
 *   dx = γσ⁻¹ · (dy − mean(dy) − x̂ · mean(dy · x̂)), x̂ = (x − mean)σ⁻¹.
 *
 * tfjs spells this out as moments, FusedBatchNorm and their autodiff: about 30 kernels, a dozen
 * passes over the activations (290 ms a step for Basset's three layers on one core). Here it is
 * five SIMD passes: a column sum and a centred sum of squares, one affine pass forward; the two
 * gradient sums and one affine pass back (simd/batch-norm-functions.ts).
 */
export const BATCH_NORM_TRAIN = 'StrandBatchNormTrain';
export const BATCH_NORM_TRAIN_GRAD = 'StrandBatchNormTrainGrad';

export interface BatchNormTrainAttrs {
  epsilon: number;
}

/** Per-channel scratch and parameters on the heap, released after the kernel. */
function channelBuffers(wasm: BackendWasm, channels: number) {
  const made: tf.TensorInfo[] = [];
  return {
    /** A buffer holding `values` (zeros when absent). */
    make(values: Float32Array = new Float32Array(channels)): tf.TensorInfo {
      const t = wasm.makeOutput([channels], 'float32', undefined, values);
      made.push(t);
      return t;
    },
    release(): void {
      for (const t of made) wasm.disposeData(t.dataId);
    },
  };
}

const view = (wasm: BackendWasm, t: tf.TensorInfo): Float32Array =>
  wasm.typedArrayFromHeap(t) as Float32Array;

/**
 * What both kernels start from: x as [rows, channels], the SIMD module, heap offsets, an output
 * shaped like x and two per-channel outputs, and per-channel scratch.
 */
function setUp(backend: unknown, x: tf.TensorInfo) {
  const wasm = backend as BackendWasm;
  const channels = x.shape[x.shape.length - 1] as number;
  const size = x.shape.reduce((p, d) => p * d, 1);
  return {
    wasm,
    rows: channels === 0 ? 0 : size / channels,
    channels,
    simd: simdModule(wasm),
    at: (t: tf.TensorInfo): number => wasm.getMemoryOffset(t.dataId),
    outputs: [
      wasm.makeOutput([...x.shape], 'float32'),
      wasm.makeOutput([channels], 'float32'),
      wasm.makeOutput([channels], 'float32'),
    ] as const,
    scratch: channelBuffers(wasm, channels),
  };
}

export const batchNormTrainConfig: tf.KernelConfig = {
  kernelName: BATCH_NORM_TRAIN,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { x, gamma, beta } = inputs as Record<'x' | 'gamma' | 'beta', tf.TensorInfo>;
    const { epsilon } = attrs as unknown as BatchNormTrainAttrs;
    const { wasm, rows, channels, simd, at, outputs, scratch } = setUp(backend, x);
    const [y, mean, variance] = outputs;
    const sums = scratch.make();
    // Offsets, not views, across calls: a malloc may grow the heap and detach older views.
    simd.sum_mid(at(x), at(mean), 1, rows, channels);
    const m = view(wasm, mean);
    for (let j = 0; j < channels; j++) m[j] = (m[j] as number) / rows;
    simd.bn_sums(at(x), at(x), at(mean), at(mean), at(sums), at(variance), rows, channels);
    const v = view(wasm, variance);
    for (let j = 0; j < channels; j++) v[j] = (v[j] as number) / rows;
    const g = view(wasm, gamma);
    const scale = Float32Array.from(v, (vj, j) => (g[j] as number) / Math.sqrt(vj + epsilon));
    const zeros = scratch.make();
    const k2 = scratch.make(scale);
    simd.bn_affine(at(x), at(x), at(mean), at(zeros), at(k2), at(beta), at(y), rows, channels);
    scratch.release();
    return [y, mean, variance];
  },
};

export const batchNormTrainGradConfig: tf.KernelConfig = {
  kernelName: BATCH_NORM_TRAIN_GRAD,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { dy, x, mean, variance, gamma } = inputs as Record<
      'dy' | 'x' | 'mean' | 'variance' | 'gamma',
      tf.TensorInfo
    >;
    const { epsilon } = attrs as unknown as BatchNormTrainAttrs;
    const { wasm, rows, channels, simd, at, outputs, scratch } = setUp(backend, x);
    const [dx, dgamma, dbeta] = outputs;
    const zeros = scratch.make();
    const sdyx = scratch.make();
    simd.bn_sums(at(dy), at(x), at(zeros), at(mean), at(dbeta), at(sdyx), rows, channels);
    const v = view(wasm, variance);
    const g = view(wasm, gamma);
    const sdy = Float32Array.from(view(wasm, dbeta));
    const sxy = Float32Array.from(view(wasm, sdyx));
    const k1 = new Float32Array(channels);
    const k2 = new Float32Array(channels);
    const k3 = new Float32Array(channels);
    const dg = new Float32Array(channels);
    for (let j = 0; j < channels; j++) {
      const inv = 1 / Math.sqrt((v[j] as number) + epsilon);
      const gj = g[j] as number;
      dg[j] = (sxy[j] as number) * inv;
      k1[j] = gj * inv;
      k2[j] = (-gj * inv * inv * inv * (sxy[j] as number)) / rows;
      k3[j] = (-gj * inv * (sdy[j] as number)) / rows;
    }
    const [k1t, k2t, k3t] = [scratch.make(k1), scratch.make(k2), scratch.make(k3)];
    view(wasm, dgamma).set(dg);
    simd.bn_affine(at(dy), at(x), at(mean), at(k1t), at(k2t), at(k3t), at(dx), rows, channels);
    scratch.release();
    return [dx, dgamma, dbeta];
  },
};
