import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { Job } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createEventBus } from '../events/event-bus.ts';
import { InProcessQueue } from '../queue/in-process-queue.ts';
import { Jobs } from '../strand-jobs.ts';

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let jobs: Jobs;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  // No training slot: every run stays QUEUED, so the count is exact however fast the machine.
  jobs = new Jobs(db, createEventBus(), { concurrency: 0, projectQueueLimit: 3 });
});
afterEach(async () => {
  await jobs.close();
  await cleanup();
});

describe('per-project queue limit', () => {
  it('refuses a run over the limit with QUEUE_FULL; other projects are not affected', async () => {
    const em = db.fork();
    const greedy = await saveTestProject(em, 'greedy');
    const other = await saveTestProject(em, 'other');
    const start = async (projectId: string) => {
      const made = await jobs.createDemoDataset(db.fork(), {
        projectId,
        sequences: 20,
        length: 20,
      });
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      return jobs.startTraining(db.fork(), {
        projectId,
        datasetId: made.value.id,
        architecture: 'deepbind',
        epochs: 1,
      });
    };
    for (let i = 0; i < 3; i++) expect((await start(greedy)).ok).toBe(true);
    expect(await start(greedy)).toEqual({
      ok: false,
      errors: [
        {
          field: 'projectId',
          code: 'QUEUE_FULL',
          message:
            'this project has 3 training runs queued or running, the most it may have at once (3); wait for some to finish or cancel some',
        },
      ],
    });
    expect((await start(other)).ok).toBe(true);
    expect(jobs.queueDepth).toBe(4);
  });

  it('queues each run with its turn in its project, so projects take turns', async () => {
    const enqueued = vi.spyOn(InProcessQueue.prototype, 'enqueue');
    try {
      const em = db.fork();
      const greedy = await saveTestProject(em, 'greedy');
      const other = await saveTestProject(em, 'other');
      const made = await jobs.createDemoDataset(db.fork(), {
        projectId: greedy,
        sequences: 20,
        length: 20,
      });
      const theirs = await jobs.createDemoDataset(db.fork(), {
        projectId: other,
        sequences: 20,
        length: 20,
      });
      if (!made.ok || !theirs.ok) throw new Error('demo dataset');
      const start = (projectId: string, datasetId: string) =>
        jobs.startTraining(db.fork(), {
          projectId,
          datasetId,
          architecture: 'deepbind',
          epochs: 1,
        });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const run = await start(greedy, made.value.id);
        if (!run.ok) throw new Error(JSON.stringify(run.errors));
        ids.push(run.value.id);
      }
      const late = await start(other, theirs.value.id);
      if (!late.ok) throw new Error(JSON.stringify(late.errors));
      // What is queued is each run's TRAIN job.
      const jobOf = async (runId: string) =>
        (await db.fork().findOneOrFail(Job, { kind: 'TRAIN', run: runId })).id;
      expect(enqueued.mock.calls).toEqual([
        [await jobOf(ids[0]!), { priority: 1 }],
        [await jobOf(ids[1]!), { priority: 2 }],
        [await jobOf(ids[2]!), { priority: 3 }],
        // The other project's first run goes ahead of the greedy project's second.
        [await jobOf(late.value.id), { priority: 1 }],
      ]);
    } finally {
      enqueued.mockRestore();
    }
  });
});
