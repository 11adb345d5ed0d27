import { describe, expect, it } from 'vitest';
import type { JobRun, TrainingProgress } from '../graphql/types.ts';
import { isPruned, trialNewsReducer, trialNumber, trialRows } from './sweep-trials.ts';
import type { TrialNews } from './sweep-trials.ts';

const run = (id: string, trial: number, over: Partial<JobRun> = {}): JobRun => ({
  id,
  status: 'QUEUED',
  architecture: 'deepbind',
  currentEpoch: 0,
  epochs: 3,
  learningRate: 0.001,
  batchSize: 32,
  metrics: [],
  tags: [],
  groupLabel: `trial ${trial}`,
  ...over,
});

const progress = (over: Partial<TrainingProgress>): TrainingProgress => ({
  runId: 'r1',
  status: 'RUNNING',
  epoch: 1,
  epochs: 3,
  batch: null,
  batches: null,
  loss: 0.5,
  metrics: [],
  samplesPerSecond: null,
  etaSeconds: null,
  done: false,
  probeAttributions: null,
  ...over,
});

describe('trial labels', () => {
  it('reads the trial number and the pruned mark the sweep writes', () => {
    expect(trialNumber('trial 3')).toBe(3);
    expect(trialNumber('trial 12 (pruned)')).toBe(12);
    expect(trialNumber('fold 1')).toBeNull();
    expect(trialNumber(null)).toBeNull();
    expect(isPruned({ groupLabel: 'trial 2 (pruned)', tags: [] })).toBe(true);
    expect(isPruned({ groupLabel: 'trial 2', tags: ['pruned'] })).toBe(true);
    expect(isPruned({ groupLabel: 'trial 2', tags: ['best'] })).toBe(false);
  });
});

describe('a running sweep’s trial table', () => {
  it('follows status changes and adds trials started after the page loaded', () => {
    // The page loaded when trial 1 was queued; since then trials 1 and 2 ran and 3 started.
    const base = [run('r1', 1)];
    let news: TrialNews = {};
    const events: JobRun[] = [
      run('r1', 1, { status: 'RUNNING' }),
      run('r1', 1, { status: 'SUCCEEDED', currentEpoch: 3 }),
      run('r2', 2, { status: 'QUEUED' }),
      run('r2', 2, { status: 'CANCELLED', groupLabel: 'trial 2 (pruned)', tags: ['pruned'] }),
      run('r3', 3, { status: 'RUNNING' }),
    ];
    // Out of order on purpose: trial 3's news comes before trial 2's.
    for (const e of [events[0], events[1], events[4], events[2], events[3]]) {
      news = trialNewsReducer(news, { type: 'run', run: e! }, base);
    }
    const rows = trialRows(base, news);
    expect(rows.map((r) => [r.trial, r.trialStatus])).toEqual([
      [1, 'SUCCEEDED'],
      [2, 'PRUNED'],
      [3, 'RUNNING'],
    ]);
  });

  it('moves a trial’s epoch and metrics with its training progress', () => {
    const base = [run('r1', 1, { status: 'RUNNING' })];
    let news = trialNewsReducer(
      {},
      { type: 'progress', event: progress({ batch: 4, batches: 10 }) },
      base,
    );
    expect(trialRows(base, news)[0]!.currentEpoch).toBe(0);
    const metrics = [{ name: 'val_auroc', value: 0.75 }];
    news = trialNewsReducer(
      news,
      { type: 'progress', event: progress({ epoch: 1, metrics }) },
      base,
    );
    news = trialNewsReducer(
      news,
      { type: 'progress', event: progress({ epoch: 2, batch: 1, batches: 10 }) },
      base,
    );
    const row = trialRows(base, news)[0]!;
    expect(row.currentEpoch).toBe(1);
    expect(row.metrics).toEqual(metrics);
    // Progress of a run the page has not seen is left to runStatusChanged.
    expect(
      trialNewsReducer(news, { type: 'progress', event: progress({ runId: 'other' }) }, base),
    ).toBe(news);
  });

  it('keeps a pruned trial PRUNED whatever status its late cancel left', () => {
    const base = [run('r1', 1, { status: 'SUCCEEDED', groupLabel: 'trial 1 (pruned)' })];
    expect(trialRows(base, {})[0]!.trialStatus).toBe('PRUNED');
    expect(trialRows(base, {})[0]!.status).toBe('SUCCEEDED');
  });

  it('forgets the news when the job is read again', () => {
    const news = trialNewsReducer({}, { type: 'run', run: run('r9', 9) });
    expect(trialNewsReducer(news, { type: 'reset' })).toEqual({});
  });
});
