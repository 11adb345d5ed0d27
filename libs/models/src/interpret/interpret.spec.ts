import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { TINY_DEEPBIND } from '../testing.ts';
import { predictProbabilities } from '../training/predict.ts';
import { oneHotEncode } from '@strand/genomics';
import { filterMotifs } from './filter-motifs.ts';
import { inSilicoMutagenesis } from './in-silico-mutagenesis.ts';
import { gradientTimesInput, saliency } from './input-gradients.ts';
import { integratedGradients } from './integrated-gradients.ts';

const LENGTH = 30;
const SEQ = 'ACGTTGCAACGGTACCATGCATGCAATTGC';
let model: tf.LayersModel;
let before: number;

beforeAll(async () => {
  await initBackend();
  model = buildModel({
    architecture: 'deepbind',
    config: TINY_DEEPBIND,
    inputLength: LENGTH,
    alphabetSize: 4,
    seed: 9,
  });
  before = tf.memory().numTensors;
});
afterAll(() => {
  // Every function below must leave no tensor behind.
  expect(tf.memory().numTensors).toBe(before);
});

const predict = (seq: string) =>
  predictProbabilities(model, {
    x: oneHotEncode(seq),
    count: 1,
    length: LENGTH,
    alphabetSize: 4,
  })[0];
const mutate = (seq: string, i: number, base: string) => seq.slice(0, i) + base + seq.slice(i + 1);

describe('inSilicoMutagenesis', () => {
  it('scores every substitution as pred(mutant) − pred(ref), 0 at the ref base', () => {
    const { ref, scores } = inSilicoMutagenesis(model, SEQ, { batchSize: 7 });
    expect(ref).toBe(predict(SEQ));
    expect(scores).toHaveLength(LENGTH * 4);
    for (let i = 0; i < LENGTH; i++) {
      for (let b = 0; b < 4; b++) {
        const base = 'ACGT'[b];
        if (SEQ[i] === base) expect(scores[i * 4 + b]).toBe(0);
        else expect(scores[i * 4 + b]).toBeCloseTo(predict(mutate(SEQ, i, base)) - ref, 5);
      }
    }
  });

  it('gives the same scores whatever the batch size', () => {
    const a = inSilicoMutagenesis(model, SEQ).scores;
    expect(inSilicoMutagenesis(model, SEQ, { batchSize: 1 }).scores).toEqual(a);
  });

  it('mutates all four bases of an N', () => {
    const withN = mutate(SEQ, 3, 'N');
    const { scores } = inSilicoMutagenesis(model, withN);
    expect(scores[3 * 4 + 3]).toBeCloseTo(predict(SEQ) - predict(withN), 5);
  });

  it('rejects a sequence of the wrong length and a bad batch size, naming them', () => {
    expect(() => inSilicoMutagenesis(model, 'ACGT')).toThrow(
      "inSilicoMutagenesis: sequence of length 4 does not fit the model's input length 30",
    );
    expect(() => inSilicoMutagenesis(model, SEQ, { batchSize: 0 })).toThrow(
      'inSilicoMutagenesis: batchSize 0 is not an integer ≥ 1',
    );
  });
});

describe('gradient attributions', () => {
  it('saliency is |gradient|; gradient × input keeps it at the bases present', () => {
    const s = saliency(model, SEQ);
    const g = gradientTimesInput(model, SEQ);
    expect(s.output).toBe(predict(SEQ));
    expect(g.output).toBe(s.output);
    for (let i = 0; i < LENGTH; i++) {
      for (let b = 0; b < 4; b++) {
        expect(s.scores[i * 4 + b]).toBeGreaterThanOrEqual(0);
        if (SEQ[i] === 'ACGT'[b]) expect(Math.abs(g.scores[i * 4 + b])).toBe(s.scores[i * 4 + b]);
        else expect(Math.abs(g.scores[i * 4 + b])).toBe(0);
      }
    }
    expect(s.scores.some((v) => v > 0)).toBe(true);
  });

  it('saliency agrees with a finite difference of the model', () => {
    // A step small enough for ReLU kinks to be unlikely, large enough for float32.
    const h = 1e-2;
    const x = oneHotEncode(SEQ);
    const at = 5 * 4 + 2;
    const shifted = Float32Array.from(x);
    shifted[at] += h;
    const f = (v: Float32Array) =>
      predictProbabilities(model, { x: v, count: 1, length: LENGTH, alphabetSize: 4 })[0];
    const numeric = Math.abs((f(shifted) - f(x)) / h);
    expect(saliency(model, SEQ).scores[at]).toBeCloseTo(numeric, 3);
  });

  for (const baseline of ['zeros', 'uniform'] as const) {
    it(`integrated gradients are complete: Σ = f(x) − f(${baseline} baseline)`, () => {
      const r = integratedGradients(model, SEQ, { baseline, steps: 64 });
      expect(r.output).toBeCloseTo(predict(SEQ), 6);
      const sum = r.scores.reduce((a, v) => a + v, 0);
      expect(r.delta).toBeCloseTo(sum - (r.output - r.baselineOutput), 6);
      // Midpoint rule, 64 steps: within 2% of the difference it explains.
      expect(Math.abs(r.delta)).toBeLessThan(0.02 * Math.abs(r.output - r.baselineOutput) + 1e-4);
      expect(Math.abs(r.output - r.baselineOutput)).toBeGreaterThan(1e-3);
    });
  }

  it('integrated gradients reject bad options', () => {
    expect(() => integratedGradients(model, SEQ, { steps: 0 })).toThrow(
      'integratedGradients: steps 0 is not an integer ≥ 1',
    );
    expect(() => integratedGradients(model, SEQ, { baseline: 'gc' as 'zeros' })).toThrow(
      `integratedGradients: baseline "gc" is not 'zeros', 'uniform' or a [length, 4] matrix`,
    );
  });
});

describe('filterMotifs', () => {
  const seqs = Array.from({ length: 40 }, (_, k) => SEQ.slice(k % 7) + SEQ.slice(0, k % 7));

  it('counts the windows above threshold × max for every filter', () => {
    const { filters, meanPrediction } = filterMotifs(model, seqs, { threshold: 0.5 });
    expect(filters.map((f) => f.filter)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(meanPrediction).toBeCloseTo(
      seqs.map(predict).reduce((a, b) => a + b, 0) / seqs.length,
      5,
    );
    for (const f of filters) {
      expect(f.pfm.id).toBe(`conv1:${f.filter}`);
      expect(f.pfm.counts).toHaveLength(TINY_DEEPBIND.kernelSize);
      // 'valid' padding: every window lies inside its sequence, one base per column and site.
      for (const column of f.pfm.counts) expect(column.reduce((a, c) => a + c, 0)).toBe(f.sites);
      expect(f.sites === 0).toBe(f.maxActivation === 0);
      expect(f.informationContent).toBeGreaterThanOrEqual(0);
    }
    const all = filterMotifs(model, seqs, { threshold: 0 }).filters;
    for (const f of filters) expect(all[f.filter].sites).toBeGreaterThanOrEqual(f.sites);
  });

  it('importance is the drop in mean prediction on positives when a filter is zeroed', () => {
    const labels = seqs.map((_, k) => (k % 2 === 0 ? 1 : 0));
    const { filters, meanPrediction } = filterMotifs(model, seqs, { labels });
    const positives = seqs.filter((_, k) => labels[k] === 1);
    expect(meanPrediction).toBeCloseTo(
      positives.map(predict).reduce((a, b) => a + b, 0) / positives.length,
      5,
    );
    // Zero filter 0's kernel and bias: its ReLU output is then 0 everywhere.
    const conv = model.getLayer('conv1');
    const saved = conv.getWeights().map((w) => w.clone());
    const [kernel, bias] = saved;
    const mask = tf.tidy(() => tf.oneHot([0], TINY_DEEPBIND.filters).reshape([-1]).mul(-1).add(1));
    tf.tidy(() => conv.setWeights([kernel.mul(mask), bias.mul(mask)]));
    const zeroed = positives.map(predict).reduce((a, b) => a + b, 0) / positives.length;
    conv.setWeights(saved);
    tf.dispose([...saved, mask]);
    expect(filters[0].importance).toBeCloseTo(meanPrediction - zeroed, 5);
  });

  it('rejects an unknown layer, a non-convolution, bad labels and threshold', () => {
    expect(() => filterMotifs(model, seqs, { layer: 'conv9' })).toThrow(
      'filterMotifs: no layer "conv9"; the model has conv1, pool, dense1, dropout, output',
    );
    expect(() => filterMotifs(model, seqs, { layer: 'dense1' })).toThrow(
      'filterMotifs: layer "dense1" is a Dense, not a Conv1D',
    );
    expect(() => filterMotifs(model, seqs, { labels: [1] })).toThrow(
      'filterMotifs: 1 labels for 40 sequences',
    );
    expect(() => filterMotifs(model, seqs, { labels: seqs.map(() => 0) })).toThrow(
      'filterMotifs: no sequence is labelled 1',
    );
    expect(() => filterMotifs(model, seqs, { threshold: 2 })).toThrow(
      'filterMotifs: threshold 2 is not in [0, 1]',
    );
  });
});
