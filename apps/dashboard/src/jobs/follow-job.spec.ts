import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../graphql/types.ts';
import { followJob } from './follow-job.ts';
import type { JobSource, JobState } from './follow-job.ts';

const progress = (done: number, total = 10): JobProgress => ({
  done,
  total,
  unit: 'records',
  message: null,
  fraction: done / total,
});

type Job = JobState & { error: string | null };

/** A source whose stored job the spec sets, with live events it sends by hand. */
function fakeSource(initial: Job) {
  let stored = initial;
  let listener: ((e: JobState & { done: boolean }) => void) | null = null;
  let reads = 0;
  let unsubscribed = false;
  const source: JobSource<Job> = {
    read: async () => {
      reads++;
      return stored;
    },
    subscribe: (onEvent) => {
      listener = onEvent;
      return () => {
        unsubscribed = true;
      };
    },
  };
  return {
    source,
    store: (job: Job) => (stored = job),
    send: (e: JobState & { done: boolean }) => listener?.(e),
    get reads() {
      return reads;
    },
    get unsubscribed() {
      return unsubscribed;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('followJob', () => {
  it('reports live progress and resolves with the stored job after the last event', async () => {
    const fake = fakeSource({ status: 'QUEUED', progress: progress(0), error: null });
    const seen: number[] = [];
    const followed = followJob(fake.source, (s) => seen.push(s.progress.done), 60_000);
    await tick();
    fake.send({ status: 'RUNNING', progress: progress(4), done: false });
    // A poll would show older stored progress: it no longer overrides the live one.
    fake.store({ status: 'SUCCEEDED', progress: progress(10), error: null });
    fake.send({ status: 'SUCCEEDED', progress: progress(10), done: true });
    await expect(followed).resolves.toMatchObject({ status: 'SUCCEEDED' });
    expect(seen).toEqual([0, 4, 10, 10]);
    expect(fake.unsubscribed).toBe(true);
  });

  it('finds the end by polling when the last event was lost', async () => {
    const fake = fakeSource({ status: 'RUNNING', progress: progress(2), error: null });
    const followed = followJob(fake.source, () => undefined, 10);
    await tick();
    fake.store({ status: 'FAILED', progress: progress(3), error: 'bad.tsv:2: no' });
    await expect(followed).resolves.toEqual({
      status: 'FAILED',
      progress: progress(3),
      error: 'bad.tsv:2: no',
    });
    expect(fake.reads).toBeGreaterThan(1);
  });

  it('rejects when the job cannot be read', async () => {
    const source: JobSource<Job> = {
      read: () => Promise.reject(new Error('no job with id "x"')),
      subscribe: () => () => undefined,
    };
    await expect(followJob(source, () => undefined)).rejects.toThrow('no job with id "x"');
  });
});
