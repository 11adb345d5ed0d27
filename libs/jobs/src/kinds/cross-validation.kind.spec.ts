import { describe, expect, it } from 'vitest';
import { Job } from '@strand/data';
import type { JsonObject } from '@strand/data';
import type { JobProgressEvent } from '../events/event-bus.ts';
import type { Jobs } from '../strand-jobs.ts';
import { useJobsTestbed } from '../platform/testing/jobs-testbed.ts';

const bed = useJobsTestbed({ sequences: 200, length: 40, seed: 4 });

const CV = {
  architecture: 'deepbind',
  config: { filters: 8, kernelSize: 8, hiddenUnits: 8 },
  folds: 4,
  epochs: 40,
  batchSize: 16,
  learningRate: 0.02,
  seed: 5,
};

const jobs = (): Jobs => bed.jobs();

async function startCv(j: Jobs, extra: JsonObject = {}): Promise<string> {
  const outcome = await j.startJob(bed.db.fork(), {
    projectId: bed.projectId,
    kind: 'CROSS_VALIDATION',
    params: { datasetId: bed.datasetId, ...CV, ...extra } as unknown as JsonObject,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value.id;
}

/** The first progress event of the job that satisfies `until` (listening from the call). */
async function progressed(
  jobId: string,
  until: (event: JobProgressEvent) => boolean,
): Promise<JobProgressEvent> {
  for await (const event of bed.bus.subscribe('JOB_PROGRESS', jobId))
    if (until(event)) return event;
  throw new Error('event stream ended');
}

const stored = (id: string) => bed.db.fork().findOneOrFail(Job, { id });

describe('CROSS_VALIDATION jobs', () => {
  it('reports progress in folds and epochs, and a cancel stops it mid-fold', async () => {
    const j = jobs();
    const jobId = await startCv(j);
    const running = await progressed(jobId, (e) => e.progress.done >= 2);
    expect(running.progress).toMatchObject({ total: 160, unit: 'epochs' });
    expect(running.progress.message).toMatch(/^fold 1\/4, epoch \d+\/40$/);
    const asked = Date.now();
    const done = progressed(jobId, (e) => e.done);
    expect((await j.cancelJob(bed.db.fork(), jobId)).ok).toBe(true);
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
