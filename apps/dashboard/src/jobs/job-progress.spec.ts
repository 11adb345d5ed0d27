import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../graphql/types.ts';
import { jobProgressView, latestProgress } from './job-progress.ts';

const progress = (p: Partial<JobProgress>): JobProgress => ({
  done: 120,
  total: 400,
  unit: 'variants',
  message: null,
  fraction: 0.3,
  ...p,
});

describe('jobProgressView', () => {
  it('counts done of total in the unit, with the message', () => {
    expect(jobProgressView(progress({ message: 'scoring' }), 'RUNNING')).toEqual({
      fraction: 0.3,
      count: '120/400 variants',
      message: 'scoring',
    });
  });

  it('shows bytes as sizes and an unknown total as a bare count without fill', () => {
    const bytes = progress({ done: 3400, total: 12_000_000, unit: 'bytes', fraction: null });
    expect(jobProgressView(bytes, 'RUNNING')).toMatchObject({
      count: '3.40 kB/12.0 MB',
      fraction: 3400 / 12_000_000,
    });
    const open = progress({ done: 1234, total: null, unit: 'records', fraction: null });
    expect(jobProgressView(open, 'RUNNING')).toEqual({
      fraction: null,
      count: '1,234 records',
      message: null,
    });
  });

  it('is full once the job succeeded, and clamps a fraction past the ends', () => {
    const stale = progress({ done: 0, total: 10, fraction: 0 });
    expect(jobProgressView(stale, 'SUCCEEDED').fraction).toBe(1);
    expect(jobProgressView(progress({ fraction: 1.2 }), 'RUNNING').fraction).toBe(1);
    expect(jobProgressView(progress({ fraction: 0.5 }), 'FAILED').fraction).toBe(0.5);
  });
});

describe('latestProgress', () => {
  const stored = { status: 'RUNNING' as const, progress: progress({ done: 10 }) };
  const live = { status: 'RUNNING' as const, progress: progress({ done: 200 }) };
  it('takes the live event while the stored job is active, the stored job once it ended', () => {
    expect(latestProgress(stored, live)).toBe(live);
    expect(latestProgress(stored, null)).toBe(stored);
    const ended = { status: 'SUCCEEDED' as const, progress: progress({ done: 400 }) };
    expect(latestProgress(ended, live)).toBe(ended);
  });
});
