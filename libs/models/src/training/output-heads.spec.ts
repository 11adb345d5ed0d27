import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import type { OutputHead } from './output-heads.ts';
import { headTargets, layoutHeads, profileHeads } from './output-heads.ts';
import { deriveSeed, seededRandom } from './seed.ts';
import { headLoss, headTarget, multinomialLoss, taskLoss } from './task-loss.ts';
import { headMetrics, profileMetrics, taskMetrics } from './task-metrics.ts';
import { trainModel } from './train.ts';
import type { TrainingData } from './training-data.ts';
import { TrainingInputError } from './training-input.error.ts';

const { log } = Math;

beforeAll(async () => {
  await initBackend();
});

/** A bpnet of 3 positions: outputs profile [3, 1] and counts [1]. */
function tinyBpnet(): tf.LayersModel {
  const config = { filters: 2, stemKernel: 1, dilatedLayers: 0, profileKernel: 1 };
  return buildModel({ architecture: 'bpnet', config, inputLength: 3, alphabetSize: 4, seed: 1 });
}

/** Two rows of 3 positions × 1 track: counts [2, 0, 1] and [0, 4, 0]. */
function countsData(y = [2, 0, 1, 0, 4, 0]): TrainingData {
  return {
    x: new Float32Array(2 * 3 * 4),
    y: Float32Array.from(y),
    count: 2,
    length: 3,
    alphabetSize: 4,
    labelWidth: 3,
  };
}

describe('multinomialLoss', () => {
  it('equals the hand-computed NLL and has gradient (N·softmax − k) / (rows·tracks)', () => {
    const before = tf.memory().numTensors;
    // [n = 2, positions = 3, tracks = 1]; row 0: p = ⅓ each, row 1: p = [⅕, ⅗, ⅕].
    const counts = tf.tensor3d([2, 0, 1, 0, 4, 0], [2, 3, 1]);
    const logits = tf.tensor3d([0, 0, 0, 0, log(3), 0], [2, 3, 1]);
    const value = multinomialLoss(counts, logits);
    expect(value.shape).toEqual([]);
    expect(value.dataSync()[0]).toBeCloseTo((3 * log(3) + 4 * log(5 / 3)) / 2, 5);
    const grad = tf.grad((x: tf.Tensor) => multinomialLoss(counts, x))(logits);
    const expected = [3 / 3 - 2, 1, 3 / 3 - 1, 0.8, 4 * 0.6 - 4, 0.8].map((g) => g / 2);
    Array.from(grad.dataSync()).forEach((g, i) => expect(g).toBeCloseTo(expected[i] as number, 5));
    tf.dispose([counts, logits, value, grad]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('matches autodiff of −Σ k·logSoftmax over positions for several tracks', () => {
    const random = seededRandom(deriveSeed(3, 'multinomial'));
    const values = (n: number, scale: number) =>
      Array.from({ length: n }, () => Math.floor(random() * scale));
    const counts = tf.tensor3d(values(2 * 5 * 3, 6), [2, 5, 3]);
    const logits = tf.tensor3d(
      values(2 * 5 * 3, 10).map((v) => v / 3 - 1),
      [2, 5, 3],
    );
    const reference = (x: tf.Tensor) =>
      tf.tidy(() => {
        const perPosition = tf.logSoftmax(tf.transpose(x, [0, 2, 1])); // over positions
        return tf.neg(tf.mean(tf.sum(tf.mul(tf.transpose(counts, [0, 2, 1]), perPosition), -1)));
      }) as tf.Scalar;
    const ours = tf.valueAndGrad((x: tf.Tensor) => multinomialLoss(counts, x))(logits);
    const theirs = tf.valueAndGrad(reference)(logits);
    expect(ours.value.dataSync()[0]).toBeCloseTo(theirs.value.dataSync()[0] as number, 4);
    const a = ours.grad.dataSync();
    theirs.grad.dataSync().forEach((g, i) => expect(a[i]).toBeCloseTo(g, 5));
    tf.dispose([counts, logits, ours.value, ours.grad, theirs.value, theirs.grad]);
  });

  it('taskLoss and taskMetrics point task profile to the head functions', () => {
    const t = tf.scalar(0);
    expect(() => taskLoss('profile', t, t)).toThrow(TrainingInputError);
    expect(() => taskLoss('profile', t, t)).toThrow('see headLoss');
    expect(() => taskMetrics('profile', new Float32Array(1), new Float32Array(1), 1)).toThrow(
      'use headMetrics',
    );
    t.dispose();
  });
});

describe('output heads', () => {
  it('lays out BPNet heads: λ = ½ × mean total counts of the training rows', () => {
    const model = tinyBpnet();
    const [profile, counts] = layoutHeads(profileHeads(), model, countsData(), [0, 1]);
    expect(profile).toMatchObject({
      name: 'profile',
      loss: 'multinomial',
      weight: 1,
      positions: 3,
      tracks: 1,
      output: 0,
    });
    expect(counts).toMatchObject({
      name: 'counts',
      target: 'log1p-total',
      positions: 3,
      tracks: 1,
      output: 1,
    });
    expect(counts?.weight).toBe(0.5 * 3.5); // totals 3 and 4
    expect(layoutHeads(profileHeads(), model, countsData(), [1])[1]?.weight).toBe(2);
    expect(Array.from(headTargets(counts!, countsData().y, 3))).toEqual(
      [log(4), log(5)].map(Math.fround),
    );
    const y = tf.tensor2d([2, 0, 1, 0, 4, 0], [2, 3]);
    const target = headTarget(counts!, y);
    expect(target.shape).toEqual([2, 1]);
    expect(Array.from(target.dataSync())).toEqual([log(4), log(5)].map(Math.fround));
    const p = tf.tensor2d([log(4), log(5) + 1], [2, 1]);
    expect(headLoss(counts!, target, p).dataSync()[0]).toBeCloseTo(0.5, 5);
    tf.dispose([y, target, p]);
    model.dispose();
  });

  it('headMetrics: per-head metrics and val_loss = profile + λ·counts (hand-computed)', () => {
    const model = tinyBpnet();
    const heads = layoutHeads(profileHeads(), model, countsData(), [0, 1]);
    model.dispose();
    // Outputs side by side: 3 profile logits, then the predicted log count.
    const outputs = Float32Array.from([0, 0, 0, log(4), 0, log(3), 0, log(5) + 1]);
    const metrics = headMetrics(heads, countsData().y, 3, outputs);
    const nll = (3 * log(3) + 4 * log(5 / 3)) / 2;
    expect(metrics['val_profile_loss']).toBeCloseTo(nll, 5);
    expect(metrics['val_profile_pearson']).toBeCloseTo(1, 6); // row 0's flat profile is skipped
    expect(metrics['val_counts_mse']).toBeCloseTo(0.5, 5);
    expect(metrics['val_counts_loss']).toBeCloseTo(0.5, 5);
    expect(metrics['val_counts_mae']).toBeCloseTo(0.5, 5);
    expect(metrics['val_counts_pearson']).toBeCloseTo(1, 6);
    expect(metrics['val_loss']).toBeCloseTo(nll + 1.75 * 0.5, 5);
    expect(
      Object.keys(profileMetrics(Float32Array.from([1, 2, 0, 0]), new Float32Array(4), 2, 2)),
    ).toEqual([
      'val_loss',
      'val_pearson',
      'val_spearman',
      'val_pearson_t1',
      'val_pearson_t2',
      'val_spearman_t1',
      'val_spearman_t2',
    ]);
    expect(() => headMetrics(heads, countsData().y, 3, outputs.subarray(1))).toThrow(
      'headMetrics: 6 labels (width 3) and 7 outputs (width 4) are not the same rows',
    );
  });

  it('names every head problem', () => {
    const model = tinyBpnet();
    const data = countsData();
    const cases: [OutputHead[], TrainingData, string][] = [
      [profileHeads().slice(0, 1), data, 'options.heads has 1 heads but the model 2 outputs'],
      [
        [{ name: 'Profile', loss: 'multinomial' }, profileHeads()[1]!],
        data,
        'options.heads[0].name "Profile" is not [a-z][a-z0-9_]*',
      ],
      [
        [
          { name: 'a', loss: 'multinomial' },
          { name: 'a', loss: 'regression' },
        ],
        data,
        'options.heads[1].name "a" is used by another head',
      ],
      [
        [{ name: 'a', loss: 'multinomial', weight: -1 }, profileHeads()[1]!],
        data,
        'options.heads[0].weight = -1 is not a number ≥ 0',
      ],
      [
        [{ name: 'a', loss: 'multinomial', columns: [0, 4] }, profileHeads()[1]!],
        data,
        'options.heads[0].columns [0, 4) is not a column range within data.labelWidth = 3',
      ],
      [
        [profileHeads()[0]!, { name: 'c', loss: 'regression', weightByMeanTotal: true }],
        data,
        "options.heads[1].weightByMeanTotal needs target 'log1p-total'",
      ],
      [
        profileHeads(),
        { ...data, y: new Float32Array(2), labelWidth: 1 },
        'options.heads[0] ("profile"): 1 target columns but model output 0 [null, 3, 1] has positions × tracks = 3 values',
      ],
      [
        profileHeads(),
        countsData([2, 0, 1, 0, -4, 0]),
        'data.y[4] = -4 is not a count ≥ 0 (options.heads[0], "profile")',
      ],
      [
        [profileHeads()[0]!, { name: 'c', loss: 'binary' }],
        data,
        'options.heads[1] ("c"): model output 1 [null, 1] with 3 target columns is not one probability per row',
      ],
    ];
    for (const [heads, d, message] of cases) {
      const run = () => layoutHeads(heads, model, d, [0, 1]);
      expect(run).toThrow(TrainingInputError);
      expect(run).toThrow(message);
    }
    // A binary head reads 0/1 labels: row 1, column 1 holds 4.
    expect(() =>
      layoutHeads(
        [profileHeads()[0]!, { name: 'c', loss: 'binary', columns: [1, 2] }],
        model,
        data,
        [0, 1],
      ),
    ).toThrow('data.y[4] = 4 is not 0 or 1 (options.heads[1], "c")');
    model.dispose();
  });
});

/** A two-output model on [10, 1] inputs: `cls` (sigmoid) and `reg` (linear). */
function twoHeadModel(seed: number): tf.LayersModel {
  const x = tf.input({ shape: [10, 1] });
  const flat = tf.layers.flatten().apply(x);
  const init = (salt: string) => tf.initializers.glorotUniform({ seed: deriveSeed(seed, salt) });
  const hidden = tf.layers
    .dense({ units: 8, activation: 'tanh', kernelInitializer: init('h') })
    .apply(flat);
  const cls = tf.layers
    .dense({ name: 'cls', units: 1, activation: 'sigmoid', kernelInitializer: init('c') })
    .apply(hidden);
  const reg = tf.layers
    .dense({ name: 'reg', units: 1, kernelInitializer: init('r') })
    .apply(hidden);
  return tf.model({ inputs: x, outputs: [cls, reg] as tf.SymbolicTensor[] });
}

/** y columns: [x0 > 0 (0/1), 2·x1 − x2]. */
function twoHeadData(count: number, seed: number): TrainingData {
  const random = seededRandom(deriveSeed(seed, 'two-heads'));
  const x = Float32Array.from({ length: count * 10 }, () => random() * 2 - 1);
  const y = new Float32Array(count * 2);
  for (let r = 0; r < count; r++) {
    y[r * 2] = (x[r * 10] as number) > 0 ? 1 : 0;
    y[r * 2 + 1] = 2 * (x[r * 10 + 1] as number) - (x[r * 10 + 2] as number);
  }
  return { x, y, count, length: 10, alphabetSize: 1, labelWidth: 2 };
}

describe('trainModel with options.heads', () => {
  const heads: OutputHead[] = [
    { name: 'cls', loss: 'binary', columns: [0, 1] },
    { name: 'reg', loss: 'regression', columns: [1, 2], weight: 2 },
  ];
  const options = { epochs: 8, batchSize: 32, learningRate: 0.02, seed: 3, heads };

  it('trains each output on its columns with its own loss, reproducibly and without leaks', async () => {
    const before = tf.memory().numTensors;
    const data = twoHeadData(600, 1);
    const run = async () => {
      const model = twoHeadModel(2);
      const result = await trainModel(model, data, options);
      model.dispose();
      return result.history.map((r) => r.metrics);
    };
    const history = await run();
    const last = history.at(-1) ?? {};
    expect(last['val_cls_auroc']).toBeGreaterThan(0.9); // chance 0.5
    expect(last['val_reg_r2']).toBeGreaterThan(0.8); // the mean scores 0
    expect(last['val_loss']).toBeCloseTo(
      (last['val_cls_loss'] as number) + 2 * (last['val_reg_loss'] as number),
      5,
    );
    expect(await run()).toEqual(history);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects heads with another task, and a multi-output model without heads', async () => {
    const model = twoHeadModel(2);
    const data = twoHeadData(40, 1);
    await expect(trainModel(model, data, { ...options, task: 'binary' })).rejects.toThrow(
      "options.heads and options.task = 'binary' are both given; heads set the losses (task may only be 'profile')",
    );
    await expect(
      trainModel(model, data, { ...options, heads: undefined, task: 'regression' }),
    ).rejects.toThrow(
      "the model has 2 outputs; trainModel takes one unless options.heads (or task 'profile') says how each trains",
    );
    const narrow = { ...data, y: data.y.filter((_, i) => i % 2 === 0), labelWidth: 1 };
    await expect(trainModel(model, data, { ...options, validation: narrow })).rejects.toThrow(
      'options.validation.labelWidth = 1 but data.labelWidth = 2; the heads read the same columns of both',
    );
    model.dispose();
    const bpnet = tinyBpnet();
    await expect(
      trainModel(
        bpnet,
        { ...countsData(), labelWidth: 1, y: new Float32Array(2) },
        { ...options, heads: undefined, task: 'profile' },
      ),
    ).rejects.toThrow(
      '1 target columns but model output 0 [null, 3, 1] has positions × tracks = 3 values',
    );
    bpnet.dispose();
  });
});
