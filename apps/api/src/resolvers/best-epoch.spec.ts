import { describe, expect, it } from 'vitest';
import { bestEpoch, modeOf } from './best-epoch.ts';

const epochs = (values: Record<string, number>[]) =>
  values.map((metrics, i) => ({ epoch: i + 1, metrics }));

describe('bestEpoch', () => {
  it('picks the lowest val_loss, not the last epoch, and the earlier of a tie', () => {
    const history = epochs([
      { loss: 0.9, val_loss: 0.7 },
      { loss: 0.6, val_loss: 0.5 },
      { loss: 0.4, val_loss: 0.5 },
      { loss: 0.2, val_loss: 0.8 },
    ]);
    expect(bestEpoch(history)).toEqual({ monitor: 'val_loss', mode: 'min', epoch: 2 });
  });

  it('falls back to loss without validation, and takes the highest of a score', () => {
    expect(bestEpoch(epochs([{ loss: 0.5 }, { loss: 0.4 }, { loss: 0.45 }]))?.epoch).toBe(2);
    const scored = epochs([{ val_auroc: 0.7 }, { val_auroc: 0.9 }, { val_auroc: 0.8 }]);
    expect(bestEpoch(scored, 'val_auroc')).toEqual({ monitor: 'val_auroc', mode: 'max', epoch: 2 });
  });

  it('skips undefined values and is null when nothing is defined', () => {
    expect(bestEpoch(epochs([{ val_loss: Number.NaN }, { val_loss: 0.3 }]))?.epoch).toBe(2);
    expect(bestEpoch([])).toBeNull();
    expect(bestEpoch(epochs([{ val_auroc: 0.5 }]), 'val_loss')).toBeNull();
  });

  it('knows which way a metric improves', () => {
    expect(['val_loss', 'val_mse', 'val_counts_mae', 'loss'].map(modeOf)).toEqual([
      'min',
      'min',
      'min',
      'min',
    ]);
    expect(['val_auroc', 'val_accuracy', 'val_r2', 'val_pearson'].map(modeOf)).toEqual([
      'max',
      'max',
      'max',
      'max',
    ]);
  });
});
