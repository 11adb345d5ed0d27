import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { epochHistory, Run } from '@strand/data';
import type { Jobs } from '../strand-jobs.ts';
import type { JobsOptions } from '../strand-jobs.ts';
import { useJobsTestbed } from '../platform/testing/jobs-testbed.ts';

const bed = useJobsTestbed({ sequences: 200, length: 40, seed: 2 });

const RUN = {
  architecture: 'deepbind',
  epochs: 3,
  batchSize: 32,
  seed: 7,
  config: { filters: 8, kernelSize: 6, hiddenUnits: 8 },
};

const jobs = (options: JobsOptions = {}): Jobs => bed.jobs(options);

const statusOf = (runId: () => string, statuses: string[]) => bed.runStatus(runId, statuses);

async function start(j: Jobs): Promise<string> {
  const started = await j.startTraining(bed.db.fork(), {
    projectId: bed.projectId,
    datasetId: bed.datasetId,
    ...RUN,
  });
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  return started.value.id;
}

async function finalMetrics(runId: string) {
  const em = bed.db.fork();
  const history = await epochHistory(em, runId);
  const run = await em.findOneOrFail(Run, { id: runId });
  return { history: history.map((e) => [e.epoch, e.metrics]), final: run.finalMetrics };
}

/** Same metric names, each value within 1e-4 relative (see the resume test for why not 0). */
function expectClose(actual: unknown, expected: unknown): void {
  const a = actual as Record<string, number>;
  const e = expected as Record<string, number>;
  expect(Object.keys(a).sort()).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) {
    expect(Math.abs(a[key]! - e[key]!), key).toBeLessThanOrEqual(
      1e-4 * Math.max(1, Math.abs(e[key]!)),
    );
  }
}

describe('runs that survive', () => {
  it('a hung worker is STALLED and terminated; recovered, the run resumes from its checkpoint', async () => {
    let id = '';
    const stalled = statusOf(() => id, ['STALLED', 'SUCCEEDED', 'FAILED']);
    // 15 s: on a loaded 2-core machine a worker may need over 5 s to load TF.js and finish epoch 1.
    id = await start(jobs({ stallSeconds: 15, testing: { hangAfterEpoch: 1 } }));
    expect(await stalled).toEqual({ runId: id, projectId: bed.projectId, status: 'STALLED' });
    const row = await bed.db.fork().findOneOrFail(Run, { id });
    expect(row).toMatchObject({ status: 'STALLED', checkpointEpoch: 1, currentEpoch: 1 });
    expect(row.error).toMatch(/^no progress for \d+ s: worker stopped$/);
    expect(row.heartbeatAt).toBeInstanceOf(Date);
    expect(await readdir(bed.db.artifacts.resolve(`checkpoints/${id}`))).toEqual(['epoch-1']);

    // As if the process had died while the run was RUNNING: the next start resumes it.
    const em = bed.db.fork();
    const lost = await em.findOneOrFail(Run, { id });
    lost.status = 'RUNNING';
    await em.flush();
    const done = statusOf(() => id, ['SUCCEEDED', 'FAILED', 'STALLED']);
    await jobs().recover();
    expect((await done).status).toBe('SUCCEEDED');
    const resumed = await finalMetrics(id);
    expect(resumed.history.map(([epoch]) => epoch)).toEqual([1, 2, 3]);
    expect(await bed.db.artifacts.exists(`checkpoints/${id}`)).toBe(false);

    // The same run uninterrupted. Weights, Adam's moments and step, shuffles and dropout seeds
    // resume exactly; tfjs' Adam.setWeights recomputes beta^t as pow(beta, t + 1) where training
    // multiplied it up step by step, so float32 rounding differs in the last bits (~1e-6).
    let other = '';
    const otherDone = statusOf(() => other, ['SUCCEEDED', 'FAILED']);
    other = await start(jobs());
    expect((await otherDone).status).toBe('SUCCEEDED');
    const uninterrupted = await finalMetrics(other);
    expect(resumed.history.map(([epoch]) => epoch)).toEqual([1, 2, 3]);
    expect(resumed.history[0]).toEqual(uninterrupted.history[0]);
    expectClose(resumed.final, uninterrupted.final);
    resumed.history.forEach(([, metrics], i) => expectClose(metrics, uninterrupted.history[i]![1]));
  });

  it('shutdown stops a running run after its batch and leaves it QUEUED with its checkpoint', async () => {
    const j = jobs();
    let id = '';
    const running = statusOf(() => id, ['RUNNING']);
    id = await start(j);
    await running;
    const requeued = statusOf(() => id, ['QUEUED', 'SUCCEEDED', 'FAILED', 'CANCELLED']);
    await j.close();
    expect((await requeued).status).toBe('QUEUED');
    const row = await bed.db.fork().findOneOrFail(Run, { id });
    expect(row.status).toBe('QUEUED');
    expect(row.finishedAt).toBeNull();
    // Work offered during shutdown is stored but not started.
    const late = await j.startTraining(bed.db.fork(), {
      projectId: bed.projectId,
      datasetId: bed.datasetId,
      ...RUN,
    });
    expect(late.ok && late.value.status).toBe('QUEUED');
  });
});
