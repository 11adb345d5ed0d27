import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Job } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import type { JsonObject, StrandDatabase } from '@strand/data';
import { createEventBus } from '../events/event-bus.ts';
import type { JobProgressEvent } from '../events/event-bus.ts';
import { Jobs } from '../strand-jobs.ts';
import type { JobKind } from './job-kind.ts';
import { runInWorker } from './run-in-worker.ts';
import type { CountingInput } from './testing/counting.task.ts';

/** A job kind whose work is countSteps in a worker thread. */
const COUNTING: JobKind = {
  name: 'EXPLAIN_SEQUENCE',
  role: 'editor',
  async prepare(_em, _db, _projectId, raw) {
    const steps = Number(raw.steps);
    if (!Number.isInteger(steps) || steps < 1) {
      return {
        ok: false,
        errors: [{ field: 'steps', code: 'OUT_OF_RANGE', message: 'steps must be ≥ 1' }],
      };
    }
    return { ok: true, value: { params: raw, lineage: { details: { input: 'counting' } } } };
  },
  async run({ params, workDir, progress, signal }) {
    const result = await runInWorker<CountingInput, JsonObject>(
      new URL('./testing/counting.task.ts', import.meta.url),
      'countSteps',
      { ...(params as unknown as CountingInput), workDir },
      { progress, signal },
    );
    return { result };
  },
};

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let jobs: Jobs;
let projectId: string;
const bus = createEventBus();

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  jobs = new Jobs(db, bus, { jobKinds: [COUNTING] });
  const em = db.fork();
  projectId = await saveTestProject(em);
});
afterEach(async () => {
  await jobs.close();
  await cleanup();
});

async function start(params: JsonObject): Promise<Job> {
  const outcome = await jobs.startJob(db.fork(), { projectId, kind: 'EXPLAIN_SEQUENCE', params });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

/** Every progress event of a job until its last (listening from the call). */
async function events(jobId: string): Promise<JobProgressEvent[]> {
  const seen: JobProgressEvent[] = [];
  for await (const event of bus.subscribe('JOB_PROGRESS', jobId)) {
    seen.push(event);
    if (event.done) break;
  }
  return seen;
}

const stored = (id: string) => db.fork().findOneOrFail(Job, id);

describe('background jobs', () => {
  it('runs a job in a worker thread, streams throttled progress and stores the result', async () => {
    const listening = events((await start({ steps: 12, stepMs: 40 })).id);
    const seen = await listening;
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ status: 'SUCCEEDED', done: true });
    expect(last.progress).toMatchObject({ done: 12, total: 12, unit: 'steps' });
    // 12 updates in ~480 ms, published at most every 200 ms (+ the final one): fewer events.
    expect(seen.length).toBeLessThan(12);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const dones = seen.map((e) => e.progress.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    const job = await stored(last.jobId);
    expect(job).toMatchObject({ status: 'SUCCEEDED', result: { counted: 12 }, error: null });
    expect(job.lineage).toEqual({ input: 'counting' });
    expect(job.startedAt).toBeInstanceOf(Date);
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('refuses bad parameters before anything is stored or queued', async () => {
    const outcome = await jobs.startJob(db.fork(), {
      projectId,
      kind: 'EXPLAIN_SEQUENCE',
      params: { steps: 0 },
    });
    expect(outcome.ok).toBe(false);
    expect(await db.fork().count(Job, {})).toBe(0);
  });

  it("fails with the job's own message, and hides an unexpected error's", async () => {
    const expected = await start({ steps: 5, stepMs: 5, failAt: 3 });
    await events(expected.id);
    expect(await stored(expected.id)).toMatchObject({
      status: 'FAILED',
      error: 'input.txt:3: bad record',
    });
    const crashed = await start({ steps: 5, stepMs: 5, crashAt: 2 });
    await events(crashed.id);
    const job = await stored(crashed.id);
    expect(job.status).toBe('FAILED');
    expect(job.error).not.toContain('secret detail');
    expect(job.error).toMatch(/unexpectedly/);
  });

  it('cancels a queued job at once and a running one soon', async () => {
    const running = await start({ steps: 200, stepMs: 20 });
    const queued = await start({ steps: 2, stepMs: 1 });
    const cancelledQueued = await jobs.cancelJob(db.fork(), queued.id);
    expect(cancelledQueued.ok).toBe(true);
    expect((await stored(queued.id)).status).toBe('CANCELLED');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const listening = events(running.id);
    expect((await jobs.cancelJob(db.fork(), running.id)).ok).toBe(true);
    expect((await listening).at(-1)).toMatchObject({ status: 'CANCELLED', done: true });
    const again = await jobs.cancelJob(db.fork(), running.id);
    expect(again.ok ? [] : again.errors.map((e) => e.code)).toEqual(['NOT_CANCELLABLE']);
  });

  it('leaves a running job QUEUED at shutdown and runs it again after recovery', async () => {
    const job = await start({ steps: 30, stepMs: 20 });
    for await (const event of bus.subscribe('JOB_PROGRESS', job.id)) {
      if (event.progress.done >= 3) break;
    }
    await jobs.close();
    expect((await stored(job.id)).status).toBe('QUEUED');
    jobs = new Jobs(db, bus, { jobKinds: [COUNTING] });
    const listening = events(job.id);
    await jobs.recover();
    expect((await listening).at(-1)).toMatchObject({ status: 'SUCCEEDED' });
    const log = await readFile(join(db.artifacts.resolve(job.artifactPath), 'steps.log'), 'utf8');
    // Two attempts: the first stopped part-way, the second counted to the end.
    const steps = log.trim().split('\n').map(Number);
    expect(steps.filter((s) => s === 1)).toHaveLength(2);
    expect(steps.at(-1)).toBe(30);
  });
});
