import { describe, expect, it } from 'vitest';
import { Job, Run } from '@strand/data';
import type { JobProgressEvent } from '../events/event-bus.ts';
import { useJobsTestbed } from '../platform/testing/jobs-testbed.ts';
import { createTrainingRun } from '../training/start-training.ts';

const bed = useJobsTestbed({ sequences: 200, length: 40, seed: 2 });

const RUN = {
  architecture: 'deepbind',
  epochs: 2,
  batchSize: 32,
  config: { filters: 8, kernelSize: 6, hiddenUnits: 8 },
};

const ids = () => ({ projectId: bed.projectId, datasetId: bed.datasetId });

/** The run's status once it is one of `statuses`. */
const runStatus = async (runId: () => string, statuses: string[]) =>
  (await bed.runStatus(runId, statuses)).status;

const trainJobsOf = (runId: string) => bed.db.fork().find(Job, { kind: 'TRAIN', run: runId });

describe('TRAIN jobs', () => {
  // (Batch events, sent every 250 ms, are too few in a run this small: training.api.spec.ts.)
  it("a run goes through the queue as a TRAIN job: its progress stream is the run's, its result names the run", async () => {
    const j = bed.jobs();
    let runId = '';
    const done = runStatus(() => runId, ['SUCCEEDED', 'FAILED']);
    const started = await j.startTraining(bed.db.fork(), { ...ids(), ...RUN });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    runId = started.value.id;
    const [job] = await trainJobsOf(runId);
    const progress: JobProgressEvent[] = [];
    const followed = (async () => {
      for await (const event of bed.bus.subscribe('JOB_PROGRESS', job!.id)) {
        progress.push(event as JobProgressEvent);
        if ((event as JobProgressEvent).done) return;
      }
    })();
    expect(await done).toBe('SUCCEEDED');
    await followed;
    await j.close();
    const [stored, ...others] = await trainJobsOf(runId);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      id: job!.id,
      status: 'SUCCEEDED',
      progress: { done: 2, total: 2, unit: 'epochs' },
    });
    expect(stored!.result).toMatchObject({ runId, epochs: 2 });
    expect(progress.some((e) => e.progress.unit === 'epochs' && e.progress.total === 2)).toBe(true);
    // Every event of a TRAIN job tells the run's training; none is a bare count.
    expect(progress.every((e) => e.training?.runId === runId)).toBe(true);
    const epochs = progress.filter((e) => !e.done && e.training!.batch === null);
    // Each epoch is an event of its own (never merged away by the throttle), counted as done.
    expect(epochs.map((e) => [e.training!.epoch, e.progress.done])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(epochs.every((e) => typeof e.training!.metrics?.loss === 'number')).toBe(true);
    // The last event carries the run's final state.
    const run = await bed.db.fork().findOneOrFail(Run, { id: runId });
    expect(progress.at(-1)).toMatchObject({
      status: 'SUCCEEDED',
      done: true,
      training: { runId, status: 'SUCCEEDED', epoch: 2, batch: null, metrics: run.finalMetrics },
    });
  });

  it('cancelling a run cancels its TRAIN job, queued at once or running after its batch', async () => {
    const j = bed.jobs();
    let first = '';
    const running = runStatus(() => first, ['RUNNING']);
    const a = await j.startTraining(bed.db.fork(), { ...ids(), ...RUN, epochs: 50 });
    const b = await j.startTraining(bed.db.fork(), { ...ids(), ...RUN });
    if (!a.ok || !b.ok) throw new Error('start');
    first = a.value.id;
    await running;
    // The second waits behind the first (one training slot): cancelled at once, with its job.
    const [jobB] = await trainJobsOf(b.value.id);
    const lastOfB = (async () => {
      for await (const event of bed.bus.subscribe('JOB_PROGRESS', jobB!.id))
        if (event.done) return event;
      throw new Error('the stream ended without a last event');
    })();
    const queued = await j.cancelRun(bed.db.fork(), b.value.id);
    expect(queued.ok && queued.value.status).toBe('CANCELLED');
    expect((await trainJobsOf(b.value.id)).map((x) => x.status)).toEqual(['CANCELLED']);
    // Its last event says so for the run too (the run is discarded before the event goes out).
    expect(await lastOfB).toMatchObject({
      status: 'CANCELLED',
      training: { runId: b.value.id, status: 'CANCELLED', epoch: 0, batch: null },
    });

    const stopped = runStatus(() => first, ['CANCELLED', 'SUCCEEDED', 'FAILED']);
    const [jobA] = await trainJobsOf(first);
    // Through the job, as the jobs page does: the run stops too.
    expect((await j.cancelJob(bed.db.fork(), jobA!.id)).ok).toBe(true);
    expect(await stopped).toBe('CANCELLED');
    await j.close();
    expect((await trainJobsOf(first)).map((x) => x.status)).toEqual(['CANCELLED']);
  });

  it('a run stored QUEUED without a job (made before training was a job) is adopted once at recovery', async () => {
    const em = bed.db.fork();
    const made = await createTrainingRun(em, { ...ids(), ...RUN }, bed.db);
    if (!made.ok) throw new Error('run');
    const runId = made.value.id;
    expect(await trainJobsOf(runId)).toEqual([]);
    const done = runStatus(() => runId, ['SUCCEEDED', 'FAILED']);
    const j = bed.jobs();
    await j.recover();
    expect(await done).toBe('SUCCEEDED');
    await j.close();
    const adopted = await trainJobsOf(runId);
    expect(adopted.map((x) => x.status)).toEqual(['SUCCEEDED']);
    expect((await bed.db.fork().findOneOrFail(Run, { id: runId })).currentEpoch).toBe(2);
  });
});
