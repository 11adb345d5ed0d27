import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset, Job, ModelArtifact, Project, Run, VariantScore } from '@strand/data';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { sharedDataPath } from '@strand/genomics/testing';
import { importDataset } from '../datasets/import-dataset.ts';
import { createEventBus } from '../events/event-bus.ts';
import type { JobProgressEvent } from '../events/event-bus.ts';
import { scoreVcf } from '../scoring/score-vcf.ts';
import { formatScore } from '../scoring/score-rows.ts';
import { saveTinyModel, writeTestVcf } from '../scoring/testing/scoring-fixtures.ts';
import { Jobs } from '../strand-jobs.ts';

const SHARED_REFERENCE = sharedDataPath('reference', 'hg19_chr17_part.fa');
const HAS_REFERENCE = existsSync(SHARED_REFERENCE);
const WIDTH = 51;
const COUNT = 4000;

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let dir: string;
let reference: string;
let vcf: string;
let alleles: number;
let projectId: string;
let datasetId: string;
let runId: string;
let sequenceDatasetId: string;
let jobs: Jobs;
const bus = createEventBus();

type SeededModel = 'tiny-deepbind' | 'none' | 'features-model';

/**
 * A run as training leaves it: SUCCEEDED with the tiny DeepBind saved (`tiny-deepbind`), with no
 * stored model (`none`), or with the metadata of a feature (expression) model.
 */
async function seedRunWithModel(
  dataset: Dataset,
  status: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED',
  model: SeededModel = status === 'SUCCEEDED' ? 'tiny-deepbind' : 'none',
) {
  const em = db.fork();
  const run = new Run(dataset.project, dataset, 'deepbind', {}, 5, 2, 64, 0.01);
  run.status = status;
  run.dataChecksum = 'd'.repeat(64);
  em.persist(run);
  const path = `models/${run.id}`;
  if (model === 'tiny-deepbind') await saveTinyModel(db.artifacts.resolve(path), WIDTH);
  if (model === 'features-model') {
    const metadata = { architecture: 'mlp', config: {}, alphabet: 'ACGT', inputLength: 100 };
    await db.artifacts.writeAtomic(`${path}/strand.json`, JSON.stringify(metadata));
  }
  if (model !== 'none') {
    em.persist(new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path)));
  }
  await em.flush();
  return run.id;
}

async function start(params: JsonObject) {
  return jobs.startJob(db.fork(), { projectId, kind: 'SCORE_VARIANTS', params });
}

/** Listens to a job's events from now until its last. */
async function untilDone(jobId: string): Promise<JobProgressEvent> {
  for await (const event of bus.subscribe('JOB_PROGRESS', jobId)) if (event.done) return event;
  throw new Error('no final event');
}

describe.skipIf(!HAS_REFERENCE)('SCORE_VARIANTS job (hg19 chr17 piece)', () => {
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    dir = await mkdtemp(join(tmpdir(), 'strand-score-job-'));
    reference = join(dir, 'chr17.fa');
    await copyFile(SHARED_REFERENCE, reference);
    vcf = join(dir, 'calls.vcf');
    alleles = await writeTestVcf(vcf, reference, { count: COUNT, seed: 1 });
    const em = db.fork();
    projectId = await saveTestProject(em);
    const imported = await importDataset(em, db.artifacts, {
      projectId,
      kind: 'variants',
      path: vcf,
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    datasetId = imported.value.id;
    const sequences = new Dataset(
      em.getReference(Project, projectId),
      'seqs',
      'sequence-classification',
    );
    Object.assign(sequences, { status: 'READY', checksum: 'e'.repeat(64) });
    em.persist(sequences);
    await em.flush();
    sequenceDatasetId = sequences.id;
    runId = await seedRunWithModel(sequences);
    jobs = new Jobs(db, bus);
  }, 60_000);
  afterAll(async () => {
    await jobs?.close();
    await cleanup?.();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses, before queueing, what it cannot score, each with its field and code', async () => {
    const failed = await seedRunWithModel(
      await db.fork().findOneOrFail(Dataset, sequenceDatasetId),
      'FAILED',
    );
    const codes = async (params: JsonObject) => {
      const outcome = await start({ datasetId, reference, runId, ...params });
      return outcome.ok ? [] : outcome.errors.map((e) => [e.field, e.code]);
    };
    expect(await codes({ datasetId: sequenceDatasetId })).toEqual([
      ['datasetId', 'WRONG_DATASET_KIND'],
    ]);
    expect(await codes({ runId: failed })).toEqual([['runId', 'RUN_NOT_SUCCEEDED']]);
    const sequences = await db.fork().findOneOrFail(Dataset, sequenceDatasetId);
    const modelless = await seedRunWithModel(sequences, 'SUCCEEDED', 'none');
    expect(await codes({ runId: modelless })).toEqual([['runId', 'NO_MODEL']]);
    const features = await seedRunWithModel(sequences, 'SUCCEEDED', 'features-model');
    const notSequence = await start({ datasetId, reference, runId: features });
    expect(notSequence.ok ? [] : notSequence.errors).toEqual([
      {
        field: 'runId',
        code: 'NOT_A_SEQUENCE_MODEL',
        message: `the model of run ${features} (mlp) is not a DNA sequence model with one output per sequence; scoring and explanation need one (e.g. deepbind, deepsea, danq, basset)`,
      },
    ]);
    expect(await codes({ runId: crypto.randomUUID() })).toEqual([['runId', 'NOT_FOUND']]);
    expect(await codes({ runId: null })).toEqual([['model', 'MODEL_REQUIRED']]);
    expect(await codes({ modelName: 'x', alias: 'production' })).toEqual([
      ['model', 'AMBIGUOUS_MODEL'],
    ]);
    expect(await codes({ reference: join(dir, 'nope.fa'), chunkSize: 0 })).toEqual([
      ['chunkSize', 'OUT_OF_RANGE'],
      ['reference', 'FILE_NOT_FOUND'],
    ]);
    expect(await codes({ shifts: 11 })).toEqual([['shifts', 'OUT_OF_RANGE']]);
    expect(await codes({ shifts: -1 })).toEqual([['shifts', 'OUT_OF_RANGE']]);
    expect(await db.fork().count(Job, {})).toBe(0);
  });

  it('resumes after a shutdown mid-scoring: same scores as scoreVcf, every row stored once', async () => {
    const outcome = await start({ datasetId, reference, runId, chunkSize: 100 });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const job = outcome.value;
    expect(job.lineage).toMatchObject({
      reference: {
        name: 'chr17.fa',
        bytes: 40_008,
        faiSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      datasetChecksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      modelDataChecksum: 'd'.repeat(64),
      modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Shut down at the first committed chunk, from inside the event's turn: scoring 4,000
    // variants takes well under a second, so any later and the job may already be complete.
    let closing: Promise<void> | undefined;
    for await (const event of bus.subscribe('JOB_PROGRESS', job.id)) {
      if (event.progress.done >= 100) {
        closing = jobs.close();
        break;
      }
    }
    await closing;
    const stopped = await db.fork().findOneOrFail(Job, job.id);
    expect(stopped.status).toBe('QUEUED');
    const committed = JSON.parse(
      await readFile(join(db.artifacts.resolve(job.artifactPath), 'progress.json'), 'utf8'),
    ) as { variants: number; complete: boolean };
    expect(committed.complete).toBe(false);
    expect(committed.variants).toBeGreaterThanOrEqual(100);

    jobs = new Jobs(db, bus);
    const finished = untilDone(job.id);
    await jobs.recover();
    expect(await finished).toMatchObject({ status: 'SUCCEEDED' });
    const done = await db.fork().findOneOrFail(Job, job.id);
    const result = done.result as Record<string, unknown>;
    expect(result).toMatchObject({
      variants: COUNT,
      scored: alleles,
      rows: alleles,
      notScored: { refMismatch: 0, unknownChromosome: 0, skipped: 0 },
      resumedFrom: committed.variants,
      tasks: ['bound'],
      files: ['scores.tsv', 'scores.vcf'],
      window: { length: WIDTH, refBaseIndex: 25 },
      preflight: { records: COUNT, refMismatches: { count: 0 } },
    });

    // The same scores as one uninterrupted scoreVcf run of the same inputs.
    const whole = join(dir, 'whole');
    await scoreVcf({
      vcf: db.artifacts.resolve((await db.fork().findOneOrFail(Dataset, datasetId)).artifactPath!),
      reference,
      modelDir: db.artifacts.resolve(`models/${runId}`),
      outDir: whole,
      chunkSize: 100,
    });
    const workDir = db.artifacts.resolve(job.artifactPath);
    const tsv = await readFile(join(workDir, 'scores.tsv'), 'utf8');
    expect(tsv).toBe(await readFile(join(whole, 'scores.tsv'), 'utf8'));
    expect(existsSync(join(workDir, 'chunks'))).toBe(false);

    // Every line of scores.tsv is one row, in order, once.
    const rows = await db.fork().find(VariantScore, { job: job.id }, { orderBy: { row: 'asc' } });
    const lines = tsv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(lines.length);
    expect(rows.map((r) => r.row)).toEqual(lines.map((_, i) => i));
    // Stored numbers are scores.tsv's 7-significant-digit values (SQLite may return a double
    // one ulp away: formatting to 7 digits gives the file's text back).
    const asLine = (r: VariantScore) =>
      [
        r.chrom,
        r.pos,
        r.variantId ?? '.',
        r.ref,
        r.alt,
        r.task,
        ...[r.refPred, r.altPred, r.diff, r.absDiff, r.logOddsChange].map(formatScore),
      ].join('\t');
    expect(rows.map(asLine)).toEqual(lines);
  });
});
