import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../architectures/build-model.ts';
import { buildModel } from '../architectures/build-model.ts';
import { ADAM_UPDATE } from '../backend/adam-update.ts';
import { cpuAdamUpdateConfig } from '../backend/cpu/adam-update.kernel.ts';
import { initBackend } from '../backend/init-backend.ts';
import { liveCounts } from '../backend/wasm/cpu-parity.testing.ts';
import { randomDataset } from '../testing.ts';
import { reseedDropout } from './dropout-seed.ts';
import { StrandAdamOptimizer } from './fused-adam.ts';
import type { OptimizerState } from './optimizer-state.ts';
import { captureOptimizerState, restoreOptimizerState } from './optimizer-state.ts';
import { taskLoss } from './task-loss.ts';
import { TrainingInputError } from './training-input.error.ts';

const DEEPBIND: ModelSpec = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 5, hiddenUnits: 8, dropout: 0.2 },
  inputLength: 30,
  alphabetSize: 4,
  seed: 7,
};
const DANQ: ModelSpec = {
  architecture: 'danq',
  config: {
    filters: 8,
    kernelSize: 5,
    poolSize: 3,
    lstmUnits: 4,
    hiddenUnits: 8,
    dropout: 0.1,
    finalDropout: 0.1,
    tasks: 2,
  },
  inputLength: 30,
  alphabetSize: 4,
  seed: 7,
};
const DATA = randomDataset(32, 30, 5);

interface Trained {
  weights: Float32Array[];
  state: OptimizerState;
}

/**
 * `steps` Adam steps of `optimizer` on a model built from `spec` (binary cross-entropy over
 * every output column, batches of 16, dropout reseeded per step as trainModel does), after
 * restoring `from` if given; returns the weights and the optimizer's captured state.
 */
async function train(
  spec: ModelSpec,
  optimizer: tf.Optimizer,
  steps: number,
  from?: Trained,
): Promise<Trained> {
  const model = buildModel(spec);
  if (from !== undefined) {
    model.setWeights(from.weights.map((w, i) => tf.tensor(w, model.getWeights()[i]?.shape)));
    await restoreOptimizerState(optimizer, from.state);
  }
  const tasks = (model.outputs[0]?.shape[1] as number | undefined) ?? 1;
  for (let s = 0; s < steps; s++) {
    const start = (s % 2) * 16;
    reseedDropout(model, 100 + s);
    tf.tidy(() => {
      const x = tf.tensor3d(DATA.x.slice(start * 120, (start + 16) * 120), [16, 30, 4]);
      const labels = DATA.y.slice(start, start + 16);
      const y = tf.tile(tf.tensor2d(labels, [16, 1]), [1, tasks]);
      optimizer.minimize(() =>
        taskLoss('binary', y, model.apply(x, { training: true }) as tf.Tensor),
      );
    });
  }
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  const state = await captureOptimizerState(optimizer);
  model.dispose();
  optimizer.dispose();
  return { weights, state };
}

/** Each value within 1e-6 relative of the reference's. */
function expectClose(actual: Float32Array[], expected: Float32Array[]): void {
  expect(actual.map((a) => a.length)).toEqual(expected.map((e) => e.length));
  expected.forEach((e, i) =>
    e.forEach((value, j) => {
      const a = actual[i]?.[j] as number;
      expect(Math.abs(a - value), `[${i}][${j}]: ${a} vs ${value}`).toBeLessThanOrEqual(
        1e-6 * Math.abs(value),
      );
    }),
  );
}

/**
 * Same slot names (up to the counters tfjs puts in a rebuilt model's variable names: `_7`,
 * `LSTM2`), shapes and values.
 */
function expectSameState(actual: OptimizerState, expected: OptimizerState): void {
  const layout = (s: OptimizerState) =>
    s.weights.map(({ name, shape }) => ({
      name: name.replace(/_\d+\//g, '/').replace(/\d+/g, '#'),
      shape,
    }));
  expect(layout(actual)).toEqual(layout(expected));
  expectClose(
    actual.weights.map((w) => w.values),
    expected.weights.map((w) => w.values),
  );
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('StrandAdamOptimizer', () => {
  it.each([
    ['DeepBind', 'wasm', DEEPBIND],
    ['DeepBind', 'cpu', DEEPBIND],
    ['DanQ (conv + BiLSTM)', 'wasm', DANQ],
  ] as const)(
    'trains %s on %s as tf.train.adam does: weights and slots within 1e-6 after 50 steps',
    async (_, backend, spec) => {
      await tf.setBackend(backend);
      const strand = new StrandAdamOptimizer(0.01);
      expect(StrandAdamOptimizer.fusedOn()).toBe(true);
      const fused = await train(spec, strand, 50);
      const reference = await train(spec, tf.train.adam(0.01), 50);
      expectClose(fused.weights, reference.weights);
      expectSameState(fused.state, reference.state);
      expect(fused.state.weights[0]?.values[0]).toBe(50); // iterations
    },
  );

  it('updates every variable with one kernel call, leaving no tensor or wasm buffer behind', async () => {
    await tf.setBackend('wasm');
    const variables = [tf.variable(tf.ones([3, 4])), tf.variable(tf.zeros([5]))];
    const optimizer = new StrandAdamOptimizer(0.1);
    const step = (): void =>
      tf.tidy(() => {
        const grads = Object.fromEntries(variables.map((v) => [v.name, tf.onesLike(v)]));
        optimizer.applyGradients(grads);
      });
    step(); // creates the slots
    const before = liveCounts();
    const profile = await tf.profile(step);
    step();
    expect(liveCounts()).toEqual(before);
    expect(profile.kernels.map((k) => k.name)).toEqual(['OnesLike', 'OnesLike', ADAM_UPDATE]);
    optimizer.dispose();
    tf.dispose(variables);
    expect(optimizer.iterations).toBe(3);
  });

  it('resumes from and into tf.train.adam checkpoints (captureOptimizerState)', async () => {
    await tf.setBackend('wasm');
    const fromTfjs = await train(DEEPBIND, tf.train.adam(0.01), 10);
    const fromStrand = await train(DEEPBIND, new StrandAdamOptimizer(0.01), 10);
    expectSameState(fromStrand.state, fromTfjs.state);
    const reference = await train(DEEPBIND, tf.train.adam(0.01), 5, fromTfjs);
    const resumedByStrand = await train(DEEPBIND, new StrandAdamOptimizer(0.01), 5, fromTfjs);
    const resumedByTfjs = await train(DEEPBIND, tf.train.adam(0.01), 5, fromStrand);
    for (const resumed of [resumedByStrand, resumedByTfjs]) {
      expectClose(resumed.weights, reference.weights);
      expectSameState(resumed.state, reference.state);
    }
  });

  it("runs tfjs' own update on a backend without StrandAdamUpdate, with the same result", async () => {
    await tf.setBackend('cpu');
    const optimizer = new StrandAdamOptimizer(0.01); // registers the cpu kernel…
    tf.unregisterKernel(ADAM_UPDATE, 'cpu'); // …which this backend then lacks
    try {
      expect(StrandAdamOptimizer.fusedOn('cpu')).toBe(false);
      const v = tf.variable(tf.tensor([1, -2, 3]));
      const profile = await tf.profile(() =>
        tf.tidy(() => optimizer.applyGradients({ [v.name]: tf.tensor([0.5, 0.5, -1]) })),
      );
      expect(profile.kernels.map((k) => k.name)).not.toContain(ADAM_UPDATE);
      const fallback = v.dataSync().slice();
      tf.dispose([v]);
      const w = tf.variable(tf.tensor([1, -2, 3]));
      const reference: tf.Optimizer = tf.train.adam(0.01);
      tf.tidy(() => reference.applyGradients({ [w.name]: tf.tensor([0.5, 0.5, -1]) }));
      expect([...fallback]).toEqual([...w.dataSync()]);
      tf.dispose([w]);
      reference.dispose();
    } finally {
      optimizer.dispose();
      tf.registerKernel(cpuAdamUpdateConfig);
    }
  });

  it('makes slots for a variable without a gradient and leaves it as it is, as tfjs does', async () => {
    await tf.setBackend('wasm');
    const [a, b] = [tf.variable(tf.tensor([1, 2])), tf.variable(tf.tensor([3]))];
    const optimizer = new StrandAdamOptimizer(0.1);
    tf.tidy(() =>
      optimizer.applyGradients([
        { name: a.name, tensor: tf.tensor([1, 1]) },
        { name: b.name, tensor: null as unknown as tf.Tensor },
      ]),
    );
    expect([...b.dataSync()]).toEqual([3]);
    expect(a.dataSync()[0]).toBeCloseTo(0.9, 5); // m̂ = v̂ = 1: a step of lr
    const slots = await optimizer.getWeights();
    expect(slots.map((s) => s.name)).toEqual([
      'iter',
      `${a.name}/m`,
      `${b.name}/m`,
      `${a.name}/v`,
      `${b.name}/v`,
    ]);
    slots[0]?.tensor.dispose();
    optimizer.dispose();
    tf.dispose([a, b]);
  });

  it('names a gradient whose variable does not exist', async () => {
    await tf.setBackend('wasm');
    const optimizer = new StrandAdamOptimizer(0.1);
    const g = tf.tensor([1]);
    expect(() => optimizer.applyGradients({ nowhere: g })).toThrow(
      new TrainingInputError('applyGradients: "nowhere" is not a registered variable'),
    );
    g.dispose();
    optimizer.dispose();
  });
});
