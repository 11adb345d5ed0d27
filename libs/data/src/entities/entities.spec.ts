import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StrandDatabase } from '../database.ts';
import { createTestDatabase, testProject } from '../testing.ts';
import type { TestDatabase } from '../testing.ts';
import { Dataset } from './dataset.entity.ts';
import { EpochMetric } from './epoch-metric.entity.ts';
import { ModelArtifact } from './model-artifact.entity.ts';
import { Run } from './run.entity.ts';

let testDb: TestDatabase;
let db: StrandDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
});
afterAll(() => testDb.cleanup());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function storedRun(): Promise<{ dataset: Dataset; run: Run }> {
  const em = db.fork();
  const dataset = new Dataset(testProject(), 'motifs', 'sequence-classification');
  const run = new Run(
    dataset.project,
    dataset,
    'deepbind',
    { filters: 16, kernelSize: 12 },
    7,
    5,
    64,
    0.001,
  );
  em.persist(run);
  await em.flush();
  return { dataset, run };
}

describe('Dataset', () => {
  test('a new dataset has an id, timestamps and defaults before any flush', () => {
    const dataset = new Dataset(testProject(), 'demo', 'variants');
    expect(dataset.id).toMatch(UUID);
    expect(dataset.createdAt).toBeInstanceOf(Date);
    expect(dataset).toMatchObject({
      name: 'demo',
      kind: 'variants',
      status: 'IMPORTING',
      recordCount: 0,
      sequenceLength: null,
      labelCounts: {},
      checksum: null,
      genomeBuild: null,
      artifactPath: null,
      summary: null,
      source: {},
    });
  });

  test('round-trips every field, JSON included, and updates updatedAt on change', async () => {
    const em = db.fork();
    const dataset = new Dataset(testProject(), 'chr holdout', 'sequence-classification');
    Object.assign(dataset, {
      status: 'READY',
      recordCount: 2000,
      sequenceLength: 101,
      labelCounts: { '0': 1000, '1': 1000 },
      checksum: 'a'.repeat(64),
      genomeBuild: 'GRCh38',
      artifactPath: `datasets/${dataset.id}/sequences.tsv`,
      summary: { gc: 0.41, lengths: [101] },
      source: { generator: 'planted-motifs', motifs: ['MA0139.1'], seed: 1 },
    });
    em.persist(dataset);
    await em.flush();

    const loaded = await db.fork().findOneOrFail(Dataset, dataset.id);
    expect(loaded).not.toBe(dataset);
    const { project: loadedProject, ...loadedFields } = loaded;
    const { project, ...fields } = dataset;
    expect(loadedFields).toEqual(fields);
    expect(loadedProject.id).toBe(project.id);

    const before = loaded.updatedAt.getTime();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const em2 = db.fork();
    const again = await em2.findOneOrFail(Dataset, dataset.id);
    again.status = 'FAILED';
    await em2.flush();
    const reloaded = await db.fork().findOneOrFail(Dataset, dataset.id);
    expect(reloaded.status).toBe('FAILED');
    expect(reloaded.updatedAt.getTime()).toBeGreaterThan(before);
    expect(reloaded.createdAt.getTime()).toBe(dataset.createdAt.getTime());
  });

  test('can be deleted while no run uses it, and not after', async () => {
    const em = db.fork();
    const unused = new Dataset(testProject(), 'unused', 'expression');
    em.persist(unused);
    await em.flush();
    em.remove(unused);
    await em.flush();
    expect(await db.fork().findOne(Dataset, unused.id)).toBeNull();

    const { dataset } = await storedRun();
    const em2 = db.fork();
    em2.remove(await em2.findOneOrFail(Dataset, dataset.id));
    await expect(em2.flush()).rejects.toThrow(
      /FOREIGN KEY constraint failed|violates foreign key constraint/,
    );
  });
});

describe('Run', () => {
  test('stores its dataset reference, config and defaults', async () => {
    const { dataset, run } = await storedRun();
    const loaded = await db.fork().findOneOrFail(Run, run.id, { populate: ['dataset'] });

    expect(loaded.dataset.id).toBe(dataset.id);
    expect(loaded.dataset.getEntity().name).toBe('motifs');
    expect(loaded).toMatchObject({
      architecture: 'deepbind',
      config: { filters: 16, kernelSize: 12 },
      status: 'QUEUED',
      backend: null,
      seed: 7,
      epochs: 5,
      batchSize: 64,
      learningRate: 0.001,
      currentEpoch: 0,
      error: null,
      startedAt: null,
      finishedAt: null,
      dataChecksum: null,
      codeVersion: null,
      finalMetrics: null,
    });
  });

  test('keeps fractional numbers and dates to the millisecond', async () => {
    const { run } = await storedRun();
    const em = db.fork();
    const loaded = await em.findOneOrFail(Run, run.id);
    const startedAt = new Date('2026-11-22T10:00:00.123Z');
    Object.assign(loaded, {
      status: 'SUCCEEDED',
      learningRate: 3.7e-4,
      startedAt,
      finishedAt: new Date(startedAt.getTime() + 61_001),
      finalMetrics: { loss: 0.1234567891, auroc: 0.97 },
      backend: 'wasm',
      error: 'x'.repeat(5000),
    });
    await em.flush();

    const again = await db.fork().findOneOrFail(Run, run.id);
    expect(again.learningRate).toBe(3.7e-4);
    expect(again.startedAt?.toISOString()).toBe('2026-11-22T10:00:00.123Z');
    expect(again.finishedAt?.toISOString()).toBe('2026-11-22T10:01:01.124Z');
    expect(again.finalMetrics).toEqual({ loss: 0.1234567891, auroc: 0.97 });
    expect(again.error).toHaveLength(5000);
  });

  test('a run cannot point at a dataset that does not exist', async () => {
    const em = db.fork();
    const ghost = em.getReference(Dataset, '00000000-0000-4000-8000-000000000000');
    em.persist(new Run(testProject(), ghost, 'deepbind', {}, 1, 1, 1, 0.1));
    await expect(em.flush()).rejects.toThrow(
      /FOREIGN KEY constraint failed|violates foreign key constraint/,
    );
  });
});

describe('EpochMetric and ModelArtifact', () => {
  test('belong to a run and go when the run is deleted', async () => {
    const { run } = await storedRun();
    const em = db.fork();
    const managed = await em.findOneOrFail(Run, run.id);
    const metric = new EpochMetric(managed, 1, { loss: 0.5 }, 1234.5, 2.25);
    const artifact = new ModelArtifact(managed, `models/${run.id}`, 'tfjs-layers', 4096);
    em.persist([metric, artifact]);
    await em.flush();

    const read = db.fork();
    const m = await read.findOneOrFail(EpochMetric, metric.id);
    expect(m).toMatchObject({
      epoch: 1,
      metrics: { loss: 0.5 },
      samplesPerSecond: 1234.5,
      seconds: 2.25,
    });
    expect(m.run.id).toBe(run.id);
    const a = await read.findOneOrFail(ModelArtifact, { run: run.id }, { populate: ['run'] });
    expect(a).toMatchObject({ path: `models/${run.id}`, format: 'tfjs-layers', sizeBytes: 4096 });
    expect(a.run.getEntity().architecture).toBe('deepbind');

    const del = db.fork();
    await del.nativeDelete(Run, { id: run.id });
    expect(await del.count(EpochMetric, { run: run.id })).toBe(0);
    expect(await del.count(ModelArtifact, { run: run.id })).toBe(0);
  });

  test('the same (run, epoch) cannot be inserted twice', async () => {
    const { run } = await storedRun();
    const em = db.fork();
    em.persist(new EpochMetric(run, 1, {}, 1, 1));
    await em.flush();
    const em2 = db.fork();
    em2.persist(new EpochMetric(em2.getReference(Run, run.id), 1, {}, 1, 1));
    await expect(em2.flush()).rejects.toThrow(
      /UNIQUE constraint failed: epoch_metric.run_id, epoch_metric.epoch|epoch_metric_run_id_epoch_unique/,
    );
  });
});
