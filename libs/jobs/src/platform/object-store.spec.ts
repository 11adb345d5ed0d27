/**
 * Artifacts in an object store, with nothing shared between "machines" but the store and the
 * database: the API's process and each worker keep their own local copy (an ArtifactStore over one
 * DirectoryObjectStore, which has an S3 bucket's semantics). What one machine writes, another
 * reads only through pull and push, so a call site that forgot either fails here.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ArtifactStore,
  Dataset,
  DirectoryObjectStore,
  epochHistory,
  ModelArtifact,
  Project,
  Run,
  StrandDatabase,
} from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { sharedDataPath } from '@strand/genomics/testing';
import { createDemoDataset } from '../datasets/create-demo-dataset.ts';
import { SEQUENCE_TABLE_FILE } from '../datasets/sequence-store.ts';
import { importDataset } from '../datasets/import-dataset.ts';
import { IMPORT_UPLOAD_KIND, UPLOAD_SCRATCH_DIR } from '../kinds/import-upload.kind.ts';
import { createEventBus } from '../events/event-bus.ts';
import type { RunStatusEvent } from '../events/event-bus.ts';
import { saveTinyModel, writeTestVcf } from '../scoring/testing/scoring-fixtures.ts';
import { Jobs } from '../strand-jobs.ts';
import type { JobsOptions } from '../strand-jobs.ts';

const SHARED_REFERENCE = sharedDataPath('reference', 'hg19_chr17_part.fa');

let base: StrandDatabase;
let cleanup: () => Promise<void>;
let dir: string;
let bucket: DirectoryObjectStore;
let projectId: string;
const bus = createEventBus();
const opened: Jobs[] = [];

/** A process on its own machine: the shared database, its own local copy of the store. */
const machine = (name: string) =>
  new StrandDatabase(base.orm, new ArtifactStore(join(dir, name), bucket), base.dialect);

const jobsOn = (db: StrandDatabase, options: JobsOptions = {}) => {
  const made = new Jobs(db, bus, options);
  opened.push(made);
  return made;
};

/** Every key in the bucket under `prefix`. */
async function keys(prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const object of bucket.list(prefix)) found.push(object.key);
  return found.sort();
}

async function runStatus(runId: () => string, statuses: string[]): Promise<string> {
  for await (const event of bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
    if (event.runId === runId() && statuses.includes(event.status)) return event.status;
  }
  throw new Error('event stream ended');
}

beforeEach(async () => {
  ({ db: base, cleanup } = await createTestDatabase());
  dir = await mkdtemp(join(tmpdir(), 'strand-object-store-'));
  bucket = new DirectoryObjectStore(join(dir, 'bucket'));
  projectId = await saveTestProject(base.fork());
});
afterEach(async () => {
  for (const j of opened.splice(0)) await j.close();
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('artifacts in an object store, one local copy per machine', () => {
  it('a run stalled on one worker resumes from its checkpoint on another; the API reads its model', async () => {
    const api = machine('api');
    const made = await createDemoDataset(api.fork(), api.artifacts, {
      projectId,
      motifs: ['GATA1'],
      sequences: 200,
      length: 40,
      seed: 2,
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    expect(await keys('datasets/')).toEqual([`datasets/${made.value.id}/${SEQUENCE_TABLE_FILE}`]);

    // Worker A hangs after epoch 1: stalled, stopped; its checkpoint is in the bucket.
    const a = jobsOn(machine('worker-a'), { stallSeconds: 15, testing: { hangAfterEpoch: 1 } });
    let id = '';
    const stalled = runStatus(() => id, ['STALLED', 'SUCCEEDED', 'FAILED']);
    const started = await a.startTraining(api.fork(), {
      projectId,
      datasetId: made.value.id,
      architecture: 'deepbind',
      epochs: 3,
      batchSize: 32,
      seed: 7,
      config: { filters: 8, kernelSize: 6, hiddenUnits: 8 },
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    id = started.value.id;
    expect(await stalled).toBe('STALLED');
    expect(await keys(`checkpoints/${id}/`)).not.toEqual([]);
    expect(
      (await keys(`checkpoints/${id}/`)).every((k) => k.startsWith(`checkpoints/${id}/epoch-1/`)),
    ).toBe(true);

    // Machine A is gone with its disk. As if it had died while the run was RUNNING, worker B
    // (an empty local copy) recovers the run and resumes it from the bucket's checkpoint.
    await a.close();
    await rm(join(dir, 'worker-a'), { recursive: true, force: true });
    const em = base.fork();
    const lost = await em.findOneOrFail(Run, { id });
    lost.status = 'RUNNING';
    await em.flush();
    const done = runStatus(() => id, ['SUCCEEDED', 'FAILED', 'STALLED']);
    await jobsOn(machine('worker-b')).recover();
    const outcome = await done;
    const row = await base.fork().findOneOrFail(Run, { id });
    expect([outcome, row.error]).toEqual(['SUCCEEDED', null]);
    const history = await epochHistory(base.fork(), id);
    expect(history.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(await keys(`checkpoints/${id}/`)).toEqual([]);

    // The model is in the bucket; the API, which never trained, reads its files from there.
    const artifact = await base.fork().findOneOrFail(ModelArtifact, { run: id });
    expect(await keys(`${artifact.path}/`)).toEqual(
      expect.arrayContaining([`${artifact.path}/model.json`, `${artifact.path}/strand.json`]),
    );
    expect(artifact.sizeBytes).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'api', artifact.path))).toBe(false);
    const metadata = JSON.parse(
      (await api.artifacts.read(`${artifact.path}/strand.json`)).toString(),
    );
    expect(metadata).toMatchObject({ architecture: 'deepbind', inputLength: 40 });
  });

  it('an upload received by the API is imported by a worker that never saw its disk', async () => {
    const api = machine('api');
    // What POST /upload leaves: the file in its own upload directory, published, then queued.
    const uploadDir = `${UPLOAD_SCRATCH_DIR}/upload-abc123`;
    const local = api.artifacts.resolve(uploadDir);
    await mkdir(join(local, 'file'), { recursive: true });
    const rows = Array.from({ length: 40 }, (_, i) => `s${i}\t${i % 2}\t${'ACGT'.repeat(5)}`);
    await writeFile(join(local, 'file', 'seqs.tsv'), `id\tlabel\tsequence\n${rows.join('\n')}\n`);
    await api.artifacts.push(uploadDir);
    const prepared = await IMPORT_UPLOAD_KIND.prepare(api.fork(), api, projectId, {
      uploadDir,
      kind: 'sequence-classification',
      path: 'file/seqs.tsv',
      labelsPath: null,
    });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    expect(prepared.value.params).toMatchObject({ uploadDir, path: 'file/seqs.tsv' });

    // The worker's machine runs it with an empty local copy.
    const worker = machine('worker');
    const workDir = worker.artifacts.resolve('jobs/j1');
    await mkdir(workDir, { recursive: true });
    const outcome = await IMPORT_UPLOAD_KIND.run({
      jobId: 'j1',
      projectId,
      params: prepared.value.params,
      db: worker,
      em: worker.fork(),
      workDir,
      progress: () => undefined,
      signal: new AbortController().signal,
      services: {} as never,
    });
    const datasetId = outcome.outputDatasetId as string;
    const dataset = await base.fork().findOneOrFail(Dataset, { id: datasetId });
    expect(dataset).toMatchObject({ status: 'READY', recordCount: 40 });
    // The dataset is in the bucket (the API reads it from there); the upload is gone from both.
    expect(await keys(`datasets/${datasetId}/`)).toEqual([
      `datasets/${datasetId}/${SEQUENCE_TABLE_FILE}`,
    ]);
    expect(await keys(`${uploadDir}/`)).toEqual([]);
    expect(existsSync(join(dir, 'worker', uploadDir))).toBe(false);
    expect(await api.artifacts.sizeOf(dataset.artifactPath!)).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(SHARED_REFERENCE))(
    'a worker scores a VCF the API imported, with a model the API stored; the API serves its files',
    async () => {
      const api = machine('api');
      const reference = join(dir, 'chr17.fa');
      await copyFile(SHARED_REFERENCE, reference);
      const vcf = join(dir, 'calls.vcf');
      await writeTestVcf(vcf, reference, { count: 200, seed: 1 });
      const em = api.fork();
      const imported = await importDataset(em, api.artifacts, {
        projectId,
        kind: 'variants',
        path: vcf,
      });
      if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
      const sequences = new Dataset(
        em.getReference(Project, projectId),
        'seqs',
        'sequence-classification',
      );
      Object.assign(sequences, { status: 'READY', checksum: 'e'.repeat(64) });
      const run = new Run(sequences.project, sequences, 'deepbind', {}, 5, 2, 64, 0.01);
      Object.assign(run, { status: 'SUCCEEDED', dataChecksum: 'd'.repeat(64) });
      em.persist([sequences, run]);
      const path = `models/${run.id}`;
      await saveTinyModel(api.artifacts.resolve(path), 51);
      await api.artifacts.push(path);
      em.persist(new ModelArtifact(run, path, 'tfjs-layers', await api.artifacts.sizeOf(path)));
      await em.flush();

      // Queued through the API's machine, run by the worker's (the API's Jobs never runs it).
      const worker = jobsOn(machine('worker'));
      const outcome = await worker.startJob(api.fork(), {
        projectId,
        kind: 'SCORE_VARIANTS',
        params: { datasetId: imported.value.id, reference, runId: run.id },
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      const job = outcome.value;
      for await (const event of bus.subscribe('JOB_PROGRESS', job.id)) {
        if (event.done) {
          expect(event.status).toBe('SUCCEEDED');
          break;
        }
      }
      const published = await keys(`${job.artifactPath}/`);
      expect(published).toEqual(expect.arrayContaining([`${job.artifactPath}/scores.tsv`]));
      // The API's copy has no job directory until it pulls the file it serves.
      expect(existsSync(join(dir, 'api', job.artifactPath))).toBe(false);
      const local = await api.artifacts.pull(`${job.artifactPath}/scores.tsv`);
      const rows = (await readFile(local, 'utf8')).trim().split('\n');
      expect(rows.length).toBeGreaterThan(1);
      expect(await readdir(join(dir, 'api', job.artifactPath))).toEqual(['scores.tsv']);
    },
    120_000,
  );
});
