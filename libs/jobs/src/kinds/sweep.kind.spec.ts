import { describe, expect, it } from 'vitest';
import { epochHistory, Job, Run, runTags } from '@strand/data';
import type { JsonObject } from '@strand/data';
import type { RunStatusEvent } from '../events/event-bus.ts';
import type { Jobs } from '../strand-jobs.ts';
import { useJobsTestbed } from '../platform/testing/jobs-testbed.ts';

const bed = useJobsTestbed({ sequences: 240, length: 40, seed: 2 });

/** Three trials, the third hopeless (learning rate 1e-7): the median rule must prune it. */
const SWEEP = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 8, hiddenUnits: 8, dropout: 0 },
  space: { learningRate: [0.02, 0.01, 1e-7] },
  epochs: 12,
  batchSize: 16,
  seed: 3,
  earlyStop: { afterEpochs: 2, minCompleted: 2 },
};

const jobs = (concurrency = 1): Jobs => bed.jobs({ concurrency });

async function startSweep(j: Jobs, extra: JsonObject = {}): Promise<string> {
  const outcome = await j.startJob(bed.db.fork(), {
    projectId: bed.projectId,
    kind: 'SWEEP',
    params: { datasetId: bed.datasetId, ...SWEEP, ...extra } as unknown as JsonObject,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value.id;
}

/** The job once its last progress event has been published (listening from the call). */
async function finished(jobId: string): Promise<Job> {
  for await (const event of bed.bus.subscribe('JOB_PROGRESS', jobId)) if (event.done) break;
  return bed.db.fork().findOneOrFail(Job, { id: jobId });
}

/** Resolves when the sweep's trial `label` has a run with status RUNNING. */
async function trialRunning(jobId: string, label: string): Promise<Run> {
  for await (const event of bed.bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
    if (event.status !== 'RUNNING') continue;
    const run = await bed.db.fork().findOne(Run, { id: event.runId, parentJob: jobId });
    if (run?.groupLabel === label) return run;
  }
  throw new Error('event stream ended');
}

const trialRuns = (jobId: string) =>
  bed.db.fork().find(Run, { parentJob: jobId }, { orderBy: { createdAt: 'asc' } });

interface TrialView {
  trial: number;
  runId: string;
  status: string;
  epochs: number;
  value: number;
  prunedAfterEpoch: number | null;
}
interface SweepView {
  metric: string;
  direction: string;
  trials: TrialView[];
  best: { trial: number; runId: string; value: number } | null;
}

describe('SWEEP jobs', () => {
  it('trains as many trials at once as the training queue runs (one core each)', async () => {
    const j = jobs(2);
    const jobId = await startSweep(j, {
      space: { learningRate: [0.02, 0.01] },
      epochs: 3,
      earlyStop: null,
    });
    const job = await finished(jobId);
    expect(job.status).toBe('SUCCEEDED');
    const result = job.result as unknown as SweepView;
    expect(result.trials.map((t) => [t.trial, t.status, t.epochs])).toEqual([
      [1, 'completed', 3],
      [2, 'completed', 3],
    ]);
    const runs = await trialRuns(jobId);
    // Side by side: the second trial was created before the first had finished.
    expect(runs[1].createdAt.getTime()).toBeLessThan(runs[0].finishedAt!.getTime());
  });

  it('runs trials one at a time as child runs, prunes the hopeless one and picks the best', async () => {
    const j = jobs();
    const jobId = await startSweep(j);
    const job = await finished(jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe('SUCCEEDED');
    const result = job.result as unknown as SweepView;
    expect(result).toMatchObject({ metric: 'val_auroc', direction: 'maximize' });
    expect(result.trials.map((t) => [t.trial, t.status])).toEqual([
      [1, 'completed'],
      [2, 'completed'],
      [3, 'pruned'],
    ]);

    const runs = await trialRuns(jobId);
    expect(runs.map((r) => r.groupLabel)).toEqual(['trial 1', 'trial 2', 'trial 3 (pruned)']);
    expect(runs.map((r) => r.id)).toEqual(result.trials.map((t) => t.runId));
    expect(runs.map((r) => r.learningRate)).toEqual([0.02, 0.01, 1e-7]);
    expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'CANCELLED']);
    // One at a time: each trial was created after the one before it had finished.
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i].createdAt.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finishedAt!.getTime());
    }
    const tags = await runTags(
      bed.db.fork(),
      runs.map((r) => r.id),
    );
    expect(tags.get(runs[2].id)).toEqual(['pruned']);
    expect(tags.get(runs[0].id)).toBeUndefined();

    // The pruned trial stopped early, after the rule fired; the others trained every epoch.
    const [first, second, pruned] = result.trials;
    expect(first.epochs).toBe(12);
    expect(second.epochs).toBe(12);
    expect(pruned.prunedAfterEpoch).toBeGreaterThanOrEqual(2);
    expect(pruned.epochs).toBeGreaterThanOrEqual(pruned.prunedAfterEpoch!);
    expect(pruned.epochs).toBeLessThan(12);
    expect(pruned.value).toBeLessThan(Math.min(first.value, second.value));
    // Each trial's value is the best stored val_auroc of its run.
    for (const t of result.trials) {
      const history = await epochHistory(bed.db.fork(), t.runId);
      expect(history).toHaveLength(t.epochs);
      expect(t.value).toBe(Math.max(...history.map((e) => e.metrics.val_auroc)));
    }
    const best = first.value >= second.value ? first : second;
    expect(result.best).toMatchObject({ trial: best.trial, runId: best.runId, value: best.value });
    expect(job.progress).toMatchObject({ done: 3, total: 3, unit: 'trials' });
  });

  it('resumes after a restart: finished trials are kept, the running one resumes, none is started twice', async () => {
    const first = jobs();
    const jobId = await startSweep(first, {
      earlyStop: null,
      space: { learningRate: [0.02, 0.01] },
    });
    const running = await trialRunning(jobId, 'trial 2');
    await first.close();
    const stopped = await bed.db.fork().findOneOrFail(Job, { id: jobId });
    expect(stopped.status).toBe('QUEUED');
    expect((await bed.db.fork().findOneOrFail(Run, { id: running.id })).status).toBe('QUEUED');

    const second = jobs();
    const done = finished(jobId);
    await second.recover();
    const job = await done;
    expect(job.status).toBe('SUCCEEDED');
    const runs = await trialRuns(jobId);
    expect(runs.map((r) => [r.groupLabel, r.status])).toEqual([
      ['trial 1', 'SUCCEEDED'],
      ['trial 2', 'SUCCEEDED'],
    ]);
    expect(runs[1].id).toBe(running.id);
    const result = job.result as unknown as SweepView;
    expect(result.trials.map((t) => [t.runId, t.status, t.epochs])).toEqual([
      [runs[0].id, 'completed', 12],
      [runs[1].id, 'completed', 12],
    ]);
  });

  it('cancelling the sweep cancels its running trial and starts no other', async () => {
    const j = jobs();
    const jobId = await startSweep(j);
    const running = await trialRunning(jobId, 'trial 1');
    const done = finished(jobId);
    const cancelled = await j.cancelJob(bed.db.fork(), jobId);
    expect(cancelled.ok).toBe(true);
    expect((await done).status).toBe('CANCELLED');
    const runs = await trialRuns(jobId);
    expect(runs.map((r) => [r.id, r.status])).toEqual([[running.id, 'CANCELLED']]);
  });

  it('refuses bad sweeps before anything is queued, naming the field', async () => {
    const j = jobs();
    const refused = async (extra: JsonObject) => {
      const outcome = await j.startJob(bed.db.fork(), {
        projectId: bed.projectId,
        kind: 'SWEEP',
        params: { datasetId: bed.datasetId, ...SWEEP, ...extra } as unknown as JsonObject,
      });
      if (outcome.ok) throw new Error('accepted');
      return outcome.errors.map((e) => [e.field, e.code, e.message]);
    };
    expect(await refused({ space: { momentum: [0.9] } })).toEqual([
      [
        'space.momentum',
        'INVALID_OPTIONS',
        'space.momentum: not a parameter of deepbind; sweepable: learningRate, batchSize, config.filters, config.kernelSize, config.hiddenUnits, config.dropout',
      ],
    ]);
    expect(await refused({ maxTrials: 51 })).toEqual([
      ['maxTrials', 'INVALID_OPTIONS', 'maxTrials must be at most 50; got 51'],
    ]);
    const big = {
      'config.filters': [4, 8, 16, 32, 64, 128, 256, 512],
      learningRate: [1, 2, 3, 4, 5, 6, 7].map((x) => x / 100),
    };
    expect(await refused({ space: big })).toEqual([
      [
        'maxTrials',
        'INVALID_OPTIONS',
        'the grid has 56 points and a sweep runs at most 50 trials: set maxTrials or narrow the space',
      ],
    ]);
    const [architecture] = await refused({ architecture: 'mlp' });
    expect(architecture.slice(0, 2)).toEqual(['architecture', 'INCOMPATIBLE_ARCHITECTURE']);
    expect(await refused({ earlyStop: { afterEpochs: 0 } })).toEqual([
      [
        'earlyStop.afterEpochs',
        'OUT_OF_RANGE',
        'earlyStop.afterEpochs must be an integer from 1 to 1000; got 0',
      ],
    ]);
    expect(await refused({ datasetId: 'nope' })).toEqual([
      ['datasetId', 'NOT_FOUND', 'no dataset with id "nope"'],
    ]);
    expect(await bed.db.fork().count(Job, {})).toBe(0);
    expect(await bed.db.fork().count(Run, {})).toBe(0);
  });
});
