import { describe, expect, it } from 'vitest';
import { lossSeries, qualitySeries } from './chart-series.ts';
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

describe('lossSeries', () => {
  it('gives loss and val_loss per epoch (gaps as NaN) and the batch loss as a thin line', () => {
    const [loss, valLoss, batch] = lossSeries(state);
    expect(loss).toMatchObject({
      name: 'loss',
      marker: 'square',
      points: [
        { x: 1, y: 0.6 },
        { x: 2, y: 0.4 },
      ],
    });
    expect(valLoss?.name).toBe('val_loss');
    expect(valLoss?.points).toEqual([
      { x: 1, y: 0.62 },
      { x: 2, y: Number.NaN },
    ]);
    expect(batch).toMatchObject({ name: 'batch_loss', thin: true, points: [{ x: 1.5, y: 0.45 }] });
  });
});

describe('qualitySeries', () => {
  it('gives val_auroc with circles and val_auprc with another marker', () => {
    const [auroc, auprc] = qualitySeries(state);
    expect(auroc).toMatchObject({
      name: 'val_auroc',
      marker: 'circle',
      points: [
        { x: 1, y: 0.7 },
        { x: 2, y: 0.9 },
      ],
    });
    expect(auprc?.name).toBe('val_auprc');
    expect(auprc?.marker).not.toBe('circle');
    expect(auprc?.points).toEqual([
      { x: 1, y: Number.NaN },
      { x: 2, y: 0.88 },
    ]);
  });
});
