import { describe, expect, it } from 'vitest';
import type { TrainingProgress } from '../graphql/types.ts';
import type { LiveState } from '../live/progress-reducer.ts';
import { initialLiveState } from '../live/progress-reducer.ts';
import { displayStatus, isActive, progressView } from './progress-view.ts';

const event = (e: Partial<TrainingProgress>): TrainingProgress => ({
  runId: 'r1',
  status: 'RUNNING',
  epoch: 3,
  epochs: 6,
  batch: 5,
  batches: 20,
  loss: 0.4,
  metrics: [],
  samplesPerSecond: 1500,
  etaSeconds: 90,
  done: false,
  probeAttributions: null,
  ...e,
});
const withLatest = (latest: TrainingProgress, epochs: number[] = []): LiveState => ({
  ...initialLiveState,
  epochs: epochs.map((epoch) => ({
    epoch,
    metrics: {},
    samplesPerSecond: null,
    seconds: null,
    stored: false,
  })),
  latest,
});
const running = { status: 'RUNNING', epochs: 6, currentEpoch: 2 } as const;

describe('progressView', () => {
  it('counts finished epochs and the batches of the epoch under way', () => {
    expect(progressView(running, withLatest(event({})))).toEqual({
      epochsDone: 2,
      epochs: 6,
      batch: 5,
      batches: 20,
      fraction: 2.25 / 6,
      samplesPerSecond: 1500,
      etaSeconds: 90,
    });
  });

  it('trusts live epochs newer than the queried run', () => {
    const view = progressView(running, withLatest(event({ epoch: 5, batch: 10 }), [1, 2, 3]));
    expect([view.epochsDone, view.batch, view.fraction]).toEqual([4, 10, 4.5 / 6]);
  });

  it('shows only the stored numbers before any live event', () => {
    const view = progressView({ status: 'QUEUED', epochs: 6, currentEpoch: 0 }, initialLiveState);
    expect(view).toEqual({
      epochsDone: 0,
      epochs: 6,
      batch: null,
      batches: null,
      fraction: 0,
      samplesPerSecond: null,
      etaSeconds: null,
    });
  });

  it('drops batch, rate and ETA once the run is done', () => {
    const done = event({ epoch: 6, batch: null, batches: null, done: true, status: 'SUCCEEDED' });
    const view = progressView({ ...running, currentEpoch: 6 }, withLatest(done, [6]));
    expect(view).toMatchObject({
      epochsDone: 6,
      batch: null,
      fraction: 1,
      samplesPerSecond: null,
      etaSeconds: null,
    });
    const ended = progressView(
      { status: 'CANCELLED', epochs: 6, currentEpoch: 3 },
      withLatest(event({ epoch: 4 })),
    );
    expect(ended).toMatchObject({ epochsDone: 3, batch: null, fraction: 0.5, etaSeconds: null });
  });
});

describe('displayStatus', () => {
  it('prefers the live status while the queried run is active, the query after it ended', () => {
    expect(displayStatus('QUEUED', withLatest(event({ status: 'RUNNING' })))).toBe('RUNNING');
    expect(displayStatus('RUNNING', withLatest(event({ status: 'SUCCEEDED', done: true })))).toBe(
      'SUCCEEDED',
    );
    expect(displayStatus('FAILED', withLatest(event({ status: 'RUNNING' })))).toBe('FAILED');
    expect(displayStatus('RUNNING', initialLiveState)).toBe('RUNNING');
  });

  it('calls only QUEUED and RUNNING active', () => {
    expect(
      ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'].map((s) => isActive(s as never)),
    ).toEqual([true, true, false, false, false]);
  });
});
