import { Readable } from 'node:stream';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createRng,
  geneBurden,
  openVcf,
  readBed,
  readExpressionMatrix,
  simulateCohort,
} from '@strand/genomics';
import type { ExpressionMatrix, GeneBurden, SimulatedCohort } from '@strand/genomics';
import { initBackend } from '@strand/models';
import { RiskPipelineError } from './risk-pipeline.error.ts';
import { runRiskPipeline } from './risk-pipeline.ts';
import type { RiskPipelineResult, RiskProgress } from './risk-pipeline.ts';
import { standardiseFold } from './risk-scaling.ts';

const stream = (text: string) => Readable.from([Buffer.from(text)]);

/** A simulated cohort read back through the file readers, as the CLI reads it. */
async function cohortInputs(cohort: SimulatedCohort) {
  const vcf = await openVcf(stream(cohort.vcf), { genotypes: true });
  const burden = await geneBurden(vcf, readBed(stream(cohort.bed)));
  const expression = await readExpressionMatrix(stream(cohort.expression), {
    orientation: 'genes-by-samples',
  });
  const labels = Object.fromEntries(
    cohort.samples.map((id, i) => [id, cohort.status[i] === 1 ? 'case' : 'control']),
  );
  return { burden, expression, labels };
}

const plantedInTop = (cohort: SimulatedCohort, result: RiskPipelineResult, top: number) => {
  const found = new Set(result.features.slice(0, top).map((f) => `${f.modality}:${f.feature}`));
  return cohort.truth.riskGenes.filter((g) => found.has(`${g.modality}:${g.gene}`));
};

beforeAll(async () => {
  await initBackend();
});

describe('runRiskPipeline on a simulated cohort (200 samples, 200 genes, 5 planted)', () => {
  let cohort: SimulatedCohort;
  let inputs: Awaited<ReturnType<typeof cohortInputs>>;
  beforeAll(async () => {
    cohort = simulateCohort({ samples: 200, genes: 200, riskGenes: 5, seed: 1 });
    inputs = await cohortInputs(cohort);
  });

  it('recovers the planted genes in its top 10 features and predicts clearly above chance', async () => {
    const tensors = tf.memory().numTensors;
    const progress: RiskProgress[] = [];
    const result = await runRiskPipeline({
      ...inputs,
      folds: 5,
      seed: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(tf.memory().numTensors).toBe(tensors);

    const recovered = plantedInTop(cohort, result, 10);
    expect(recovered.length, JSON.stringify(result.features.slice(0, 10))).toBeGreaterThanOrEqual(
      4,
    );
    // The sign of each recovered gene's effect is found too.
    for (const gene of recovered) {
      const feature = result.features.find(
        (f) => f.feature === gene.gene && f.modality === gene.modality,
      )!;
      expect(feature.direction, gene.gene).toBe(Math.sign(gene.effect));
    }
    // Out-of-fold: AUROC over all 200 held-out predictions, and per fold.
    expect(result.pooled.auroc).toBeGreaterThan(0.6);
    expect(result.mean.auroc - (2 * result.sd.auroc) / Math.sqrt(5)).toBeGreaterThan(0.5);
    expect(result.folds.map((f) => f.test).reduce((a, b) => a + b)).toBe(200);
    expect(result.features).toHaveLength(400);
    expect(result.cohort).toMatchObject({
      samples: 200,
      expressionFeatures: 200,
      burdenFeatures: 200,
      excluded: { unlabelled: 0, notInExpression: 0, notInBurden: 0 },
    });
    expect(result.positiveLabel).toBe('case');
    for (const sample of result.samples) {
      expect(sample.risk).toBeGreaterThan(0);
      expect(sample.risk).toBeLessThan(1);
      expect(sample.fold).toBeGreaterThanOrEqual(1);
      expect(sample.topFeatures).toHaveLength(5);
    }
    // Progress: monotone, ending at done = total.
    expect(progress.map((p) => p.done)).toEqual(
      [...progress.map((p) => p.done)].sort((a, b) => a - b),
    );
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total, message: 'done' });
  }, 60_000);

  it('finds neither the genes nor a signal when the labels are permuted (control)', async () => {
    const rng = createRng(5);
    const ids = rng.shuffle([...cohort.samples]);
    const labels = Object.fromEntries(ids.map((id, i) => [id, inputs.labels[cohort.samples[i]]]));
    const result = await runRiskPipeline({ ...inputs, labels, folds: 5, seed: 1 });
    expect(plantedInTop(cohort, result, 10).length).toBeLessThanOrEqual(1);
    expect(result.pooled.auroc).toBeLessThan(0.6);
  }, 60_000);
});

describe('runRiskPipeline mechanics', () => {
  let small: { expression: ExpressionMatrix; burden: GeneBurden; labels: Record<string, string> };
  beforeAll(async () => {
    small = await cohortInputs(simulateCohort({ samples: 60, genes: 30, riskGenes: 2, seed: 3 }));
  });
  const quick = { folds: 3, epochs: 3, attributionSteps: 8 };

  it('gives identical results under the same seed', async () => {
    const a = await runRiskPipeline({ ...small, ...quick, seed: 9 });
    const b = await runRiskPipeline({ ...small, ...quick, seed: 9 });
    expect(b).toEqual(a);
    const c = await runRiskPipeline({ ...small, ...quick, seed: 10 });
    expect(c.samples.map((s) => s.risk)).not.toEqual(a.samples.map((s) => s.risk));
  });

  it('keeps samples found in all inputs, counts the rest, and keeps the model on request', async () => {
    const labels: Record<string, string> = { ...small.labels, EXTRA: 'case' };
    delete labels['S001'];
    labels['S002'] = 'NA';
    const burden = {
      ...small.burden,
      samples: small.burden.samples.slice(0, 59),
      matrix: small.burden.matrix.subarray(0, 59 * 30),
    };
    const result = await runRiskPipeline({ ...small, burden, labels, ...quick, keepModel: true });
    expect(result.cohort.samples).toBe(57);
    expect(result.cohort.excluded).toEqual({ unlabelled: 2, notInExpression: 1, notInBurden: 1 });
    const kept = result.model!;
    expect(kept.model.inputs.map((i) => i.shape)).toEqual([
      [null, 30, 1],
      [null, 30],
    ]);
    expect(kept.model.outputs[0].shape).toEqual([null, 1]);
    expect(kept.expressionScaling.means).toHaveLength(30);
    kept.model.dispose();
  });

  it('reports unusable input with the field at fault', async () => {
    const oneClass = Object.fromEntries(Object.keys(small.labels).map((id) => [id, 'case']));
    await expect(runRiskPipeline({ ...small, labels: oneClass })).rejects.toThrow(
      'the 60 samples found in expression, burden and labels have 1 class(es) (case); risk needs exactly two',
    );
    await expect(runRiskPipeline({ ...small, positiveLabel: 'affected' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'positiveLabel',
      message: 'positiveLabel "affected" is not one of the classes (case, control)',
    });
    await expect(runRiskPipeline({ ...small, folds: 50 })).rejects.toThrow(
      /^50 folds need at least 50 samples of each class; found \d+ case and \d+ control$/,
    );
    await expect(runRiskPipeline({ ...small, epochs: 0 })).rejects.toThrow(
      'epochs must be an integer in [1, 10000], got 0',
    );
    await expect(runRiskPipeline({ ...small, config: { dropout: 2 } })).rejects.toThrow(
      RiskPipelineError,
    );
    const values = small.expression.values.slice();
    values[31] = Infinity;
    await expect(
      runRiskPipeline({ ...small, expression: { ...small.expression, values } }),
    ).rejects.toThrow(
      'expression: sample "S002" gene "GENE002" is Infinity; values must be finite (or missing)',
    );
  });

  it('stops with CANCELLED when the signal aborts, leaking no tensor', async () => {
    const tensors = tf.memory().numTensors;
    const controller = new AbortController();
    const run = runRiskPipeline({
      ...small,
      ...quick,
      epochs: 50,
      onProgress: (p) => {
        if (p.done === 2) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(tf.memory().numTensors).toBe(tensors);
  });
});

describe('standardiseFold', () => {
  it('scales every set with the training rows alone: test values never change the scaling', () => {
    const train = { values: Float32Array.from([1, 10, 3, 10, NaN, 10]), features: ['a', 'b'] };
    const test = { values: Float32Array.from([5, 7, NaN, 10]), features: ['a', 'b'] };
    const { scaled, scaling } = standardiseFold(train, [test]);
    // a: mean 2, sd √2 (n − 1); b: constant 10 → only centred.
    expect([...scaling.means]).toEqual([2, 10]);
    expect(scaling.sds[0]).toBeCloseTo(Math.SQRT2, 6);
    expect(Array.from(scaled[1], (v) => Number(v.toFixed(4)))).toEqual([2.1213, -3, 0, 0]);
    const otherTest = { values: Float32Array.from([500, 700, 900, 100]), features: ['a', 'b'] };
    const again = standardiseFold(train, [otherTest]);
    expect(again.scaled[0]).toEqual(scaled[0]);
    expect(again.scaling).toEqual(scaling);
  });
});
