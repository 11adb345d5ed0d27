import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { epochHistory, ModelArtifact, Run } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { initBackend, loadModel } from '@strand/models';
import { importDataset } from '../datasets/import-dataset.ts';
import type { ImportDatasetInput } from '../datasets/import-dataset.ts';
import { createEventBus } from '../events/event-bus.ts';
import type { RunStatusEvent } from '../events/event-bus.ts';
import { EXTRA_SCALING_FILE } from '../learning/feature-scaling.ts';
import {
  CPG_COLUMNS,
  cpgMotifTable,
  profileTable,
  twoMotifTable,
} from '../learning/synthetic-tables.testing.ts';
import { Jobs } from '../strand-jobs.ts';

let dir: string;
let db: StrandDatabase;
let cleanup: () => Promise<void>;
let jobs: Jobs;
let projectId: string;
const bus = createEventBus();

beforeAll(async () => {
  await initBackend();
  dir = await mkdtemp(join(tmpdir(), 'strand-train-tables-'));
  await writeFile(join(dir, 'cpg.tsv'), cpgMotifTable(1500, 40, 1));
  await writeFile(join(dir, 'profiles.tsv'), profileTable(800, 100, 1));
  await writeFile(join(dir, 'two.tsv'), twoMotifTable(1000, 40, 1));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  jobs = new Jobs(db, bus);
  const em = db.fork();
  projectId = await saveTestProject(em);
});
afterEach(async () => {
  await jobs.close();
  await cleanup();
});

async function imported(input: Partial<ImportDatasetInput>) {
  const outcome = await importDataset(db.fork(), db.artifacts, {
    projectId,
    kind: 'sequence-classification',
    path: '',
    ...input,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

/** Starts a run and waits for its final status; returns the run as stored. */
async function trained(input: {
  datasetId: string;
  architecture: string;
  epochs: number;
  learningRate?: number;
  config?: Record<string, unknown>;
}) {
  let id = '';
  const done = (async () => {
    for await (const event of bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
      if (event.runId === id && !['QUEUED', 'RUNNING'].includes(event.status)) return event;
    }
    throw new Error('event stream ended');
  })();
  const started = await jobs.startTraining(db.fork(), {
    projectId,
    batchSize: 32,
    seed: 3,
    ...input,
  });
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  id = started.value.id;
  expect((await done).status).toBe('SUCCEEDED');
  const em = db.fork();
  const run = await em.findOneOrFail(Run, { id });
  const artifact = await em.findOneOrFail(ModelArtifact, { run: id });
  return { run, history: await epochHistory(em, id), path: db.artifacts.resolve(artifact.path) };
}

describe('training on imported sequence tables', () => {
  it('trains DeepCpG on a dataset whose table keeps its CpG feature columns', async () => {
    const dataset = await imported({ path: join(dir, 'cpg.tsv'), featureColumns: ['cpg_'] });
    expect(dataset.summary).toMatchObject({
      columns: { labels: ['label'], features: CPG_COLUMNS, profile: null },
    });
    const { run, history, path } = await trained({
      datasetId: dataset.id,
      architecture: 'deepcpg',
      epochs: 8,
      learningRate: 0.003,
    });
    expect(run.config).toMatchObject({ cpgFeatures: 20, tasks: 1 });
    expect(run.split).toMatchObject({ method: 'stored', train: 1200, validation: 300 });
    expect(history).toHaveLength(8);
    // Motif AND methylated neighbourhood: above what either input alone reaches (≈ 0.83).
    console.info(`deepcpg via startTraining: val_auroc ${run.finalMetrics!.val_auroc?.toFixed(3)}`);
    expect(run.finalMetrics!.val_auroc).toBeGreaterThan(0.88);
    const { model, metadata } = await loadModel(path);
    expect(model.inputs.map((i) => i.shape)).toEqual([
      [null, 40, 4],
      [null, 20],
    ]);
    expect(metadata).toMatchObject({ labelNames: ['0', '1'], dataChecksum: dataset.checksum });
    model.dispose();
    const scaling = JSON.parse(await readFile(join(path, EXTRA_SCALING_FILE), 'utf8'));
    expect(scaling.features).toEqual(CPG_COLUMNS);
  });

  it('trains BPNet on a sequence-regression dataset of count profiles', async () => {
    const dataset = await imported({
      kind: 'sequence-regression',
      path: join(dir, 'profiles.tsv'),
    });
    expect(dataset).toMatchObject({
      kind: 'sequence-regression',
      recordCount: 800,
      labelCounts: {},
    });
    expect(dataset.summary).toMatchObject({
      labelNames: [],
      columns: { labels: [], features: [], profile: { column: 'counts', tracks: 1 } },
    });
    const { run, path } = await trained({
      datasetId: dataset.id,
      architecture: 'bpnet',
      epochs: 5,
      learningRate: 0.004,
    });
    expect(run.config).toMatchObject({ tasks: 1, heads: 'profile+counts' });
    const m = run.finalMetrics!;
    console.info(
      `bpnet via startTraining: counts r ${m.val_counts_pearson?.toFixed(3)}, profile r ${m.val_profile_pearson?.toFixed(3)}, profile rho ${m.val_profile_spearman?.toFixed(3)}`,
    );
    expect(run.finalMetrics!.val_counts_pearson).toBeGreaterThan(0.5);
    expect(run.finalMetrics!.val_profile_pearson).toBeGreaterThan(0.2);
    const { model, metadata } = await loadModel(path);
    expect(model.outputs.map((o) => o.shape)).toEqual([
      [null, 100, 1],
      [null, 1],
    ]);
    expect(metadata.labelNames).toEqual(['counts']);
    model.dispose();
    expect(existsSync(join(path, EXTRA_SCALING_FILE))).toBe(false);
  });

  it('trains a multitask DeepSEA on two label columns, and says what each architecture needs', async () => {
    const two = await imported({ path: join(dir, 'two.tsv') });
    const { run } = await trained({
      datasetId: two.id,
      architecture: 'deepsea',
      epochs: 12,
      learningRate: 0.003,
      config: {
        filters: [32, 32, 32],
        kernelSize: 6,
        poolSize: 2,
        hiddenUnits: 32,
        dropout: 0.1,
        finalDropout: 0.1,
      },
    });
    expect(run.config).toMatchObject({ tasks: 2 });
    console.info(
      `multitask deepsea via startTraining: val_auroc_t1 ${run.finalMetrics!.val_auroc_t1?.toFixed(3)}, t2 ${run.finalMetrics!.val_auroc_t2?.toFixed(3)}`,
    );
    expect(run.finalMetrics!.val_auroc_t1).toBeGreaterThan(0.8);
    expect(run.finalMetrics!.val_auroc_t2).toBeGreaterThan(0.8);

    const cpg = await imported({ path: join(dir, 'cpg.tsv'), featureColumns: ['cpg_'] });
    const profiles = await imported({
      kind: 'sequence-regression',
      path: join(dir, 'profiles.tsv'),
    });
    const refused = async (datasetId: string, architecture: string) => {
      const outcome = await jobs.startTraining(db.fork(), {
        projectId,
        datasetId,
        architecture,
        epochs: 1,
      });
      return outcome.ok ? [] : outcome.errors.map((e) => e.message);
    };
    expect(await refused(cpg.id, 'deepbind')).toEqual([
      'architecture "deepbind" reads no second input, but dataset "cpg.tsv" has 20 feature columns (cpg_1, …, cpg_20) for one; leave them out to train deepbind; use deepcpg',
    ]);
    expect(await refused(profiles.id, 'deepsea')).toEqual([
      'architecture "deepsea" trains a classifier on a label column; dataset "profiles.tsv" holds one-hot sequences of 100 bp with a count profile of 1 track and no labels (sequence-regression data); use bpnet',
    ]);
    expect(await refused(two.id, 'deepcpg')).toEqual([
      'architecture "deepcpg" reads sequence+cpg input (one-hot DNA plus numeric feature columns of the sequence table as a second input, such as neighbouring CpG states (featureColumns, --feature-columns)); dataset "two.tsv" has no feature columns: dataset "two.tsv" holds one-hot sequences of 80 bp with 2 label columns (0/1) (sequence-classification data); use deepbind, danq, lstm, basset',
    ]);
    expect(await refused(two.id, 'bpnet')).toEqual([
      'architecture "bpnet" trains profile + counts heads on per-position read counts, a count column (counts: one count per position, comma-separated; tracks separated by ";"); dataset "two.tsv" holds one-hot sequences of 80 bp with 2 label columns (0/1); use deepbind, danq, lstm, basset',
    ]);
  });
});
