import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { liveCounts, seeded } from './cpu-parity.testing.ts';
import { initBackend } from '../init-backend.ts';

/**
 * conv1d → relu → maxPooling1d → conv1d (same, stride 2) → globalMaxPooling1d → dense → dense
 * (sigmoid): the kernels a tf.layers genomics model trains with. No dropout, so both backends do
 * exactly the same arithmetic.
 */
function build(): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.conv1d({ inputShape: [41, 4], filters: 6, kernelSize: 5, activation: 'relu' }),
  );
  model.add(tf.layers.maxPooling1d({ poolSize: 2 }));
  model.add(tf.layers.conv1d({ filters: 4, kernelSize: 3, padding: 'same', strides: 2 }));
  model.add(tf.layers.globalMaxPooling1d());
  model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(seeded(w.size, 100 + i), w.shape)));
  return model;
}

const batch = (): { x: tf.Tensor; y: tf.Tensor } => ({
  x: tf.tensor(seeded(5 * 41 * 4, 1), [5, 41, 4]),
  y: tf.tensor([1, 0, 1, 1, 0], [5, 1]),
});

async function gradients(backend: 'cpu' | 'wasm'): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const model = build();
  const { x, y } = batch();
  const { value, grads } = tf.variableGrads(
    () => tf.metrics.binaryCrossentropy(y, model.predict(x) as tf.Tensor).mean() as tf.Scalar,
    model.trainableWeights.map((w) => w.read() as tf.Variable),
  );
  const out = model.trainableWeights.map(
    (w) => grads[(w.read() as tf.Variable).name].dataSync() as Float32Array,
  );
  tf.dispose([value, x, y, ...Object.values(grads)]);
  model.dispose();
  return out;
}

describe('training a conv1d model on wasm with Strand kernels', () => {
  it('gives every weight the gradient cpu gives, within 1e-4', async () => {
    await initBackend('wasm');
    const cpu = await gradients('cpu');
    const wasm = await gradients('wasm');
    expect(wasm.map((g) => g.length)).toEqual(cpu.map((g) => g.length));
    cpu.forEach((c, i) =>
      c.forEach((value, j) =>
        expect(Math.abs(wasm[i][j] - value), `weight ${i}[${j}]`).toBeLessThanOrEqual(
          1e-4 * Math.max(1, Math.abs(value)),
        ),
      ),
    );
  });

  it('runs Adam steps without leaking tensors or wasm buffers', async () => {
    await initBackend('wasm');
    await tf.setBackend('wasm');
    const model = build();
    const { x, y } = batch();
    const optimizer = tf.train.adam(1e-3);
    const step = (): void => {
      optimizer.minimize(
        () => tf.metrics.binaryCrossentropy(y, model.predict(x) as tf.Tensor).mean() as tf.Scalar,
        false,
      );
    };
    step(); // Adam creates its moment variables on the first step
    const before = liveCounts();
    step();
    step();
    expect(liveCounts()).toEqual(before);
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  });
});
