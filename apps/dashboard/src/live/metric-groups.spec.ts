import { describe, expect, it } from 'vitest';
import { metricGroups, parseMetricName, tableMetrics } from './metric-groups.ts';

const shape = (names: string[]) =>
  metricGroups(names).map((g) => [g.key, g.title, g.scale, g.metrics]);

describe('parseMetricName', () => {
  it('takes heads, per-class and per-task suffixes apart', () => {
    expect(parseMetricName('val_auroc')).toEqual({
      head: null,
      metric: 'auroc',
      per: null,
      index: null,
    });
    expect(parseMetricName('val_auroc_c10')).toMatchObject({
      metric: 'auroc',
      per: 'c',
      index: 10,
    });
    expect(parseMetricName('val_counts_pearson_t2')).toEqual({
      head: 'counts',
      metric: 'pearson',
      per: 't',
      index: 2,
    });
    expect(parseMetricName('val_macro_f1')).toMatchObject({ head: null, metric: 'macro_f1' });
    expect(parseMetricName('val_profile_loss')).toMatchObject({ head: 'profile', metric: 'loss' });
    expect(parseMetricName('loss')).toBeNull();
    expect(parseMetricName('val_wobble')).toBeNull();
  });
});

describe('metricGroups', () => {
  it('gives a binary run its loss and AUROC / AUPRC / accuracy charts', () => {
    expect(shape(['loss', 'val_loss', 'val_auroc', 'val_auprc', 'val_accuracy'])).toEqual([
      ['loss', 'Loss', 'zero', ['loss', 'val_loss']],
      [
        'classification',
        'Validation AUROC / AUPRC / accuracy',
        'score',
        ['val_auroc', 'val_auprc', 'val_accuracy'],
      ],
    ]);
  });

  it('gives a multi-class run per-class AUROC, and no curves of confusion cells', () => {
    const names = ['loss', 'val_loss', 'val_accuracy', 'val_macro_f1', 'val_auroc'];
    for (let c = 0; c < 11; c++) names.push(`val_auroc_c${c}`);
    for (let a = 0; a < 3; a++) for (let p = 0; p < 3; p++) names.push(`val_confusion_${a}_${p}`);
    const groups = metricGroups(names);
    expect(groups.map((g) => g.key)).toEqual(['loss', 'classification', 'auroc-c']);
    expect(groups[2]!.title).toBe('AUROC per class (one-vs-rest)');
    // Class order by index: c2 before c10.
    expect(groups[2]!.metrics.slice(0, 3)).toEqual([
      'val_auroc_c0',
      'val_auroc_c1',
      'val_auroc_c2',
    ]);
    expect(groups[2]!.metrics.at(-1)).toBe('val_auroc_c10');
    expect(groups.flatMap((g) => g.metrics).filter((n) => n.includes('confusion'))).toEqual([]);
  });

  it('gives a regression run error and correlation charts, and per-task ones', () => {
    const names = [
      'loss',
      'val_loss',
      'val_mse',
      'val_mae',
      'val_pearson',
      'val_spearman',
      'val_r2',
    ];
    names.push('val_pearson_t1', 'val_pearson_t2', 'val_r2_t1', 'val_r2_t2');
    expect(shape(names)).toEqual([
      ['loss', 'Loss', 'zero', ['loss', 'val_loss']],
      ['error', 'Validation error (MSE / MAE)', 'zero', ['val_mse', 'val_mae']],
      ['fit', 'Validation correlation / R²', 'fit', ['val_pearson', 'val_spearman', 'val_r2']],
      ['pearson-t', 'Pearson r per task', 'fit', ['val_pearson_t1', 'val_pearson_t2']],
      ['r2-t', 'R² per task', 'fit', ['val_r2_t1', 'val_r2_t2']],
    ]);
  });

  it('gives a profile (BPNet) run its heads’ losses and each head’s metrics', () => {
    const names = ['loss', 'val_loss', 'val_profile_loss', 'val_profile_pearson'];
    names.push('val_profile_spearman', 'val_counts_loss', 'val_counts_mse', 'val_counts_pearson');
    expect(shape(names)).toEqual([
      ['loss', 'Loss', 'zero', ['loss', 'val_loss']],
      ['head-loss', 'Validation loss by head', 'zero', ['val_profile_loss', 'val_counts_loss']],
      [
        'profile-fit',
        'profile: Validation correlation / R²',
        'fit',
        ['val_profile_pearson', 'val_profile_spearman'],
      ],
      ['counts-error', 'counts: Validation error (MSE / MAE)', 'zero', ['val_counts_mse']],
      ['counts-fit', 'counts: Validation correlation / R²', 'fit', ['val_counts_pearson']],
    ]);
  });

  it('gives an autoencoder (reconstruction) run its error and R² charts', () => {
    expect(
      metricGroups(['loss', 'val_loss', 'val_mse', 'val_mae', 'val_r2']).map((g) => g.key),
    ).toEqual(['loss', 'error', 'fit']);
  });

  it('still charts a metric of no known shape', () => {
    expect(shape(['loss', 'val_loss', 'val_wobble'])).toContainEqual([
      'other',
      'Other metrics',
      'free',
      ['val_wobble'],
    ]);
  });
});

describe('tableMetrics', () => {
  it('lists the summary values, not the per-class curves or confusion cells', () => {
    const names = ['val_auroc_c0', 'val_confusion_0_0', 'val_accuracy', 'loss', 'val_loss'];
    expect(tableMetrics(names)).toEqual(['loss', 'val_loss', 'val_accuracy']);
  });
});
