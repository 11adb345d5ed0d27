import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import type { StrandDatabase } from '@strand/data';
import { createEventBus } from '../events/event-bus.ts';
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
});
