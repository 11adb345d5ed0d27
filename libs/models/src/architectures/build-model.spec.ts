import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { reseedDropout } from '../training/dropout-seed.ts';
import { ArchitectureConfigError } from './architecture-config.error.ts';
import { buildModel } from './build-model.ts';
import type { ModelSpec } from './build-model.ts';
import { DEEPBIND_DEFAULTS } from './deepbind.ts';

const SPEC: ModelSpec = {
  architecture: 'deepbind',
  config: { ...DEEPBIND_DEFAULTS },
  inputLength: 101,
  alphabetSize: 4,
  seed: 7,
};

function weightsOf(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

beforeAll(async () => {
  await initBackend();
});

describe('buildModel', () => {
  it('builds conv1 → pool → dense1 → dropout → output with stable names and shapes', () => {
    const model = buildModel(SPEC);
    expect(model.layers.map((l) => l.name)).toEqual([
      'conv1',
      'pool',
      'dense1',
      'dropout',
      'output',
    ]);
    expect(model.inputs[0]?.shape).toEqual([null, 101, 4]);
    expect(model.layers[0]?.outputShape).toEqual([null, 90, 64]);
    expect(model.outputs[0]?.shape).toEqual([null, 1]);
    // conv 12·4·64 + 64, dense1 64·32 + 32, output 32 + 1
    expect(model.countParams()).toBe(3136 + 2080 + 33);
    const config = model.layers[0]?.getConfig();
    expect(config?.['activation']).toBe('relu');
    expect(config?.['padding']).toBe('valid');
    expect(model.layers[4]?.getConfig()['activation']).toBe('sigmoid');
    model.dispose();
  });

  it('gives identical weights for equal seeds and different ones otherwise', () => {
    const before = tf.memory().numTensors;
    const models = [7, 7, 8].map((seed) => buildModel({ ...SPEC, seed }));
    const [a, b, c] = models.map(weightsOf);
    expect(a).toEqual(b);
    expect(a?.[0]).not.toEqual(c?.[0]); // conv1 kernel
    expect(a?.[2]).not.toEqual(c?.[2]); // dense1 kernel
    expect(a?.[4]).not.toEqual(c?.[4]); // output kernel
    models.forEach((m) => m.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws an ArchitectureConfigError listing the invalid fields', () => {
    const bad = { ...SPEC, config: { ...DEEPBIND_DEFAULTS, filters: -1 }, inputLength: 8 };
    expect(() => buildModel(bad)).toThrow(ArchitectureConfigError);
    expect(() => buildModel(bad)).toThrow(
      'invalid architecture specification: config.filters: must be an integer from 1 to 1024, got -1',
    );
  });
});

describe('reseedDropout', () => {
  it('makes masks reproducible per seed and fresh across seeds', () => {
    const model = buildModel(SPEC);
    const dropout = model.getLayer('dropout');
    const ones = tf.ones([4, 32]);
    const mask = (seed: number) => {
      expect(reseedDropout(model, seed)).toBe(1);
      return tf.tidy(() =>
        Array.from((dropout.apply(ones, { training: true }) as tf.Tensor).dataSync()),
      );
    };
    expect(mask(11)).toEqual(mask(11));
    expect(mask(11)).not.toEqual(mask(12));
    ones.dispose();
    model.dispose();
  });
});
