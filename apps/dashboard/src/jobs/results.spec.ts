import { describe, expect, it } from 'vitest';
import { parseCvResult } from './cv-result.ts';
import { parseImportResult } from './import-result.ts';
import { highestRisk, parseRiskResult } from './risk-result.ts';
import { indelCount, parseScoreResult } from './score-result.ts';
import { paramNames, parseSweepResult } from './sweep-result.ts';

// Shapes as the job kinds in libs/jobs/src/kinds store them (JSON: NaN arrives as null).
const preflight = {
  records: 400,
  kinds: { snv: 380, mnv: 2, insertion: 9, deletion: 12, complex: 1 },
  refMismatches: {
    count: 11,
    first: [{ line: 31, chrom: 'chr17', pos: 1042, ref: 'A', alt: 'G', detail: 'reference has C' }],
  },
  duplicates: { count: 0, first: [] },
  missingChromosomes: { names: ['chrUn'], records: 3 },
  skipped: { count: 2, kinds: { symbolic: 2 } },
};

describe('parseImportResult', () => {
  it('reads the dataset, records and checksum', () => {
    expect(parseImportResult({ datasetId: 'd1', records: 106, checksum: 'ab' })).toEqual({
      datasetId: 'd1',
      records: 106,
      checksum: 'ab',
    });
  });
  it('is null for another shape', () => {
    expect(parseImportResult({ folds: [] })).toBeNull();
    expect(parseImportResult('x')).toBeNull();
  });
});

describe('parseScoreResult', () => {
  it('reads counts, the pre-flight, the window convention and the files', () => {
    const view = parseScoreResult({
      variants: 400,
      scored: 386,
      notScored: { refMismatch: 11, unknownChromosome: 3, skipped: 2 },
      rows: 386,
      tasks: ['bound'],
      backend: 'wasm',
      resumedFrom: 0,
      reverseComplement: false,
      forced: false,
      preflight,
      window: {
        length: 51,
        refBaseIndex: 25,
        convention: 'the first REF base sits at…',
        anchor: 'left',
        shifts: 2,
      },
      files: ['scores.tsv', 'scores.vcf'],
    });
    expect(view).toMatchObject({
      variants: 400,
      scored: 386,
      notScored: { refMismatch: 11, unknownChromosome: 3, skipped: 2 },
      tasks: ['bound'],
      window: { length: 51, refBaseIndex: 25, anchor: 'left', shifts: 2 },
      files: ['scores.tsv', 'scores.vcf'],
    });
    expect(view!.preflight).toEqual({
      ...preflight,
      refMismatches: { count: 11, first: [{ ...preflight.refMismatches.first[0] }] },
    });
    expect(indelCount(view!.preflight!)).toBe(21);
  });

  it('reads the pre-flight alone (the result of a refused job)', () => {
    const view = parseScoreResult({ preflight });
    expect(view).toMatchObject({ variants: null, notScored: null, files: [], window: null });
    expect(view!.preflight!.missingChromosomes).toEqual({ names: ['chrUn'], records: 3 });
  });

  it('is null without counts or a pre-flight', () => {
    expect(parseScoreResult({ datasetId: 'd' })).toBeNull();
    expect(parseScoreResult(null)).toBeNull();
  });
});

describe('parseCvResult', () => {
  it('reads the folds, every metric, mean and sd, and folds left out of a mean', () => {
    const view = parseCvResult({
      backend: 'wasm',
      architecture: 'deepbind',
      task: 'binary',
      seed: 42,
      epochs: 8,
      folds: [
        { fold: 1, train: 80, test: 20, epochs: 8, metrics: { test_auroc: 0.9, test_loss: 0.3 } },
        { fold: 2, train: 80, test: 20, epochs: 5, metrics: { test_auroc: null, test_loss: 0.5 } },
      ],
      mean: { test_auroc: 0.9, test_loss: 0.4 },
      sd: { test_auroc: null, test_loss: 0.1414 },
      undefinedFolds: { test_auroc: 1, test_loss: 0 },
    });
    expect(view).toMatchObject({
      architecture: 'deepbind',
      metricNames: ['test_auroc', 'test_loss'],
      mean: { test_auroc: 0.9, test_loss: 0.4 },
      sd: { test_auroc: null, test_loss: 0.1414 },
      undefinedFolds: { test_auroc: 1 },
    });
    expect(view!.folds[1]).toEqual({
      fold: 2,
      train: 80,
      test: 20,
      epochs: 5,
      metrics: { test_auroc: null, test_loss: 0.5 },
    });
  });
  it('reads the baseline fitted on the same folds, and says what it is', () => {
    const view = parseCvResult({
      folds: [{ fold: 1, train: 80, test: 20, metrics: { test_auroc: 0.9 } }],
      mean: { test_auroc: 0.9 },
      sd: { test_auroc: 0 },
      baseline: {
        method: 'logistic-regression',
        features: 'one-hot',
        penalty: 'l2',
        C: 1,
        folds: [{ fold: 1, metrics: { test_auroc: 0.85 } }],
        mean: { test_auroc: 0.85 },
        sd: { test_auroc: 0 },
      },
    });
    expect(view!.baseline).toMatchObject({
      description: 'logistic regression (one-hot, L2, C = 1)',
      mean: { test_auroc: 0.85 },
      metricNames: ['test_auroc'],
    });
    expect(parseCvResult({ folds: [{ fold: 1, metrics: {} }] })!.baseline).toBeNull();
    expect(view!.pwmScan).toBeNull();
  });
  it('reads the scan of a named motif beside the LR baseline', () => {
    const view = parseCvResult({
      folds: [{ fold: 1, train: 80, test: 20, metrics: { test_auroc: 0.9 } }],
      mean: { test_auroc: 0.9 },
      sd: { test_auroc: 0 },
      baseline: {
        method: 'logistic-regression',
        folds: [{ fold: 1, metrics: { test_auroc: 0.85 } }],
        mean: { test_auroc: 0.85 },
        sd: { test_auroc: 0 },
        pwmScan: {
          method: 'pwm-scan',
          motif: { id: 'MA0035.5', name: 'GATA1', width: 7 },
          folds: [{ fold: 1, metrics: { test_auroc: 0.92, test_auprc: 0.9 } }],
          mean: { test_auroc: 0.92, test_auprc: 0.9 },
          sd: { test_auroc: 0, test_auprc: 0 },
        },
      },
    });
    expect(view!.pwmScan).toMatchObject({
      description: 'scan of motif MA0035.5 GATA1 (best log-odds on either strand)',
      mean: { test_auroc: 0.92, test_auprc: 0.9 },
    });
  });
  it('is null without folds', () => {
    expect(parseCvResult({ mean: {} })).toBeNull();
  });
});

describe('parseRiskResult', () => {
  const result = {
    positiveLabel: 'case',
    negativeLabel: 'control',
    cohort: { samples: 200, positives: 90, negatives: 110 },
    folds: [{ fold: 1, train: 160, test: 40, metrics: { auroc: 0.8 } }],
    mean: { auroc: 0.8 },
    sd: { auroc: 0.05 },
    pooled: { auroc: 0.79 },
    features: [
      {
        rank: 1,
        feature: 'GENE7',
        modality: 'variant-burden',
        meanAbsAttribution: 0.04,
        direction: 1,
      },
      {
        rank: 2,
        feature: 'GENE2',
        modality: 'expression',
        meanAbsAttribution: 0.03,
        direction: -1,
      },
    ],
    samples: [
      { id: 's1', label: 'control', risk: 0.2, fold: 1, topFeatures: [] },
      {
        id: 's2',
        label: 'case',
        risk: 0.9,
        fold: 1,
        topFeatures: [{ feature: 'GENE7', modality: 'variant-burden', attribution: 0.3 }],
      },
      { id: 's0', label: 'case', risk: 0.9, fold: 2, topFeatures: [] },
    ],
  };
  it('reads folds, ranked features with direction, samples and the cohort', () => {
    const view = parseRiskResult(result)!;
    expect(view.features).toEqual([
      { rank: 1, gene: 'GENE7', modality: 'variant-burden', direction: 1, importance: 0.04 },
      { rank: 2, gene: 'GENE2', modality: 'expression', direction: -1, importance: 0.03 },
    ]);
    expect(view.sampleCount).toBe(200);
    expect(view).toMatchObject({ positiveLabel: 'case', negativeLabel: 'control' });
    expect(view.samples[1].topFeatures).toEqual([
      { gene: 'GENE7', modality: 'variant-burden', attribution: 0.3 },
    ]);
    expect(highestRisk(view.samples, 2).map((s) => s.id)).toEqual(['s0', 's2']);
  });
  it('takes topFeatures with gene names and word directions too', () => {
    const view = parseRiskResult({
      topFeatures: [{ gene: 'TP53', modality: 'expression', importance: 0.2, direction: 'down' }],
    })!;
    expect(view.features).toEqual([
      { rank: 1, gene: 'TP53', modality: 'expression', direction: -1, importance: 0.2 },
    ]);
    expect(view.folds).toEqual([]);
  });
  it('is null with neither folds nor features', () => {
    expect(parseRiskResult({ samples: [] })).toBeNull();
  });
});

describe('parseSweepResult', () => {
  it('reads trials with run ids, and finds the best by number or by run id', () => {
    const trials = [
      { trial: 1, runId: 'r1', params: { learningRate: 0.01 }, status: 'completed', value: 0.8 },
      {
        trial: 2,
        runId: 'r2',
        params: { learningRate: 1e-7, 'config.filters': 8 },
        status: 'pruned',
        value: 0.5,
        prunedAfterEpoch: 2,
      },
      { trial: 3, runId: 'r3', params: {}, status: 'failed', value: null, error: 'out of memory' },
    ];
    const view = parseSweepResult({
      metric: 'val_auroc',
      direction: 'maximize',
      trials,
      best: { trial: 1 },
    })!;
    expect(view).toMatchObject({ metric: 'val_auroc', best: 1 });
    expect(view.trials[1]).toMatchObject({
      trial: 2,
      runId: 'r2',
      status: 'pruned',
      value: 0.5,
      prunedAfterEpoch: 2,
    });
    expect(view.trials[2]).toMatchObject({ status: 'failed', value: null, error: 'out of memory' });
    expect(paramNames(view.trials)).toEqual(['learningRate', 'config.filters']);
    expect(parseSweepResult({ trials, best: 'r2' })!.best).toBe(2);
    expect(parseSweepResult({ trials, best: null })!.best).toBeNull();
  });
  it('is null without trials', () => {
    expect(parseSweepResult({ trials: [] })).toBeNull();
  });
});
