import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { deriveSeed, seededRandom } from '../training/seed.ts';
import type { TrainingData } from '../training/training-data.ts';
import { buildModel } from './build-model.ts';
import { DilatedConv1D } from './dilated-conv1d.layer.ts';
import { normals, trainArchitecture } from './zoo.testing.ts';

beforeAll(async () => {
  await initBackend();
});

/** One-hot sequences with 0–3 planted GATAAG sites; log counts = 1 + 0.8·sites + noise(0.1). */
function countsData(count: number, length: number, seed: number): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'bpnet-counts'));
  const motif = [2, 0, 3, 0, 0, 2]; // GATAAG
  const x = new Float32Array(count * length * 4);
  const y = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    const bases = Array.from({ length }, () => Math.floor(random() * 4));
    const sites = Math.floor(random() * 4);
    const slot = Math.floor(length / 3);
    for (let s = 0; s < sites; s++) {
      const at = s * slot + Math.floor(random() * (slot - motif.length));
      motif.forEach((b, i) => (bases[at + i] = b));
    }
    bases.forEach((b, i) => (x[(r * length + i) * 4 + b] = 1));
    y[r] = 1 + 0.8 * sites + 0.1 * (normals(random, 1)[0] as number);
  }
  return { x, y, count, length, alphabetSize: 4 };
}

describe('DilatedConv1D', () => {
  it('equals a direct dilated convolution with same padding', () => {
    const before = tf.memory().numTensors;
    const layer = new DilatedConv1D({
      name: 'd',
      filters: 2,
      kernelSize: 3,
      dilation: 2,
      activation: 'linear',
      initSeed: 5,
    });
    const x = tf.tensor3d([[[1], [2], [3], [4], [5]]]);
    const out = layer.apply(x) as tf.Tensor;
    const w = layer.getWeights()[0]?.arraySync() as number[][][];
    const input = [1, 2, 3, 4, 5];
    const expected = input.flatMap((_, t) =>
      [0, 1].map((f) =>
        [0, 1, 2].reduce(
          (s, j) => s + (input[t + (j - 1) * 2] ?? 0) * (w[j]?.[0]?.[f] as number),
          0,
        ),
      ),
    );
    Array.from(out.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
    tf.dispose([x, out]);
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('bpnet', () => {
  it('regresses log counts on the number of planted sites (counts head)', async () => {
    const config = { filters: 16, stemKernel: 7, dilatedLayers: 3, tasks: 1, heads: 'counts' };
    const model = buildModel({
      architecture: 'bpnet',
      config,
      inputLength: 60,
      alphabetSize: 4,
      seed: 1,
    });
    expect(model.getLayer('dil_conv3').outputShape).toEqual([null, 60, 16]);
    expect(model.outputs[0]?.shape).toEqual([null, 1]);
    model.dispose();
    const metrics = await trainArchitecture('bpnet', config, countsData(600, 60, 3), {
      batchSize: 32,
      learningRate: 0.01,
      seed: 2,
      epochs: 8,
    });
    expect(metrics['val_r2']).toBeGreaterThan(0.7); // predicting the mean scores 0
  });
});
