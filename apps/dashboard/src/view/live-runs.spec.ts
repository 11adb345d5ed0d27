import { describe, expect, it } from 'vitest';
import { epochOfEvent, withLiveEpoch } from './live-runs.ts';

const m = (values: Record<string, number>) =>
  Object.entries(values).map(([name, value]) => ({ name, value }));

const row = {
  id: 'r1',
  currentEpoch: 2,
  metrics: m({ loss: 0.5, val_loss: 0.4 }),
  bestEpoch: {
    monitor: 'val_loss',
    mode: 'min',
    epoch: 2,
    metrics: m({ loss: 0.5, val_loss: 0.4 }),
  },
};

describe('live runs', () => {
  it('takes only an epoch’s end from the progress stream', () => {
    const base = { epoch: 3, batch: null, done: false, metrics: m({ loss: 0.3 }) };
    expect(epochOfEvent(base)).toEqual({ epoch: 3, metrics: m({ loss: 0.3 }) });
    expect(epochOfEvent({ ...base, batch: 4 })).toBeNull();
    expect(epochOfEvent({ ...base, done: true })).toBeNull();
    expect(epochOfEvent({ ...base, metrics: null })).toBeNull();
  });

  it('moves a row to a newer epoch, and its best epoch when the monitored metric improved', () => {
    const better = withLiveEpoch(row, { epoch: 3, metrics: m({ loss: 0.3, val_loss: 0.35 }) });
    expect(better).toMatchObject({ id: 'r1', currentEpoch: 3, bestEpoch: { epoch: 3 } });
    expect(better.metrics).toEqual(m({ loss: 0.3, val_loss: 0.35 }));
    const worse = withLiveEpoch(row, { epoch: 3, metrics: m({ loss: 0.2, val_loss: 0.45 }) });
    expect(worse.currentEpoch).toBe(3);
    expect(worse.bestEpoch).toBe(row.bestEpoch);
  });

  it('keeps the stored row when the live epoch is not newer (the query already has it)', () => {
    expect(withLiveEpoch(row, { epoch: 2, metrics: m({ loss: 9 }) })).toBe(row);
    expect(withLiveEpoch(row, undefined)).toBe(row);
  });

  it('gives a run its first best epoch from the first live one', () => {
    const fresh = { currentEpoch: 0, metrics: [], bestEpoch: null };
    expect(withLiveEpoch(fresh, { epoch: 1, metrics: m({ loss: 0.7 }) }).bestEpoch).toEqual({
      monitor: 'loss',
      mode: 'min',
      epoch: 1,
      metrics: m({ loss: 0.7 }),
    });
  });
});
