import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCohort } from '@strand/genomics';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface UserErrorView {
  field: string | null;
  code: string;
  message: string;
}
interface JobPayloadView {
  job: { id: string; kind: string; status: string } | null;
  userErrors: UserErrorView[];
}
interface JobView {
  id: string;
  kind: string;
  status: string;
  error: string | null;
  result: string | null;
  lineage: string;
  progress: { done: number; total: number | null; unit: string; message: string | null };
  dataset: { id: string } | null;
  runs: {
    id: string;
    status: string;
    groupLabel: string | null;
    learningRate: number;
    tags: string[];
    parentJob: { id: string } | null;
  }[];
}

const PAYLOAD = 'job { id kind status } userErrors { field code message }';
const JOB = /* GraphQL */ `
  query ($id: ID!) {
    job(id: $id) {
      id
      kind
      status
      error
      result
      lineage
      progress {
        done
        total
        unit
        message
      }
      dataset {
        id
      }
      runs {
        id
        status
        groupLabel
        learningRate
        tags
        parentJob {
          id
        }
      }
    }
  }
`;

let server: TestServer;
let importDir: string;
let sequencesId: string;

/** Calls a job-starting mutation with `input`; returns its payload. */
async function start(
  mutation: string,
  inputType: string,
  input: Record<string, unknown>,
  token?: string,
): Promise<JobPayloadView> {
  const res = await server.request<Record<string, JobPayloadView>>(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${PAYLOAD} } }`,
    { input },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data![mutation];
}

/** Follows a job to its end through jobProgress, then reads it. */
async function finished(jobId: string): Promise<JobView> {
  const events = await server.subscribe<{ jobProgress: { done: boolean; status: string } }>(
    `subscription ($id: ID!) { jobProgress(jobId: $id) { status done progress { done total message } } }`,
    { id: jobId },
    (e) => e.jobProgress.done,
  );
  const res = await server.request<{ job: JobView }>(JOB, { id: jobId });
  expect(res.data!.job.status).toBe(events.at(-1)!.jobProgress.status);
  return res.data!.job;
}

/** A READY dataset imported from the import directory through the API. */
async function imported(input: Record<string, unknown>): Promise<string> {
  const payload = await start('importDataset', 'ImportDatasetInput', input);
  expect(payload.userErrors).toEqual([]);
  const job = await finished(payload.job!.id);
  expect(job.error).toBeNull();
  return (JSON.parse(job.result!) as { datasetId: string }).datasetId;
}

const jobCount = async (kind: string) =>
  (
    await server.request<{ jobs: { totalCount: number } }>(
      `query ($kind: JobKind) { jobs(kind: $kind, first: 1) { totalCount } }`,
      { kind },
    )
  ).data!.jobs.totalCount;

beforeAll(async () => {
  importDir = await mkdtemp(join(tmpdir(), 'strand-engine-jobs-'));
  process.env.STRAND_IMPORT_DIR = importDir;
  server = await startTestServer();
  sequencesId = await server.demoDataset({
    name: 'planted',
    sequences: 240,
    length: 40,
    motifs: ['GATA1'],
    seed: 2,
  });
});
afterAll(async () => {
  delete process.env.STRAND_IMPORT_DIR;
  await server?.stop();
  await rm(importDir, { recursive: true, force: true });
});

const DEEPBIND = '{"filters": 8, "kernelSize": 8, "hiddenUnits": 8, "dropout": 0}';

describe('startCrossValidation', () => {
  it('cross-validates as a job: k folds with their test checksums, mean and sd, baselines beside', async () => {
    const payload = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      config: DEEPBIND,
      folds: 3,
      epochs: 8,
      batchSize: 16,
      learningRate: 0.02,
      seed: 1,
      baselineMotif: 'MA0035',
      reverseComplement: true,
      rcAverage: true,
      classWeights: 'auto',
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.job).toMatchObject({ kind: 'CROSS_VALIDATION', status: 'QUEUED' });
    const job = await finished(payload.job!.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null, dataset: { id: sequencesId } });
    expect(job.progress).toMatchObject({ done: 24, total: 24, unit: 'epochs' });
    expect(job.progress.message).toMatch(/^fold 3\/3 done after [1-8] epochs$/);
    const result = JSON.parse(job.result!) as {
      training: unknown;
      split: unknown;
      folds: {
        fold: number;
        test: number;
        train: number;
        testSha256: string;
        metrics: Record<string, number>;
      }[];
      mean: Record<string, number>;
      sd: Record<string, number>;
      baseline: {
        method: string;
        folds: unknown[];
        mean: Record<string, number>;
        pwmScan: { motif: { id: string }; folds: unknown[]; mean: Record<string, number> };
      };
    };
    expect(result.split).toEqual({ method: 'stratified-k-fold', folds: 3, seed: 1 });
    expect(result.training).toEqual({
      reverseComplement: true,
      rcAverage: true,
      classWeights: 'auto',
    });
    // The LR baseline and the scan of the planted motif, on the same three folds.
    expect(result.baseline).toMatchObject({ method: 'logistic-regression' });
    expect(result.baseline.folds).toHaveLength(3);
    expect(result.baseline.pwmScan.motif.id).toBe('MA0035.5');
    expect(result.baseline.pwmScan.folds).toHaveLength(3);
    expect(result.baseline.pwmScan.mean.test_auroc).toBeGreaterThan(0.8);
    expect(result.folds.map((f) => f.fold)).toEqual([1, 2, 3]);
    expect(result.folds.reduce((n, f) => n + f.test, 0)).toBe(240);
    for (const f of result.folds) {
      expect(f.train + f.test).toBe(240);
      expect(f.testSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(result.folds.map((f) => f.testSha256)).size).toBe(3);
    // mean and sd are those of the folds' metrics.
    const accuracies = result.folds.map((f) => f.metrics.test_accuracy);
    const mean = accuracies.reduce((a, b) => a + b) / 3;
    expect(result.mean.test_accuracy).toBeCloseTo(mean, 12);
    const sd = Math.sqrt(accuracies.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
    expect(result.sd.test_accuracy).toBeCloseTo(sd, 12);
    expect(Object.keys(result.mean)).toEqual(Object.keys(result.sd));
    // A planted motif is learnt: clearly better than chance out of fold.
    expect(result.mean.test_auroc).toBeGreaterThan(0.75);
    expect(JSON.parse(job.lineage)).toMatchObject({
      architecture: 'deepbind',
      split: { method: 'stratified-k-fold', folds: 3, seed: 1 },
      datasetChecksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses an architecture that does not fit the dataset, and queues nothing', async () => {
    const before = await jobCount('CROSS_VALIDATION');
    const payload = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'mlp',
      folds: 3,
    });
    expect(payload.job).toBeNull();
    expect(payload.userErrors).toHaveLength(1);
    expect(payload.userErrors[0]).toMatchObject({
      field: 'architecture',
      code: 'INCOMPATIBLE_ARCHITECTURE',
    });
    expect(payload.userErrors[0].message).toMatch(
      /^architecture "mlp" reads features input .*; dataset "planted" holds one-hot sequences of 40 bp in 2 classes .*; use deepbind/,
    );
    const bad = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      folds: 21,
      config: '[1]',
    });
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([['config', 'INVALID_CONFIG']]);
    const folds = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      folds: 21,
    });
    expect(folds.userErrors).toEqual([
      {
        field: 'folds',
        code: 'OUT_OF_RANGE',
        message: 'folds must be an integer from 2 to 20; got 21',
      },
    ]);
    const options = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      baselineMotif: 'MA9999.1',
      selectFeatures: 10,
    });
    expect(options.userErrors.map((e) => [e.field, e.message])).toEqual([
      ['baselineMotif', expect.stringMatching(/^Strand's bundled motifs has no motif "MA9999.1"/)],
      [
        'selectFeatures',
        'selectFeatures applies to expression datasets; dataset "planted" holds sequences',
      ],
    ]);
    const choices = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      classWeights: 'positive=2,tumour=1',
      lrSchedule: 'cosine',
      plateauPatience: 2,
      weightDecay: 3,
    });
    expect(choices.userErrors.map((e) => [e.field, e.message])).toEqual([
      ['plateauPatience', 'plateauPatience needs lrSchedule plateau'],
      ['weightDecay', 'weightDecay must be in [0, 1]; got 3'],
    ]);
    const unknownClass = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      classWeights: 'tumour=2',
    });
    expect(unknownClass.userErrors).toEqual([
      {
        field: 'classWeights',
        code: 'INVALID_VALUE',
        message: 'classWeights names "tumour", not a class of dataset "planted" (0, 1)',
      },
    ]);
    const encoding = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      kmer: 3,
      normalize: 'quantile',
    });
    expect(encoding.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['normalize', 'INVALID_VALUE'],
      ['architecture', 'INCOMPATIBLE_ARCHITECTURE'],
    ]);
    expect(await jobCount('CROSS_VALIDATION')).toBe(before);
  });
  it('runs nested CV (innerFolds): the choice per outer fold beside the baseline; refuses what it would override', async () => {
    const refused = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      innerFolds: 2,
      weightDecay: 0.01,
    });
    expect(refused.userErrors).toEqual([
      {
        field: 'innerFolds',
        code: 'INVALID_VALUE',
        message:
          "innerFolds chooses weightDecay (nested CV's configurations): leave weightDecay out",
      },
    ]);
    const range = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      innerFolds: 11,
    });
    expect(range.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['innerFolds', 'OUT_OF_RANGE'],
    ]);
    const payload = await start('startCrossValidation', 'CrossValidationInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      config: '{"filters":4,"kernelSize":6,"hiddenUnits":4}',
      folds: 2,
      innerFolds: 2,
      epochs: 1,
      seed: 1,
    });
    expect(payload.userErrors).toEqual([]);
    const job = await finished(payload.job!.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    const result = JSON.parse(job.result!) as {
      folds: unknown[];
      baseline: { folds: unknown[] };
      nested: {
        innerFolds: number;
        metric: string;
        candidates: { name: string }[];
        folds: { fold: number; chosen: string; inner: { name: string; score: number }[] }[];
      };
    };
    expect(result.folds).toHaveLength(2);
    expect(result.baseline.folds).toHaveLength(2);
    expect(result.nested).toMatchObject({ innerFolds: 2, metric: 'test_auroc' });
    expect(result.nested.candidates.map((c) => c.name)).toEqual([
      'learningRate=0.003, weightDecay=0',
      'learningRate=0.003, weightDecay=0.001',
      'learningRate=0.001, weightDecay=0',
      'learningRate=0.001, weightDecay=0.001',
    ]);
    expect(result.nested.folds.map((f) => f.fold)).toEqual([1, 2]);
    for (const f of result.nested.folds) {
      expect(result.nested.candidates.map((c) => c.name)).toContain(f.chosen);
      expect(f.inner).toHaveLength(4);
    }
  });
});

describe('startSweep', () => {
  it('runs trials as child runs, prunes the hopeless one and names the best', async () => {
    const payload = await start('startSweep', 'SweepInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      config: DEEPBIND,
      space: JSON.stringify({ learningRate: [0.02, 0.01, 1e-7] }),
      epochs: 12,
      batchSize: 16,
      seed: 3,
      earlyStop: { afterEpochs: 2, minCompleted: 2 },
    });
    expect(payload.userErrors).toEqual([]);
    const job = await finished(payload.job!.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.progress).toMatchObject({ done: 3, total: 3, unit: 'trials' });
    const result = JSON.parse(job.result!) as {
      metric: string;
      trials: { trial: number; runId: string; status: string; value: number }[];
      best: { trial: number; runId: string; value: number };
    };
    expect(result.metric).toBe('val_auroc');
    expect(result.trials.map((t) => t.status)).toEqual(['completed', 'completed', 'pruned']);
    const completed = result.trials.filter((t) => t.status === 'completed');
    const best = completed.reduce((b, t) => (t.value > b.value ? t : b));
    expect(result.best).toMatchObject({ trial: best.trial, runId: best.runId, value: best.value });

    // Job.runs lists the trials: ordinary runs whose parent job is the sweep.
    expect(job.runs.map((r) => [r.groupLabel, r.learningRate, r.parentJob?.id])).toEqual([
      ['trial 1', 0.02, job.id],
      ['trial 2', 0.01, job.id],
      ['trial 3 (pruned)', 1e-7, job.id],
    ]);
    expect(job.runs.map((r) => r.id)).toEqual(result.trials.map((t) => t.runId));
    expect(job.runs[2].tags).toEqual(['pruned']);
    // …and the runs query shows them like any run, the pruned one by its tag.
    const runs = await server.request<{ runs: { edges: { node: { id: string } }[] } }>(
      `{ runs(first: 100, filter: { tag: "pruned" }) { edges { node { id } } } }`,
    );
    expect(runs.data!.runs.edges.map((e) => e.node.id)).toEqual([job.runs[2].id]);
    const all = await server.request<{ runs: { edges: { node: { id: string } }[] } }>(
      `{ runs(first: 100, filter: { datasetId: "${sequencesId}" }) { edges { node { id } } } }`,
    );
    const listed = all.data!.runs.edges.map((e) => e.node.id);
    for (const run of job.runs) expect(listed).toContain(run.id);
  });

  it('refuses a bad space before queueing anything', async () => {
    const before = await jobCount('SWEEP');
    const notJson = await start('startSweep', 'SweepInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      space: 'learningRate=0.1',
    });
    expect(notJson.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['space', 'INVALID_OPTIONS'],
    ]);
    const range = await start('startSweep', 'SweepInput', {
      datasetId: sequencesId,
      architecture: 'deepbind',
      space: JSON.stringify({ learningRate: { min: 0.001, max: 0.1, log: true } }),
    });
    expect(range.userErrors).toEqual([
      {
        field: 'space.learningRate',
        code: 'INVALID_OPTIONS',
        message:
          'space.learningRate: grid search needs a list of values, not a range (or use method "random")',
      },
    ]);
    expect(await jobCount('SWEEP')).toBe(before);
  });
});

describe('predictRisk', () => {
  const cohort = simulateCohort({ samples: 40, genes: 100, riskGenes: 3, seed: 5 });
  let expressionId: string;
  let variantsId: string;
  let bedSha256: string;

  beforeAll(async () => {
    await writeFile(join(importDir, 'cohort.vcf'), cohort.vcf);
    await writeFile(join(importDir, 'genes.bed'), cohort.bed);
    await writeFile(join(importDir, 'expression.tsv'), cohort.expression);
    await writeFile(join(importDir, 'samples.tsv'), cohort.sampleTable);
    bedSha256 = createHash('sha256').update(cohort.bed).digest('hex');
    expressionId = await imported({
      kind: 'expression',
      path: 'expression.tsv',
      labelsPath: 'samples.tsv',
      labelColumn: 'status',
      name: 'cohort expression',
    });
    variantsId = await imported({ kind: 'variants', path: 'cohort.vcf', name: 'cohort calls' });
  });

  it('predicts risk on a simulated cohort: folds, mean and sd, ranked features, per-sample risks', async () => {
    const payload = await start('predictRisk', 'PredictRiskInput', {
      expressionDatasetId: expressionId,
      variantsDatasetId: variantsId,
      genes: 'genes.bed',
      folds: 3,
      epochs: 5,
      seed: 1,
      top: 10,
    });
    expect(payload.userErrors).toEqual([]);
    const job = await finished(payload.job!.id);
    expect(job.error).toBeNull();
    expect(job.status).toBe('SUCCEEDED');
    const result = JSON.parse(job.result!) as {
      positiveLabel: string;
      cohort: { samples: number; expressionFeatures: number; burdenFeatures: number };
      folds: { fold: number; metrics: Record<string, number> }[];
      mean: Record<string, number>;
      sd: Record<string, number>;
      featureCount: number;
      topFeatures: {
        rank: number;
        feature: string;
        modality: string;
        meanAbsAttribution: number;
        direction: number;
      }[];
      sampleCount: number;
      samplesTruncated: boolean;
      samples: { id: string; label: string; risk: number; fold: number; topFeatures: unknown[] }[];
      heatmap: {
        genes: string[];
        samples: string[];
        risks: number[];
        z: number[][];
        sampleCount: number;
      };
    };
    expect(result.positiveLabel).toBe('case');
    expect(result.cohort).toMatchObject({
      samples: 40,
      expressionFeatures: 100,
      burdenFeatures: 100,
    });
    expect(result.folds.map((f) => f.fold)).toEqual([1, 2, 3]);
    expect(Object.keys(result.mean)).toContain('auroc');
    expect(Object.keys(result.sd)).toEqual(Object.keys(result.mean));
    expect(result.featureCount).toBe(200);
    expect(result.topFeatures.map((f) => f.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const strengths = result.topFeatures.map((f) => f.meanAbsAttribution);
    expect([...strengths].sort((a, b) => b - a)).toEqual(strengths);
    for (const f of result.topFeatures) {
      expect(cohort.genes).toContain(f.feature);
      expect(['expression', 'variant-burden']).toContain(f.modality);
      expect([-1, 0, 1]).toContain(f.direction);
    }
    expect(result).toMatchObject({ sampleCount: 40, samplesTruncated: false });
    expect(result.samples.map((s) => s.id).sort()).toEqual([...cohort.samples].sort());
    for (const s of result.samples) {
      expect(s.risk).toBeGreaterThanOrEqual(0);
      expect(s.risk).toBeLessThanOrEqual(1);
      expect(s.topFeatures).toHaveLength(5);
    }
    // The heatmap: the top expression features (in rank order) × every sample, lowest risk first.
    const expressionTop = result.topFeatures.filter((f) => f.modality === 'expression');
    expect(result.heatmap.genes.slice(0, expressionTop.length)).toEqual(
      expressionTop.map((f) => f.feature),
    );
    expect(result.heatmap.sampleCount).toBe(40);
    expect(result.heatmap.samples).toHaveLength(40);
    expect([...result.heatmap.risks].sort((a, b) => a - b)).toEqual(result.heatmap.risks);
    for (const row of result.heatmap.z) {
      expect(row).toHaveLength(40);
      for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(4);
    }
    const lineage = JSON.parse(job.lineage) as Record<string, Record<string, unknown>>;
    expect(lineage.expression).toMatchObject({ datasetId: expressionId });
    expect(lineage.variants).toMatchObject({ datasetId: variantsId });
    expect(lineage.expression.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.variants.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.genes).toMatchObject({ name: 'genes.bed', sha256: bedSha256 });
  });

  it('refuses wrong datasets, a label column not imported and a BED outside the import directory', async () => {
    const before = await jobCount('PREDICT_RISK');
    const swapped = await start('predictRisk', 'PredictRiskInput', {
      expressionDatasetId: variantsId,
      variantsDatasetId: expressionId,
      genes: 'genes.bed',
      labelColumn: 'sex',
    });
    expect(swapped.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['expressionDatasetId', 'WRONG_DATASET_KIND'],
      ['variantsDatasetId', 'WRONG_DATASET_KIND'],
    ]);
    const column = await start('predictRisk', 'PredictRiskInput', {
      expressionDatasetId: expressionId,
      variantsDatasetId: variantsId,
      genes: 'genes.bed',
      labelColumn: 'sex',
      positiveLabel: 'case',
    });
    expect(column.userErrors).toEqual([
      {
        field: 'labelColumn',
        code: 'UNKNOWN_COLUMN',
        message:
          'dataset "cohort expression" holds the labels of column "status" only; import it again with labelColumn "sex" to use that column',
      },
    ]);
    const outside = await start('predictRisk', 'PredictRiskInput', {
      expressionDatasetId: expressionId,
      variantsDatasetId: variantsId,
      genes: '/etc/hostname',
    });
    expect(outside.userErrors.map((e) => [e.field, e.code])).toEqual([['genes', 'FILE_NOT_FOUND']]);
    await writeFile(join(importDir, 'bad.bed'), 'chr1\t100\t50\tGENE1\n');
    const malformed = await start('predictRisk', 'PredictRiskInput', {
      expressionDatasetId: expressionId,
      variantsDatasetId: variantsId,
      genes: 'bad.bed',
    });
    expect(malformed.userErrors).toHaveLength(1);
    expect(malformed.userErrors[0]).toMatchObject({ field: 'genes', code: 'FORMAT_ERROR' });
    expect(malformed.userErrors[0].message).toMatch(/^bad\.bed:1: /);
    expect(await jobCount('PREDICT_RISK')).toBe(before);
  });

  it("keeps other projects' members out: they cannot start jobs on these datasets or read the jobs", async () => {
    const other = await server.createProject('engine-elsewhere');
    const outsider = await server.createUser('engine-outsider', { [other]: 'editor' });
    const notFound = (payload: JobPayloadView) => {
      expect(payload.job).toBeNull();
      expect(payload.userErrors.map((e) => e.code)).toEqual(expect.arrayContaining(['NOT_FOUND']));
      expect(payload.userErrors.every((e) => e.code === 'NOT_FOUND')).toBe(true);
    };
    // In their own project: the datasets are not found there.
    notFound(
      await start(
        'startCrossValidation',
        'CrossValidationInput',
        { datasetId: sequencesId, architecture: 'deepbind' },
        outsider.token,
      ),
    );
    notFound(
      await start(
        'startSweep',
        'SweepInput',
        { datasetId: sequencesId, architecture: 'deepbind', space: '{"learningRate": [0.01]}' },
        outsider.token,
      ),
    );
    notFound(
      await start(
        'predictRisk',
        'PredictRiskInput',
        { expressionDatasetId: expressionId, variantsDatasetId: variantsId, genes: 'genes.bed' },
        outsider.token,
      ),
    );
    // Aiming at the datasets' project: not found either.
    notFound(
      await start(
        'startCrossValidation',
        'CrossValidationInput',
        { projectId: server.defaultProjectId, datasetId: sequencesId, architecture: 'deepbind' },
        outsider.token,
      ),
    );
    // The jobs and the sweep's trial runs stay invisible.
    const mine = await server.request<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 100) { edges { node { id } } } }`,
    );
    const ids = mine.data!.jobs.edges.map((e) => e.node.id);
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      const read = await server.request<{ job: unknown; node: unknown }>(
        `query ($id: ID!) { job(id: $id) { id } node(id: $id) { id } }`,
        { id },
        outsider.token,
      );
      expect(read.data).toEqual({ job: null, node: null });
    }
    const lists = await server.request<{
      jobs: { totalCount: number };
      runs: { totalCount: number };
    }>(`{ jobs(first: 10) { totalCount } runs(first: 10) { totalCount } }`, {}, outsider.token);
    expect(lists.data).toEqual({ jobs: { totalCount: 0 }, runs: { totalCount: 0 } });
  });

  it('needs the editor role', async () => {
    const viewer = await server.createUser('engine-viewer', {
      [server.defaultProjectId]: 'viewer',
    });
    const payload = await start(
      'startCrossValidation',
      'CrossValidationInput',
      { datasetId: sequencesId, architecture: 'deepbind' },
      viewer.token,
    );
    expect(payload.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    const risk = await start(
      'predictRisk',
      'PredictRiskInput',
      { expressionDatasetId: expressionId, variantsDatasetId: variantsId, genes: 'genes.bed' },
      viewer.token,
    );
    expect(risk.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });
});
