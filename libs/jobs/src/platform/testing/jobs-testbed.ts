/**
 * The set-up the training specs of libs/jobs share: a fresh test database, one bus, a project with
 * a planted-motif demo dataset, Jobs instances closed after each test, and the status waits.
 * Call `useJobsTestbed(demo)` at the top of a spec file; read its fields inside tests.
 */
import { afterEach, beforeEach } from 'vitest';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import type { StrandDatabase } from '@strand/data';
import { createEventBus } from '../../events/event-bus.ts';
import type { EventBus, RunStatusEvent } from '../../events/event-bus.ts';
import { Jobs } from '../../strand-jobs.ts';
import type { JobsOptions } from '../../strand-jobs.ts';

export interface DemoData {
  sequences: number;
  length: number;
  seed: number;
  motifs?: string[];
}

export interface JobsTestbed {
  readonly db: StrandDatabase;
  readonly bus: EventBus;
  readonly projectId: string;
  readonly datasetId: string;
  /** A Jobs on the test database and bus, closed after the test. */
  jobs(options?: JobsOptions): Jobs;
  /** Another project with its own demo dataset. */
  project(slug: string, demo?: DemoData): Promise<{ projectId: string; datasetId: string }>;
  /** The first status of the run `runId()` names that is in `statuses` (listening from the call). */
  runStatus(runId: () => string, statuses: string[]): Promise<RunStatusEvent>;
}

export function useJobsTestbed(demo: DemoData): JobsTestbed {
  const bus = createEventBus();
  const opened: Jobs[] = [];
  let db: StrandDatabase;
  let cleanup: () => Promise<void>;
  let main: { projectId: string; datasetId: string };
  const jobs = (options: JobsOptions = {}) => {
    const made = new Jobs(db, bus, options);
    opened.push(made);
    return made;
  };
  const project = async (slug?: string, data: DemoData = demo) => {
    const em = db.fork();
    const projectId = await saveTestProject(em, slug);
    const made = await jobs().createDemoDataset(em, {
      projectId,
      motifs: ['GATA1'],
      ...data,
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return { projectId, datasetId: made.value.id };
  };
  beforeEach(async () => {
    ({ db, cleanup } = await createTestDatabase());
    main = await project();
  });
  afterEach(async () => {
    for (const j of opened.splice(0)) await j.close();
    await cleanup();
  });
  return {
    get db() {
      return db;
    },
    bus,
    get projectId() {
      return main.projectId;
    },
    get datasetId() {
      return main.datasetId;
    },
    jobs,
    project,
    async runStatus(runId, statuses) {
      for await (const event of bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
        if (event.runId === runId() && statuses.includes(event.status)) return event;
      }
      throw new Error('event stream ended');
    },
  };
}
