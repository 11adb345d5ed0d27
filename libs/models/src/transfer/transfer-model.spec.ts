import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { multitaskMotifData } from '../architectures/zoo.testing.ts';
import { initBackend } from '../backend/init-backend.ts';
import { trainModel } from '../training/train.ts';
import type { TrainingData } from '../training/training-data.ts';
import { transferModel } from './transfer-model.ts';
import { TransferError } from './transfer.error.ts';

beforeAll(async () => {
  await initBackend();
});

const INPUT = { length: 60, alphabetSize: 4 };
const CONFIG = { filters: 16, kernelSize: 8, hiddenUnits: 16, dropout: 0 };
const QUICK = { batchSize: 32, learningRate: 0.01, seed: 2 };

/** Rows of `multitaskMotifData` with label `rule(task1, task2)`: the tasks share motifs. */
function motifTask(count: number, seed: number, rule: (a: number, b: number) => number) {
  const data = multitaskMotifData(count, INPUT.length, seed);
  const y = Float32Array.from({ length: count }, (_, i) =>
    rule(data.y[i * 2] as number, data.y[i * 2 + 1] as number),
  );
  return { ...data, y, labelWidth: 1 } satisfies TrainingData;
}

/** The source: DeepBind trained on a large set for "either motif"; the caller disposes it. */
async function pretrained(): Promise<tf.LayersModel> {
  const source = buildModel({
    architecture: 'deepbind',
    config: CONFIG,
    inputLength: 60,
    alphabetSize: 4,
    seed: 1,
  });
  await trainModel(
    source,
    motifTask(1500, 11, (a, b) => Math.max(a, b)),
    { ...QUICK, epochs: 6 },
  );
  return source;
}

describe('transferModel', () => {
  it('fine-tuned from a related task beats training from scratch on a small set', async () => {
    const before = tf.memory().numTensors;
    const source = await pretrained();
    // Target: only the CACGTG motif, 60 labelled rows; judged on 600 held-out rows.
    const small = motifTask(60, 12, (a) => a);
    const validation = motifTask(600, 13, (a) => a);
    const options = { ...QUICK, epochs: 15, validation };
    const target = { architecture: 'deepbind' as const, config: CONFIG, input: INPUT };
    const { model, copied, frozen } = transferModel(source, target, { freeze: ['conv1'], seed: 5 });
    expect(copied).toEqual(['conv1', 'dense1', 'output']);
    expect(frozen).toEqual(['conv1']);
    const convBefore = model
      .getLayer('conv1')
      .getWeights()
      .map((w) => Array.from(w.dataSync()));
    const tuned = await trainModel(model, small, options);
    const convAfter = model
      .getLayer('conv1')
      .getWeights()
      .map((w) => Array.from(w.dataSync()));
    expect(convAfter).toEqual(convBefore);
    const denseSource = Array.from(source.getLayer('dense1').getWeights()[0]?.dataSync() ?? []);
    const denseTuned = Array.from(model.getLayer('dense1').getWeights()[0]?.dataSync() ?? []);
    expect(denseTuned).not.toEqual(denseSource); // unfrozen layers did train

    const scratch = buildModel({
      architecture: 'deepbind',
      config: CONFIG,
      inputLength: 60,
      alphabetSize: 4,
      seed: 5,
    });
    const fresh = await trainModel(scratch, small, options);
    const tunedAuroc = tuned.history.at(-1)?.metrics['val_auroc'] ?? 0;
    const freshAuroc = fresh.history.at(-1)?.metrics['val_auroc'] ?? 0;
    expect(tunedAuroc).toBeGreaterThan(0.9);
    expect(tunedAuroc).toBeGreaterThan(freshAuroc + 0.1);
    source.dispose();
    model.dispose();
    scratch.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('copies only layers with the same name and shapes, and rejects bad freeze lists', () => {
    const before = tf.memory().numTensors;
    const source = buildModel({
      architecture: 'deepbind',
      config: CONFIG,
      inputLength: 60,
      alphabetSize: 4,
      seed: 1,
    });
    const wider = {
      architecture: 'deepbind' as const,
      config: { ...CONFIG, hiddenUnits: 8 },
      input: INPUT,
    };
    const { model, copied } = transferModel(source, wider, { freeze: [], seed: 2 });
    expect(copied).toEqual(['conv1']); // dense1 and output change shape with hiddenUnits
    expect(Array.from(model.getLayer('conv1').getWeights()[1]?.dataSync() ?? [])).toEqual(
      Array.from(source.getLayer('conv1').getWeights()[1]?.dataSync() ?? []),
    );
    model.dispose();
    expect(() => transferModel(source, wider, { freeze: ['conv9'], seed: 2 })).toThrow(
      new TransferError(
        'freeze: "conv9" is not a layer of the deepbind model; layers: conv1, pool, dense1, dropout, output',
      ),
    );
    expect(() => transferModel(source, wider, { freeze: ['dense1'], seed: 2 })).toThrow(
      'freeze: layer "dense1" got no weights from the source (no source layer of that name and weight shapes); copied: conv1',
    );
    source.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('freezes by rule (first N, conv, all-but-head) and refuses another input shape', () => {
    const before = tf.memory().numTensors;
    const source = buildModel({
      architecture: 'deepbind',
      config: CONFIG,
      inputLength: 60,
      alphabetSize: 4,
      seed: 1,
    });
    // Three classes: the output layer changes shape, so the head is new.
    const target = {
      architecture: 'deepbind' as const,
      config: { ...CONFIG, task: 'multiclass', outputs: 3 },
      input: INPUT,
    };
    const frozenBy = (freeze: number | 'conv' | 'all-but-head') => {
      const { model, copied, frozen } = transferModel(source, target, { freeze, seed: 3 });
      const trainable = model.trainableWeights.length;
      model.dispose();
      return { copied, frozen, trainable };
    };
    expect(frozenBy(1)).toEqual({ copied: ['conv1', 'dense1'], frozen: ['conv1'], trainable: 4 });
    expect(frozenBy('conv').frozen).toEqual(['conv1']);
    expect(frozenBy('all-but-head')).toEqual({
      copied: ['conv1', 'dense1'],
      frozen: ['conv1', 'dense1'],
      trainable: 2,
    });
    expect(() => frozenBy(3)).toThrow('freeze: layer "output" got no weights from the source');
    expect(() => frozenBy(4)).toThrow(
      'freeze: 4 is not a count of layers with weights from 0 to 3',
    );
    const longer = { ...target, input: { length: 80, alphabetSize: 4 } };
    expect(() => transferModel(source, longer, { freeze: [], seed: 3 })).toThrow(
      new TransferError(
        'the source model reads inputs of shape 60×4; this deepbind model reads 80×4',
      ),
    );
    source.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
