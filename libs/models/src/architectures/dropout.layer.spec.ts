import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/init-backend.ts';
import { Dropout, fillAlea } from './dropout.layer.ts';

beforeAll(async () => {
  await initBackend();
});

const ramp = (shape: number[]) => {
  const size = shape.reduce((a, d) => a * d, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, (_, i) => (i % 17) - 8.5),
    shape,
  );
};

describe('fillAlea', () => {
  it.each([0, 7, 123456789, 0.25])('gives tf.randomUniform’s values for seed %s', (seed) => {
    const out = new Float32Array(1000);
    fillAlea(out, seed);
    const expected = tf.tidy(() => tf.randomUniform([1000], 0, 1, 'float32', seed).dataSync());
    expect(out).toEqual(expected);
  });
});

describe('Dropout', () => {
  it.each(['wasm', 'cpu'] as const)(
    'drops exactly as tf.dropout with the same seed, step after step (%s)',
    async (backend) => {
      const before = tf.getBackend();
      await tf.setBackend(backend);
      try {
        const layer = new Dropout({ name: 'd', rate: 0.3, seed: 11 });
        // A full batch, a smaller last one (a view of the reused buffer), then a full one again.
        for (const [rows, seed] of [
          [8, 11],
          [3, 12],
          [8, 13],
        ] as const) {
          layer.seed = seed;
          const x = ramp([rows, 5, 4]);
          const got = layer.apply(x, { training: true }) as tf.Tensor;
          const want = tf.dropout(x, 0.3, undefined, seed);
          expect(got.dataSync()).toEqual(want.dataSync());
          expect(Array.from(got.dataSync()).some((v, i) => v === 0 && x.dataSync()[i] !== 0)).toBe(
            true,
          );
          tf.dispose([x, got, want]);
        }
      } finally {
        await tf.setBackend(before);
      }
    },
  );

  it('passes the input through in inference, and with a noise shape drops whole channels', () => {
    const x = ramp([2, 6, 3]);
    const layer = new Dropout({ name: 'd', rate: 0.5, seed: 3, noiseShape: [null, 1, null] });
    expect((layer.apply(x) as tf.Tensor).dataSync()).toEqual(x.dataSync());
    const got = (layer.apply(x, { training: true }) as tf.Tensor).arraySync() as number[][][];
    const want = tf.dropout(x, 0.5, [2, 1, 3], 3).arraySync() as number[][][];
    expect(got).toEqual(want);
  });

  it('saves as tfjs’ Dropout and loads back as this layer', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [4], units: 3 }),
        new Dropout({ name: 'drop', rate: 0.2, seed: 5 }),
      ],
    });
    const json = model.toJSON(null, false) as Exclude<ReturnType<tf.Sequential['toJSON']>, string>;
    const layers = (json as unknown as { config: { layers: unknown[] } }).config.layers;
    const saved = layers[1] as { class_name: string; config: Record<string, unknown> } | undefined;
    expect(saved?.class_name).toBe('Dropout');
    expect(saved?.config).toMatchObject({ name: 'drop', rate: 0.2, seed: 5 });
    const loaded = await tf.models.modelFromJSON({ modelTopology: json });
    const layer = loaded.getLayer('drop');
    expect(layer).toBeInstanceOf(Dropout);
    expect((layer as Dropout).rate).toBe(0.2);
  });
});
