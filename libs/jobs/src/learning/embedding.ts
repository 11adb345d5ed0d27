/**
 * A trained autoencoder's or VAE's sample embedding, compact enough to store beside the model
 * and draw: the latent code (VAE: the latent mean `z_mean`; autoencoder: its `embedding` layer)
 * of at most EMBEDDING_POINTS rows, as 2-D points: the code itself when it has two dimensions,
 * else its first two principal components (with the share of variance each explains).
 */
import * as tf from '@tensorflow/tfjs';
import { vaeEncoder } from '@strand/models';

/** Rows embedded, every k-th of the rows given. */
export const EMBEDDING_POINTS = 2_000;

export interface Embedding {
  /** Which rows: the validation rows, or the training rows of a run without validation. */
  split: 'validation' | 'train';
  epoch: number;
  /** Rows of that split; `x.length` of them are drawn (every k-th). */
  rows: number;
  /** Latent dimensions of the code. */
  latentSize: number;
  /** `latent`: the 2-D code as it is (a 1-D code is drawn against 0); `pca`: its first two PCs. */
  method: 'latent' | 'pca';
  /** Share of the code's variance along x and y (pca); null for latent. */
  explained: [number, number] | null;
  x: number[];
  y: number[];
  /** Each drawn row's class (index into labelNames), for colour. */
  label: number[];
  labelNames: string[];
}

/**
 * The encoder half of a reconstruction model; null when the architecture has no named code
 * layer (z_mean for vae, embedding for autoencoder).
 */
export function encoderOf(model: tf.LayersModel, architecture: string): tf.LayersModel | null {
  if (architecture === 'vae') return vaeEncoder(model);
  if (architecture !== 'autoencoder') return null;
  const code = model.getLayer('embedding').output as tf.SymbolicTensor;
  return tf.model({ name: 'autoencoder_encoder', inputs: model.inputs, outputs: code });
}

/**
 * Embeds every k-th of `rows` rows of `x` ([rows, length·alphabetSize], the model's scaled
 * input) with `encoder`, and reduces the code to 2-D.
 */
export function embedRows(
  encoder: tf.LayersModel,
  x: Float32Array,
  shape: { rows: number; length: number; alphabetSize: number },
  labels: ArrayLike<number>,
  labelNames: readonly string[],
  about: { split: 'validation' | 'train'; epoch: number },
): Embedding {
  const { rows, length, alphabetSize } = shape;
  const size = length * alphabetSize;
  const step = Math.max(1, Math.ceil(rows / EMBEDDING_POINTS));
  const picked: number[] = [];
  for (let r = 0; r < rows; r += step) picked.push(r);
  const input = new Float32Array(picked.length * size);
  picked.forEach((r, i) => input.set(x.subarray(r * size, (r + 1) * size), i * size));
  const out = tf.tidy(
    () => encoder.predict(tf.tensor3d(input, [picked.length, length, alphabetSize])) as tf.Tensor,
  );
  const code = out.dataSync() as Float32Array;
  const latentSize = out.shape[1] as number;
  out.dispose();
  const reduced =
    latentSize <= 2
      ? {
          method: 'latent' as const,
          explained: null,
          x: picked.map((_, i) => code[i * latentSize] as number),
          y: picked.map((_, i) => (latentSize === 2 ? (code[i * latentSize + 1] as number) : 0)),
        }
      : { method: 'pca' as const, ...principalComponents(code, picked.length, latentSize) };
  return {
    ...about,
    rows,
    latentSize,
    ...reduced,
    label: picked.map((r) => labels[r] as number),
    labelNames: [...labelNames],
  };
}

/**
 * The first two principal components of `values` ([n, d] row-major): each row's scores and the
 * share of the total variance each component explains. Power iteration on the centred data
 * (Xᵀ(Xv), never the d × d covariance), the second component deflated from the first; a fixed
 * start and iteration count, so the same input gives the same answer.
 */
export function principalComponents(
  values: ArrayLike<number>,
  n: number,
  d: number,
): { x: number[]; y: number[]; explained: [number, number] } {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (values[i * d + j] as number) / n;
  }
  const centred = new Float64Array(n * d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = (values[i * d + j] as number) - (mean[j] as number);
      centred[i * d + j] = v;
      total += v * v;
    }
  }
  const scores = (v: Float64Array) => {
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += (centred[i * d + j] as number) * (v[j] as number);
      s[i] = dot;
    }
    return s;
  };
  const component = (orthogonalTo?: Float64Array) => {
    let v = new Float64Array(d).map((_, j) => 1 + j / d);
    for (let it = 0; it < 200; it++) {
      if (orthogonalTo) {
        const dot = v.reduce((sum, x, j) => sum + x * (orthogonalTo[j] as number), 0);
        v = v.map((x, j) => x - dot * (orthogonalTo[j] as number));
      }
      const s = scores(v);
      const next = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) {
          next[j] = (next[j] as number) + (centred[i * d + j] as number) * (s[i] as number);
        }
      }
      const norm = Math.hypot(...next);
      if (norm === 0) return { v, s: new Float64Array(n) };
      v = next.map((x) => x / norm);
    }
    // A deterministic sign: the largest loading positive.
    const big = v.reduce((best, x, j) => (Math.abs(x) > Math.abs(v[best] as number) ? j : best), 0);
    if ((v[big] as number) < 0) v = v.map((x) => -x);
    return { v, s: scores(v) };
  };
  const first = component();
  const second = component(first.v);
  const variance = (s: Float64Array) => s.reduce((sum, x) => sum + x * x, 0);
  return {
    x: Array.from(first.s),
    y: Array.from(second.s),
    explained: total > 0 ? [variance(first.s) / total, variance(second.s) / total] : [0, 0],
  };
}
