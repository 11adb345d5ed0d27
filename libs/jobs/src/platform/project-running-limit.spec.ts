import { describe, expect, it } from 'vitest';
import { Job } from '@strand/data';
import type { RunStatusEvent } from '../events/event-bus.ts';
import { useJobsTestbed } from './testing/jobs-testbed.ts';

const bed = useJobsTestbed({ sequences: 120, length: 30, seed: 3 });

const RUN = {
  architecture: 'deepbind',
  epochs: 2,
  batchSize: 32,
  config: { filters: 8, kernelSize: 6, hiddenUnits: 8 },
};

describe("a project's running limit", () => {
  it('holds back a project’s second run without holding a slot: another project’s run goes first', async () => {
    // Two training slots, at most one running run per project.
    const jobs = bed.jobs({ concurrency: 2, projectRunningLimit: 1 });
    const a = { projectId: bed.projectId, datasetId: bed.datasetId };
    const b = await bed.project('lab-b');
    const ids = new Map<string, string>();
    const events: RunStatusEvent[] = [];
    const watching = (async () => {
      for await (const event of bed.bus.subscribe('RUN_STATUS') as AsyncIterable<RunStatusEvent>) {
        events.push(event);
        const finals = events.filter((e) => ['SUCCEEDED', 'FAILED'].includes(e.status));
        if (finals.length === 3) return;
      }
    })();
    const start = async (name: string, where: typeof a, epochs = RUN.epochs) => {
      const started = await jobs.startTraining(bed.db.fork(), { ...where, ...RUN, epochs });
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
    expect(order.filter((s) => s.endsWith('SUCCEEDED'))).toHaveLength(3);
    await jobs.close();
    const trainJobs = await bed.db.fork().find(Job, { kind: 'TRAIN' });
    expect(trainJobs.map((j) => j.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    // When each TRAIN job was admitted (marked RUNNING) and ended, by run.
    const job = (name: string) => {
      const found = trainJobs.find((j) => ids.get(j.run!.id) === name)!;
      return { started: found.startedAt!.getTime(), finished: found.finishedAt!.getTime() };
    };
    expect(job('a2').started).toBeGreaterThanOrEqual(job('a1').finished);
    // Lab B's run, queued last, was admitted while a1 trained and a2 waited: held back, a2 held
    // no slot. (Admission times, not the runs' RUNNING events: those wait for worker start-up.)
    expect(job('b1').started).toBeLessThan(job('a1').finished);
  });
});
