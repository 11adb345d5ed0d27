import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LiveState } from '../live/progress-reducer.ts';
import { RunCharts } from './run-charts.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

const stateOf = (metrics: Record<string, number>[]): LiveState => ({
  epochs: metrics.map((m, i) => ({
    epoch: i + 1,
    metrics: m,
    samplesPerSecond: 1,
    seconds: 1,
    stored: true,
  })),
  batches: [],
  latest: null,
});

describe('RunCharts', () => {
  it('draws a multi-class run’s curves from the names it reports, not AUROC/AUPRC alone', () => {
    const epoch = (e: number) => ({
      loss: 1 / e,
      val_loss: 1.1 / e,
      val_accuracy: 0.5 + e / 10,
      val_macro_f1: 0.4 + e / 10,
      val_auroc: 0.6 + e / 20,
      val_auroc_c0: 0.7,
      val_auroc_c1: 0.65,
      val_auroc_c2: 0.6 + e / 20,
      val_confusion_0_0: 5,
      val_confusion_0_1: 1,
    });
    const html = renderToStaticMarkup(
      <RunCharts live={stateOf([epoch(1), epoch(2)])} epochs={3} />,
    );
    expect(all(html, /data-testid="([^"]+)"/g)).toEqual([
      'loss-chart',
      'classification-chart',
      'auroc-c-chart',
    ]);
    // Every series drawn has a line, and no confusion cell is a curve.
    const paths = all(html, /<path data-series="([^"]+)" class="series" d="([^"]*)"/g);
    expect(paths).not.toContain('val_confusion_0_0');
    expect(html).not.toMatch(/data-series="val_[^"]+" class="series" d=""/);
    expect(html).toContain('AUROC per class (one-vs-rest)');
  });

  it('draws a regression run’s error and correlation curves', () => {
    const epoch = {
      loss: 2,
      val_loss: 2.5,
      val_mse: 2.5,
      val_mae: 1.2,
      val_pearson: 0.3,
      val_r2: -0.4,
    };
    const html = renderToStaticMarkup(<RunCharts live={stateOf([epoch, epoch])} epochs={2} />);
    expect(all(html, /data-testid="([^"]+)"/g)).toEqual(['loss-chart', 'error-chart', 'fit-chart']);
    expect(html).toMatch(/<path data-series="val_r2" class="series" d="M/);
  });

  it('holds a place for the validation curves before the first epoch', () => {
    const html = renderToStaticMarkup(<RunCharts live={stateOf([])} epochs={2} />);
    expect(all(html, /data-testid="([^"]+)"/g)).toEqual(['loss-chart', 'validation-chart']);
  });
});
