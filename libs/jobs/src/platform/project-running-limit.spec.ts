import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import type { StrandDatabase } from '@strand/data';
import { createEventBus } from '../events/event-bus.ts';
import type { RunStatusEvent } from '../events/event-bus.ts';
import { Jobs } from '../strand-jobs.ts';

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let jobs: Jobs;
const bus = createEventBus();

const RUN = {
  architecture: 'deepbind',
  epochs: 2,
  batchSize: 32,
  config: { filters: 8, kernelSize: 6, hiddenUnits: 8 },
};

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  // Two training slots, at most one running run per project.
  jobs = new Jobs(db, bus, { concurrency: 2, projectRunningLimit: 1 });
});
afterEach(async () => {
  await jobs.close();
  await cleanup();
});

async function projectWithData(slug: string): Promise<{ projectId: string; datasetId: string }> {
  const em = db.fork();
  const projectId = await saveTestProject(em, slug);
  const made = await jobs.createDemoDataset(em, {
    projectId,
    sequences: 120,
    length: 30,
    motifs: ['GATA1'],
    seed: 3,
  });
  if (!made.ok) throw new Error('dataset');
  return { projectId, datasetId: made.value.id };
}

describe("a project's running limit", () => {
  it('holds back a project’s second run without holding a slot: another project’s run goes first', async () => {
    const a = await projectWithData('lab-a');
    const b = await projectWithData('lab-b');
    const ids = new Map<string, string>();
    const events: RunStatusEvent[] = [];
    const watching = (async () => {
      for await (const event of bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
        events.push(event);
        const finals = events.filter((e) => ['SUCCEEDED', 'FAILED'].includes(e.status));
        if (finals.length === 3) return;
      }
    })();
    const start = async (name: string, where: typeof a, epochs = RUN.epochs) => {
      const started = await jobs.startTraining(db.fork(), { ...where, ...RUN, epochs });
      if (!started.ok) throw new Error(JSON.stringify(started.errors));
      ids.set(started.value.id, name);
    };
    // Without the limit a1 and a2 would take both slots at once.
    await start('a1', a, 4);
    await start('a2', a);
    await start('b1', b);
    await watching;
    const order = events
      .map((e) => `${ids.get(e.runId)} ${e.status}`)
      .filter((s) => !s.endsWith('QUEUED'));
    // Lab A never runs two at once: a2 starts only after a1 ended.
    expect(order.indexOf('a2 RUNNING')).toBeGreaterThan(order.indexOf('a1 SUCCEEDED'));
    // Lab B's run, queued last, took the free slot while a2 waited: held back, a2 holds none.
    expect(order.indexOf('b1 RUNNING')).toBeLessThan(order.indexOf('a1 SUCCEEDED'));
    expect(order.filter((s) => s.endsWith('SUCCEEDED'))).toHaveLength(3);
    await jobs.close();
    const trainJobs = await db.fork().find(Job, { kind: 'TRAIN' });
    expect(trainJobs.map((j) => j.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });
});
