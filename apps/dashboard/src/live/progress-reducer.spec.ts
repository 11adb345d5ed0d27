import { describe, expect, it } from 'vitest';
import type { EpochMetrics, TrainingProgress } from '../graphql/types.ts';
import type { LiveState } from './progress-reducer.ts';
import { initialLiveState, liveReducer, MAX_BATCH_POINTS, thin } from './progress-reducer.ts';

const base = {
  runId: 'r1',
  status: 'RUNNING',
  epochs: 3,
  samplesPerSecond: 900,
  etaSeconds: 12,
  done: false,
  probeAttributions: null,
} as const;
const batchEvent = (epoch: number, batch: number, loss: number): TrainingProgress => ({
  ...base,
  epoch,
  batch,
  batches: 4,
  loss,
  metrics: [],
});
const epochEvent = (
  epoch: number,
  auroc: number,
  extra: Partial<TrainingProgress> = {},
): TrainingProgress => ({
  ...base,
  epoch,
  batch: null,
  batches: null,
  loss: 0.5,
  metrics: [
    { name: 'loss', value: 0.5 },
    { name: 'val_auroc', value: auroc },
  ],
  ...extra,
});
const stored = (epoch: number, auroc: number): EpochMetrics => ({
  epoch,
  metrics: [{ name: 'val_auroc', value: auroc }],
  samplesPerSecond: 800,
  seconds: 2.5,
});
const run = (state: LiveState, ...events: TrainingProgress[]) =>
  events.reduce((s, event) => liveReducer(s, { type: 'progress', event }), state);

describe('liveReducer', () => {
  it('keeps the latest epoch’s probe attributions; batch events and resends of older epochs leave them', () => {
    const probe = (epoch: number) => ({
      probe: 0,
      epoch,
      sequence: 'ACGT',
      output: epoch / 10,
      scores: Array(16).fill(epoch),
    });
    const withProbes = (epoch: number) =>
      epochEvent(epoch, 0.7, { probeAttributions: [probe(epoch)] });
    const state = run(initialLiveState, withProbes(1), batchEvent(2, 1, 0.4), withProbes(2));
    expect(state.probes).toEqual({ epoch: 2, attributions: [probe(2)] });
    expect(run(state, batchEvent(3, 1, 0.3), withProbes(1)).probes).toEqual(state.probes);
    expect(run(initialLiveState, epochEvent(1, 0.7)).probes).toBeNull();
  });

  it('turns stored history into epoch points sorted by epoch', () => {
    const state = liveReducer(initialLiveState, {
      type: 'history',
      history: [stored(2, 0.8), stored(1, 0.7)],
    });
    expect(state.epochs).toEqual([
      { epoch: 1, metrics: { val_auroc: 0.7 }, samplesPerSecond: 800, seconds: 2.5, stored: true },
      { epoch: 2, metrics: { val_auroc: 0.8 }, samplesPerSecond: 800, seconds: 2.5, stored: true },
    ]);
  });

  it('appends live epochs after the history, one entry per epoch', () => {
    let state = liveReducer(initialLiveState, { type: 'history', history: [stored(1, 0.7)] });
    state = run(state, epochEvent(1, 0.71), epochEvent(2, 0.85), epochEvent(2, 0.86));
    expect(state.epochs.map((p) => [p.epoch, p.metrics['val_auroc'], p.stored])).toEqual([
      [1, 0.7, true],
      [2, 0.86, false],
    ]);
    expect(state.epochs[1]).toMatchObject({ samplesPerSecond: 900, seconds: null });
  });

  it('lets a refetched history replace live epochs, keeping newer live ones', () => {
    let state = run(initialLiveState, epochEvent(1, 0.71), epochEvent(2, 0.85));
    state = liveReducer(state, { type: 'history', history: [stored(1, 0.7)] });
    expect(state.epochs.map((p) => [p.epoch, p.metrics['val_auroc'], p.seconds])).toEqual([
      [1, 0.7, 2.5],
      [2, 0.85, null],
    ]);
  });

  it('places batch losses at fractional epochs and remembers the latest event', () => {
    const last = batchEvent(2, 1, 0.4);
    const state = run(initialLiveState, batchEvent(1, 2, 0.69), batchEvent(1, 4, 0.6), last);
    expect(state.batches).toEqual([
      { x: 0.5, loss: 0.69 },
      { x: 1, loss: 0.6 },
      { x: 1.25, loss: 0.4 },
    ]);
    expect(state.latest).toBe(last);
    expect(state.epochs).toEqual([]);
  });

  it('draws no point for a batch event without a loss (the schema allows null)', () => {
    const noLoss = { ...batchEvent(1, 3, 0.5), loss: null };
    const state = run(initialLiveState, batchEvent(1, 2, 0.69), noLoss);
    expect(state.batches).toEqual([{ x: 0.5, loss: 0.69 }]);
    expect(state.latest).toBe(noLoss);
  });

  it('replaces batch points at or after a resent or restarted position', () => {
    const state = run(
      initialLiveState,
      batchEvent(1, 1, 0.7),
      batchEvent(1, 2, 0.6),
      batchEvent(1, 3, 0.5),
      batchEvent(1, 2, 0.55),
    );
    expect(state.batches).toEqual([
      { x: 0.25, loss: 0.7 },
      { x: 0.5, loss: 0.55 },
    ]);
  });

  it('ignores a batch event without a usable position or loss, but records it as latest', () => {
    const odd = { ...batchEvent(1, 1, Number.NaN) };
    const state = run(initialLiveState, odd, { ...batchEvent(1, 2, 0.5), batches: 0 });
    expect(state.batches).toEqual([]);
    expect(state.latest?.batches).toBe(0);
  });

  it('keeps the epochs of a final event that carries metrics, and only records an empty one', () => {
    const done = epochEvent(3, 0.9, { done: true, status: 'SUCCEEDED' });
    let state = run(initialLiveState, done);
    expect(state.epochs.map((p) => p.epoch)).toEqual([3]);
    state = run(state, { ...done, metrics: [], epoch: 3 });
    expect(state.epochs).toHaveLength(1);
    expect(state.latest?.metrics).toEqual([]);
  });

  it('does not change the state it is given', () => {
    const before = liveReducer(initialLiveState, { type: 'history', history: [stored(1, 0.7)] });
    const snapshot = structuredClone(before);
    run(before, epochEvent(1, 0.1), batchEvent(1, 1, 0.2));
    expect(before).toEqual(snapshot);
  });
});

describe('thin', () => {
  it('halves a series over the limit, keeping the first and last points', () => {
    const points = Array.from({ length: 6 }, (_, i) => ({ x: i, loss: i }));
    expect(thin(points, 5).map((p) => p.x)).toEqual([0, 2, 4, 5]);
    expect(thin(points.slice(0, 5), 5).map((p) => p.x)).toEqual([0, 1, 2, 3, 4]);
  });

  it('bounds a long live series', () => {
    const events = Array.from({ length: MAX_BATCH_POINTS + 1 }, (_, i) => ({
      ...batchEvent(1, i + 1, 0.5),
      batches: 5000,
    }));
    const state = run(initialLiveState, ...events);
    expect(state.batches.length).toBeLessThanOrEqual(MAX_BATCH_POINTS);
    expect(state.batches[state.batches.length - 1]?.x).toBe((MAX_BATCH_POINTS + 1) / 5000);
  });
});
