import { describe, expect, it } from 'vitest';
import type { Comparison } from './compare.ts';
import {
  compareDomain,
  compareSeries,
  defaultMetric,
  finalMetricRows,
  lowerIsBetter,
  paramCell,
  plottableMetrics,
} from './compare.ts';

const run = (id: string, metrics: Record<string, number>) => ({
  id,
  status: 'SUCCEEDED' as const,
  architecture: 'deepbind',
  epochs: 3,
  currentEpoch: 3,
  createdAt: '2026-12-01T00:00:00Z',
  dataset: { id: 'd', name: 'demo' },
  metrics: Object.entries(metrics).map(([name, value]) => ({ name, value })),
});

const comparison: Comparison = {
  runs: [
    run('aaaaaaaa-1', { val_loss: 0.4, val_auroc: 0.9, val_confusion_0_0: 3 }),
    run('bbbbbbbb-2', { val_loss: 0.3, val_auroc: 0.9 }),
    run('cccccccc-3', { val_loss: 0.5 }),
  ],
  metricNames: ['val_auroc', 'val_confusion_0_0', 'val_loss'],
  epochs: [
    {
      epoch: 1,
      metrics: [
        { name: 'val_loss', values: [0.6, 0.5, 0.7] },
        { name: 'val_auroc', values: [0.7, 0.8, null] },
      ],
    },
    { epoch: 2, metrics: [{ name: 'val_loss', values: [0.4, 0.3, null] }] },
  ],
  params: [],
};

describe('compare', () => {
  it('plots every metric but confusion cells; val_loss first when there is one', () => {
    const names = plottableMetrics(comparison.metricNames);
    expect(names).toEqual(['val_auroc', 'val_loss']);
    expect(defaultMetric(names)).toBe('val_loss');
    expect(defaultMetric(['val_pearson'])).toBe('val_pearson');
    expect(defaultMetric([])).toBeNull();
  });

  it('one series per run, epochs on x, a gap where a run has no value', () => {
    const series = compareSeries(comparison, 'val_loss');
    expect(series.map((s) => s.label)).toEqual([
      '#1 deepbind aaaaaaaa',
      '#2 deepbind bbbbbbbb',
      '#3 deepbind cccccccc',
    ]);
    expect(series[2].points).toEqual([
      { x: 1, y: 0.7 },
      { x: 2, y: Number.NaN },
    ]);
    expect(new Set(series.map((s) => s.color)).size).toBe(3);
    const auroc = compareSeries(comparison, 'val_auroc');
    expect(auroc[0].points).toEqual([
      { x: 1, y: 0.7 },
      { x: 2, y: Number.NaN },
    ]);
    expect(compareDomain('val_loss', series)[0]).toBe(0);
    expect(compareDomain('val_auroc', auroc)[0]).toBeGreaterThan(0);
  });

  it('final metrics side by side, the best marked (lowest loss, highest score, ties all)', () => {
    expect(lowerIsBetter('val_profile_loss')).toBe(true);
    expect(lowerIsBetter('val_mae')).toBe(true);
    expect(lowerIsBetter('val_auroc')).toBe(false);
    expect(finalMetricRows(comparison.runs)).toEqual([
      { name: 'val_loss', values: [0.4, 0.3, 0.5], best: [1] },
      { name: 'val_auroc', values: [0.9, 0.9, null], best: [] },
    ]);
    const rows = finalMetricRows([run('a', { val_auroc: 0.9 }), run('b', { val_auroc: 0.8 })]);
    expect(rows[0].best).toEqual([0]);
  });

  it('shows differing parameter values as people read them', () => {
    expect(paramCell('"basset"')).toBe('basset');
    expect(paramCell('0.001')).toBe('0.001');
    expect(paramCell('{"a":1}')).toBe('{"a":1}');
    expect(paramCell(null)).toBe('—');
  });
});
