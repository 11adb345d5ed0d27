import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { deriveSeed, seededRandom } from '../training/seed.ts';
import { trainModel } from '../training/train.ts';
import type { TrainingData } from '../training/training-data.ts';
import { buildModel } from './build-model.ts';
import { vaeEncoder } from './vae.ts';
import { VaeSampling } from './vae-sampling.layer.ts';
import { normals } from './zoo.testing.ts';

beforeAll(async () => {
  await initBackend();
});

/** Profiles x = ±a (the group) + W·z (rank 2) + noise(0.1); a and W fixed per seed. */
function twoGroupProfiles(count: number, genes: number, seed: number) {
  const random = seededRandom(deriveSeed(seed, 'two-groups'));
  const a = normals(random, genes);
  const w = normals(random, genes * 2);
  const x = new Float32Array(count * genes);
  const group = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    group[r] = random() < 0.5 ? 0 : 1;
    const sign = group[r] === 1 ? 1 : -1;
    const z = normals(random, 2);
    const noise = normals(random, genes);
    for (let g = 0; g < genes; g++) {
      const low =
        (w[g * 2] as number) * (z[0] as number) + (w[g * 2 + 1] as number) * (z[1] as number);
      x[r * genes + g] = sign * (a[g] as number) + 0.5 * low + 0.1 * (noise[g] as number);
    }
  }
  const data: TrainingData = { x, y: new Float32Array(0), count, length: genes, alphabetSize: 1 };
  return { data, group };
}

/** Share of rows whose latent mean is nearer its own group's centroid than the other's. */
function nearestCentroidAccuracy(latent: Float32Array, size: number, group: Uint8Array): number {
  const centroids = [new Float64Array(size), new Float64Array(size)];
  const counts = [0, 0];
  group.forEach((g, r) => {
    counts[g] = (counts[g] as number) + 1;
    for (let k = 0; k < size; k++)
      (centroids[g] as Float64Array)[k]! += latent[r * size + k] as number;
  });
  centroids.forEach((c, g) => c.forEach((v, k) => (c[k] = v / (counts[g] as number))));
  let right = 0;
  group.forEach((g, r) => {
    const distance = (c: Float64Array) =>
      c.reduce((s, v, k) => s + (v - (latent[r * size + k] as number)) ** 2, 0);
    const own = distance(centroids[g] as Float64Array);
    const other = distance(centroids[1 - g] as Float64Array);
    if (own < other) right++;
  });
  return right / group.length;
}

describe('VaeSampling', () => {
  it('returns the mean in inference and adds the KL gradient in training', () => {
    const before = tf.memory().numTensors;
    const layer = new VaeSampling({ name: 'z', seed: 7, klScale: 0.5 });
    const mean = tf.tensor2d([
      [1, -2],
      [0.5, 0],
    ]);
    const logVar = tf.tensor2d([
      [0, Math.log(4)],
      [Math.log(0.25), 0],
    ]);
    const inference = layer.apply([mean, logVar]) as tf.Tensor;
    expect(Array.from(inference.dataSync())).toEqual([1, -2, 0.5, 0]);
    // A loss that ignores z: the only gradient left is klScale · ∂KL/∂θ / batch size.
    const [dMean, dLogVar] = tf.grads((m: tf.Tensor, lv: tf.Tensor) =>
      tf.mul(tf.sum(layer.apply([m, lv], { training: true }) as tf.Tensor), 0),
    )([mean, logVar]);
    const close = (t: tf.Tensor | undefined) =>
      Array.from(t?.dataSync() ?? []).map((v) => +v.toFixed(5));
    expect(close(dMean)).toEqual([0.25, -0.5, 0.125, 0]); // 0.5 · mean / 2
    expect(close(dLogVar)).toEqual([0, 0.375, -0.09375, 0]); // 0.5 · ½(e^lv − 1) / 2
    tf.dispose([mean, logVar, inference, dMean, dLogVar]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('vae', () => {
  it('reconstructs profiles and its latent mean separates two planted groups', async () => {
    const { data, group } = twoGroupProfiles(600, 20, 4);
    const before = tf.memory().numTensors;
    const model = buildModel({
      architecture: 'vae',
      config: { hiddenUnits: [32], latentSize: 2, klWeight: 1 },
      inputLength: 20,
      alphabetSize: 1,
      seed: 3,
    });
    expect(model.layers.map((l) => l.name)).toEqual([
      'profile',
      'flatten',
      'encoder1',
      'z_mean',
      'z_log_var',
      'z',
      'decoder1',
      'reconstruction',
      'output',
    ]);
    const options = {
      epochs: 12,
      batchSize: 32,
      learningRate: 0.01,
      seed: 2,
      task: 'reconstruction' as const,
    };
    const { history } = await trainModel(model, data, options);
    const metrics = history.at(-1)?.metrics ?? {};
    expect(metrics['val_r2']).toBeGreaterThan(0.7); // predicting the mean scores 0
    const encoder = vaeEncoder(model);
    const latent = tf.tidy(() => encoder.predict(tf.tensor3d(data.x, [600, 20, 1])) as tf.Tensor);
    const accuracy = nearestCentroidAccuracy(latent.dataSync() as Float32Array, 2, group);
    latent.dispose();
    expect(accuracy).toBeGreaterThan(0.95); // chance: 0.5
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
