import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reverseComplementRows } from '@strand/genomics';
import { initBackend, predictOutputs } from '@strand/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { subset } from './data-rows.ts';
import { evaluation } from './evaluate.ts';
import { fit } from './fit.ts';
import { LearningError } from './learning.error.ts';
import { saveTrainedModel } from './save-trained-model.ts';
import type { LabelledData } from './labelled-data.ts';
import { expressionProfiles, plantedMotifData } from './synthetic.testing.ts';
import {
  changedChoices,
  checkTrainingChoicesForData,
  classWeightVector,
  parseClassWeights,
  readTrainingChoices,
  scheduleOptions,
} from './training-choices.ts';

beforeAll(async () => {
  await initBackend();
});

/** 20 samples × 30 genes of two classes, as an expression matrix reads. */
function expression(): LabelledData {
  const p = expressionProfiles(20, 30, ['ALL', 'AML'], 1);
  return {
    kind: 'features',
    x: p.values,
    count: 20,
    length: 30,
    alphabetSize: 1,
    labels: Uint8Array.from(p.labels, (l) => (l === 'AML' ? 1 : 0)),
    labelNames: ['ALL', 'AML'],
    features: p.genes,
    checksum: 'expression-20-30-1',
  };
}

const SMALL = {
  architecture: 'deepbind',
  config: { filters: 4, kernelSize: 6, hiddenUnits: 4 },
  epochs: 2,
  batchSize: 16,
  learningRate: 0.01,
  seed: 3,
};

describe('reading the training choices', () => {
  it('reads auto, none and name=weight pairs, and locates what is wrong', () => {
    expect(parseClassWeights('auto')).toBe('auto');
    expect(parseClassWeights(' none ')).toBe('none');
    expect(parseClassWeights('neg=1, pos=3.5')).toEqual({ neg: 1, pos: 3.5 });
    expect(() => parseClassWeights('pos=3,pos=1')).toThrow('names class "pos" twice');
    expect(() => parseClassWeights('pos=-1')).toThrow('"pos=-1" is not one');
    expect(() => parseClassWeights('3')).toThrow(LearningError);
    const bad = readTrainingChoices({
      classWeights: 'x',
      lrSchedule: 'step',
      plateauPatience: 0,
      weightDecay: 2,
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual([
      'classWeights',
      'lrSchedule',
      'plateauPatience',
      'weightDecay',
    ]);
    const patience = readTrainingChoices({ plateauPatience: 4 });
    expect(patience.ok ? null : patience.errors[0]?.message).toBe(
      'plateauPatience needs lrSchedule plateau',
    );
    const good = readTrainingChoices({
      lrSchedule: 'plateau',
      plateauPatience: 2,
      rcAverage: true,
    });
    expect(good.ok && good.value).toEqual({
      normalize: 'none',
      impute: 'none',
      imputeK: 10,
      kmer: 0,
      kmerCanonical: false,
      reverseComplement: false,
      rcAverage: true,
      classWeights: 'none',
      lrSchedule: 'plateau',
      plateauPatience: 2,
      weightDecay: 0,
    });
    expect(good.ok && changedChoices(good.value)).toEqual({
      rcAverage: true,
      lrSchedule: 'plateau',
      plateauPatience: 2,
    });
  });

  it('checks the choices against the data: strands need DNA, weights need named classes', () => {
    const dna = plantedMotifData(20, 12, 1);
    const expr = expression();
    expect(checkTrainingChoicesForData({ rcAverage: true, classWeights: 'auto' }, dna)).toEqual([]);
    const errors = checkTrainingChoicesForData(
      { reverseComplement: true, classWeights: { tumour: 2 } },
      expr,
      'dataset "golub"',
    );
    expect(errors.map((e) => e.field)).toEqual(['reverseComplement', 'classWeights']);
    expect(errors[0]?.message).toContain('dataset "golub" holds features (expression)');
    expect(errors[1]?.message).toContain('"tumour", not a class of dataset "golub"');
  });

  it('auto class weights are inverse frequencies of the training rows only', () => {
    const labels = Uint8Array.from([0, 0, 0, 1, 1, 0, 1, 0]);
    // Rows 0–3: three of class 0, one of class 1 → 4 / (2·3), 4 / (2·1).
    expect(classWeightVector('auto', ['a', 'b'], labels, [0, 1, 2, 3])).toEqual([2 / 3, 2]);
    expect(classWeightVector({ b: 5 }, ['a', 'b', 'c'], labels, [0])).toEqual([1, 5, 1]);
    expect(classWeightVector('none', ['a', 'b'], labels, [0])).toBeUndefined();
  });

  it('a plateau schedule halves on validation loss, or on the training loss without a split', () => {
    expect(scheduleOptions({ lrSchedule: 'plateau', plateauPatience: 2 }, true)).toEqual({
      reduceLrOnPlateau: { monitor: 'val_loss', factor: 0.5, patience: 2 },
    });
    expect(scheduleOptions({ lrSchedule: 'plateau' }, false).reduceLrOnPlateau?.monitor).toBe(
      'loss',
    );
    expect(scheduleOptions({ lrSchedule: 'cosine' }, true)).toEqual({
      learningRateSchedule: 'cosine',
    });
  });
});

describe('fit with the training choices', () => {
  it('trains with auto class weights of its training rows and the schedule', async () => {
    const data = plantedMotifData(60, 20, 2);
    const rows = Array.from({ length: 60 }, (_, i) => i).filter(
      (i) => data.labels[i] === 0 || i % 3 === 0,
    );
    const skewed = subset(data, rows);
    const trained = await fit(skewed, {
      ...SMALL,
      classWeights: 'auto',
      lrSchedule: 'cosine',
      weightDecay: 0.001,
    });
    trained.model.dispose();
    const negatives = Array.from(skewed.labels).filter((l) => l === 0).length;
    const positives = skewed.count - negatives;
    expect(positives).toBeLessThan(negatives / 2);
    // No validation split under 50 records: every row trains.
    expect(trained.classWeight?.[0]).toBeCloseTo(skewed.count / (2 * negatives), 6);
    expect(trained.classWeight?.[1]).toBeCloseTo(skewed.count / (2 * positives), 6);
    expect(trained.history[1]?.learningRate).toBeCloseTo(0.005, 9);
    await expect(
      fit(expression(), { ...SMALL, architecture: 'mlp', config: {}, rcAverage: true }),
    ).rejects.toThrow('rcAverage reads DNA sequences on the other strand');
  });

  it('rcAverage: test predictions are the mean over both strands, and strand.json keeps it', async () => {
    const data = plantedMotifData(40, 16, 4);
    const trained = await fit(data, { ...SMALL, rcAverage: true });
    const dir = await mkdtemp(join(tmpdir(), 'strand-rc-'));
    try {
      const averaged = evaluation(trained, data).metrics;
      const forwardOnly = evaluation({ ...trained, rcAverage: false }, data).metrics;
      const x = data.x.slice();
      reverseComplementRows(x, data.count, data.length, () => true);
      const f = predictOutputs(trained.model, data).values;
      const r = predictOutputs(trained.model, { ...data, x }).values;
      const mean = f.map((v, i) => (v + (r[i] as number)) / 2);
      const accuracy =
        mean.filter((p, i) => (p >= 0.5 ? 1 : 0) === data.labels[i]).length / data.count;
      expect(averaged.test_accuracy).toBeCloseTo(accuracy, 9);
      // The two strands disagree somewhere, so averaging is not the forward pass.
      expect(Array.from(f).some((v, i) => Math.abs(v - (r[i] as number)) > 1e-4)).toBe(true);
      expect(forwardOnly.test_auroc).toBeDefined();
      await saveTrainedModel(dir, trained, { seed: 3, backend: 'x', dataChecksum: 'c' });
      const meta = JSON.parse(await readFile(join(dir, 'strand.json'), 'utf8'));
      expect(meta.rcAverage).toBe(true);
    } finally {
      trained.model.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
