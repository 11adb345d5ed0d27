import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { epochHistory, ModelArtifact, Run } from '@strand/data';
import { createTestDatabase, saveTestProject, testProject } from '@strand/data/testing';
import type { StrandDatabase } from '@strand/data';
import { loadModel } from '@strand/models';
import { createEventBus } from './events/event-bus.ts';
import type { RunStatusEvent } from './events/event-bus.ts';
import { Jobs } from './strand-jobs.ts';
import { TableReader } from '@strand/genomics';

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let jobs: Jobs;
let projectId: string;
const bus = createEventBus();

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

/** Collects status events until one has status `until`; listens from the moment it is called. */
async function statuses(until: string): Promise<RunStatusEvent[]> {
  const seen: RunStatusEvent[] = [];
  for await (const event of bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
    seen.push(event);
    if (event.status === until) return seen;
  }
  return seen;
}

describe('Jobs', () => {
  it('stores a demo dataset as a checksummed sequence table, READY only when written', async () => {
    const outcome = await jobs.createDemoDataset(db.fork(), {
      projectId,
      sequences: 40,
      length: 30,
      motifs: ['GATA1'],
      seed: 5,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const dataset = outcome.value;
    expect(dataset).toMatchObject({
      status: 'READY',
      recordCount: 40,
      sequenceLength: 30,
      labelCounts: { '0': 20, '1': 20 },
    });
    const table = await TableReader.open(db.artifacts.resolve(dataset.artifactPath!));
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'sequence', 'label']);
    expect(table.rows).toBe(40);
    await table.close();
    const again = await jobs.createDemoDataset(db.fork(), {
      projectId,
      sequences: 40,
      length: 30,
      motifs: ['GATA1'],
      seed: 5,
    });
    expect(again.ok && again.value.checksum).toBe(dataset.checksum);
    expect(dataset.project.id).toBe(projectId);
  });

  it("trains only on a dataset of the run's project", async () => {
    const em = db.fork();
    const made = await jobs.createDemoDataset(em, {
      projectId,
      sequences: 20,
      length: 20,
      seed: 1,
    });
    if (!made.ok) throw new Error('dataset');
    const other = testProject('other');
    em.persist(other);
    await em.flush();
    const started = await jobs.startTraining(em, {
      projectId: other.id,
      datasetId: made.value.id,
      architecture: 'deepbind',
      epochs: 1,
    });
    expect(started).toEqual({
      ok: false,
      errors: [
        { field: 'datasetId', code: 'NOT_FOUND', message: `no dataset with id "${made.value.id}"` },
      ],
    });
  });

  it('trains in a worker thread: QUEUED → RUNNING → SUCCEEDED, epochs stored, model saved and loadable', async () => {
    const em = db.fork();
    const made = await jobs.createDemoDataset(em, {
      projectId,
      sequences: 200,
      length: 40,
      motifs: ['GATA1'],
      seed: 2,
    });
    if (!made.ok) throw new Error('dataset');
    const watching = statuses('SUCCEEDED');
    const started = await jobs.startTraining(em, {
      projectId,
      datasetId: made.value.id,
      architecture: 'deepbind',
      epochs: 2,
      batchSize: 32,
      config: { filters: 8, kernelSize: 6, hiddenUnits: 8 },
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    const seen = await watching;
    expect(seen).toEqual(
      ['QUEUED', 'RUNNING', 'SUCCEEDED'].map((status) => ({
        runId: started.value.id,
        projectId,
        status,
      })),
    );

    const check = db.fork();
    const run = await check.findOneOrFail(Run, { id: started.value.id });
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      currentEpoch: 2,
      dataChecksum: made.value.checksum,
    });
    expect(['wasm', 'tensorflow', 'cpu']).toContain(run.backend);
    expect((await epochHistory(check, run.id)).map((e) => e.epoch)).toEqual([1, 2]);
    const artifact = await check.findOneOrFail(ModelArtifact, { run: run.id });
    const { model, metadata } = await loadModel(db.artifacts.resolve(artifact.path));
    expect(metadata).toMatchObject({
      architecture: 'deepbind',
      inputLength: 40,
      dataChecksum: made.value.checksum,
    });
    model.dispose();
  });
});
