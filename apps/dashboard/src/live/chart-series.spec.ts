import { describe, expect, it } from 'vitest';
import { groupSeries } from './chart-series.ts';
import type { LiveState } from './progress-reducer.ts';

const state: LiveState = {
  epochs: [
    {
      epoch: 1,
      metrics: { loss: 0.6, val_loss: 0.62, val_auroc: 0.7 },
      samplesPerSecond: 1,
      seconds: 1,
      stored: true,
    },
    {
      epoch: 2,
      metrics: { loss: 0.4, val_auroc: 0.9, val_auprc: 0.88 },
      samplesPerSecond: 1,
      seconds: null,
      stored: false,
    },
  ],
  batches: [{ x: 1.5, loss: 0.45 }],
  latest: null,
};

describe('groupSeries', () => {
  it('gives the loss chart loss and val_loss per epoch (gaps as NaN) and the batch loss thin', () => {
    const group = {
      key: 'loss',
      title: 'Loss',
      scale: 'zero' as const,
      metrics: ['loss', 'val_loss'],
    };
    const [loss, valLoss, batch] = groupSeries(state, group);
    expect(loss).toMatchObject({
      name: 'loss',
      marker: 'circle',
      points: [
        { x: 1, y: 0.6 },
        { x: 2, y: 0.4 },
      ],
    });
    expect(valLoss?.name).toBe('val_loss');
    expect(valLoss?.marker).toBe('diamond');
    expect(valLoss?.points).toEqual([
      { x: 1, y: 0.62 },
      { x: 2, y: Number.NaN },
    ]);
    expect(batch).toMatchObject({ name: 'batch_loss', thin: true, points: [{ x: 1.5, y: 0.45 }] });
  });

  it('draws many per-class curves as lines, the first still with circles', () => {
    const metrics = Array.from({ length: 8 }, (_, c) => `val_auroc_c${c}`);
    const series = groupSeries(state, { key: 'auroc-c', title: '', scale: 'score', metrics });
    expect(series.map((s) => s.marker)).toEqual(['circle', ...new Array(7).fill('none')]);
    expect(new Set(series.slice(0, 7).map((s) => s.color)).size).toBe(7);
  });
});
