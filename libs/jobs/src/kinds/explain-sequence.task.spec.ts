import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, oneHotEncode } from '@strand/genomics';
import { buildModel, initBackend, saveModel } from '@strand/models';
import { explainTask } from './explain-sequence.task.ts';
import type { ExplainTaskInput } from './explain-sequence.task.ts';

const LENGTH = 40;
const CONFIG = {
  filters: [4, 4, 4],
  kernelSize: 4,
  poolSize: 2,
  dropout: 0,
  finalDropout: 0,
  hiddenUnits: 8,
  tasks: 3,
};
let dir: string;
let model: tf.LayersModel;
const random = createRng(3);
const SEQ = Array.from({ length: LENGTH }, () => 'ACGT'[random.int(4)]).join('');
const tools = { progress: () => undefined, signal: new AbortController().signal };
const input = (over: Partial<ExplainTaskInput>): ExplainTaskInput => ({
  modelDir: join(dir, 'model'),
  method: 'ism',
  task: 0,
  sequences: [{ id: 'a', sequence: SEQ }],
  datasetFile: null,
  datasetName: null,
  limit: 1,
  ...over,
});

beforeAll(async () => {
  await initBackend();
  dir = await mkdtemp(join(tmpdir(), 'strand-explain-task-'));
  model = buildModel({
    architecture: 'deepsea',
    config: CONFIG,
    inputLength: LENGTH,
    alphabetSize: 4,
    seed: 4,
  });
  await saveModel(model, join(dir, 'model'), {
    architecture: 'deepsea',
    config: CONFIG,
    alphabet: 'ACGT',
    inputLength: LENGTH,
    labelNames: ['dnase', 'ctcf', 'h3k27ac'],
    seed: 4,
    backend: 'test',
    dataChecksum: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
});
afterAll(async () => {
  model?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Predictions of every output for one sequence. */
function predictAll(seq: string): Float32Array {
  return tf.tidy(() =>
    (model.predict(tf.tensor3d(oneHotEncode(seq), [1, LENGTH, 4])) as tf.Tensor).dataSync(),
  ) as Float32Array;
}

describe('explainTask', () => {
  it("explains one output of a multi-task model: ISM of task 1 is that output's change", async () => {
    const before = tf.memory().numTensors;
    const result = await explainTask(input({ task: 1 }), tools);
    expect(tf.memory().numTensors).toBe(before);
    expect(result).toMatchObject({ task: 1, taskName: 'ctcf', inputLength: LENGTH });
    const ref = predictAll(SEQ)[1];
    const [got] = result.sequences;
    expect(got.prediction).toBeCloseTo(ref, 5);
    for (const p of [0, 7, 23, LENGTH - 1]) {
      for (const [b, base] of [...'ACGT'].entries()) {
        const mutant = SEQ.slice(0, p) + base + SEQ.slice(p + 1);
        expect(got.scores[p][b]).toBeCloseTo(predictAll(mutant)[1] - ref, 5);
      }
    }
  });

  it('gives gradient methods for any task without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    for (const method of ['saliency', 'gradxinput', 'ig'] as const) {
      const result = await explainTask(input({ method, task: 2 }), tools);
      expect(result.sequences[0].scores).toHaveLength(LENGTH);
      expect(result.sequences[0].positionScores).toHaveLength(LENGTH);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives DeepLIFT and DeepSHAP of the chosen task: contributions sum to logit − reference', async () => {
    const before = tf.memory().numTensors;
    for (const method of ['deeplift', 'deepshap'] as const) {
      const result = await explainTask(input({ method, task: 1 }), tools);
      expect(result).toMatchObject({ method, task: 1, target: 'logit', summary: 'sum' });
      const [got] = result.sequences;
      expect(got.prediction).toBeCloseTo(predictAll(SEQ)[1], 5);
      // The logit of the sigmoid output: log(p / (1 − p)).
      expect(got.explained).toBeCloseTo(Math.log(got.prediction / (1 - got.prediction)), 3);
      const sum = got.positionScores.reduce((a, v) => a + v, 0);
      expect(sum).toBeCloseTo(got.explained - (got.reference as number), 3);
      expect(got.convergenceDelta).toBeLessThan(1e-3);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a task the model does not have, naming its outputs', async () => {
    await expect(explainTask(input({ task: 3 }), tools)).rejects.toThrow(
      'task 3 is out of range: the model has 3 outputs (0 to 2)',
    );
  });
});
