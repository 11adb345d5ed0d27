import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { createEventBus } from '../events/event-bus.ts';
import type { JobProgressEvent } from '../events/event-bus.ts';
import { Jobs } from '../strand-jobs.ts';

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let projectId: string;
let datasetId: string;
const opened: Jobs[] = [];
const bus = createEventBus();

const CV = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 8, hiddenUnits: 8 },
  folds: 4,
  epochs: 40,
  batchSize: 16,
  learningRate: 0.02,
  seed: 5,
};

function jobs(): Jobs {
  const made = new Jobs(db, bus);
  opened.push(made);
  return made;
}

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const em = db.fork();
  projectId = await saveTestProject(em);
  const made = await jobs().createDemoDataset(em, {
    projectId,
    sequences: 200,
    length: 40,
    motifs: ['GATA1'],
    seed: 4,
  });
  if (!made.ok) throw new Error('dataset');
  datasetId = made.value.id;
});
afterEach(async () => {
  for (const j of opened.splice(0)) await j.close();
  await cleanup();
});

async function startCv(j: Jobs, extra: JsonObject = {}): Promise<string> {
  const outcome = await j.startJob(db.fork(), {
    projectId,
    kind: 'CROSS_VALIDATION',
    params: { datasetId, ...CV, ...extra } as unknown as JsonObject,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value.id;
}

/** The first progress event of the job that satisfies `until` (listening from the call). */
async function progressed(
  jobId: string,
  until: (event: JobProgressEvent) => boolean,
): Promise<JobProgressEvent> {
  for await (const event of bus.subscribe('JOB_PROGRESS', jobId)) if (until(event)) return event;
  throw new Error('event stream ended');
}

const stored = (id: string) => db.fork().findOneOrFail(Job, { id });

describe('CROSS_VALIDATION jobs', () => {
  it('reports progress in folds and epochs, and a cancel stops it mid-fold', async () => {
    const j = jobs();
    const jobId = await startCv(j);
    const running = await progressed(jobId, (e) => e.progress.done >= 2);
    expect(running.progress).toMatchObject({ total: 160, unit: 'epochs' });
    expect(running.progress.message).toMatch(/^fold 1\/4, epoch \d+\/40$/);
    const asked = Date.now();
    const done = progressed(jobId, (e) => e.done);
    expect((await j.cancelJob(db.fork(), jobId)).ok).toBe(true);
    expect((await done).status).toBe('CANCELLED');
    // Stopped within a batch or two, long before the 160 epochs.
    expect(Date.now() - asked).toBeLessThan(5_000);
    const job = await stored(jobId);
    expect(job).toMatchObject({ status: 'CANCELLED', result: null });
  });

  it('starts over after a restart and gives the result an uninterrupted job gives', async () => {
    // Long enough that the job is still running when `close` stops it (4 epochs could finish
    // while close waited for the worker).
    const quick = { folds: 2, epochs: 30 };
    const first = jobs();
    const jobId = await startCv(first, quick);
    await progressed(jobId, (e) => e.progress.done >= 1);
    await first.close();
    expect((await stored(jobId)).status).toBe('QUEUED');

    const second = jobs();
    const done = progressed(jobId, (e) => e.done);
    await second.recover();
    expect((await done).status).toBe('SUCCEEDED');
    const resumed = (await stored(jobId)).result as JsonObject;

    const againId = await startCv(second, quick);
    await progressed(againId, (e) => e.done);
    const again = (await stored(againId)).result as JsonObject;
    expect(resumed.folds).toEqual(again.folds);
    expect(resumed.mean).toEqual(again.mean);
  });
});
