import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LineChart } from './line-chart.tsx';
import type { ChartSeries } from './series.ts';

const auroc: ChartSeries = {
  name: 'val_auroc',
  label: 'val_auroc',
  color: '#d55e00',
  marker: 'circle',
  points: [
    { x: 1, y: 0.61 },
    { x: 2, y: Number.NaN },
    { x: 3, y: 0.88 },
  ],
};
const auprc: ChartSeries = {
  name: 'val_auprc',
  label: 'val_auprc',
  color: '#009e73',
  marker: 'diamond',
  points: [{ x: 1, y: 0.6 }],
};
const batch: ChartSeries = {
  name: 'batch_loss',
  label: 'batch',
  color: '#56b4e9',
  points: [],
  thin: true,
};

const render = (series: ChartSeries[], emptyText?: string) =>
  renderToStaticMarkup(
    <LineChart
      testId="auroc-chart"
      title="Validation AUROC / AUPRC"
      series={series}
      xDomain={[0, 6]}
      yDomain={[0.5, 1]}
      xLabel="epoch"
      integerX
      emptyText={emptyText}
    />,
  );

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

describe('LineChart', () => {
  it('draws one path per series, named by data-series, even when a series is empty', () => {
    const html = render([auroc, auprc, batch]);
    expect(html).toContain('data-testid="auroc-chart"');
    expect(all(html, /<path data-series="([^"]+)"/g)).toEqual([
      'val_auroc',
      'val_auprc',
      'batch_loss',
    ]);
    expect(html).toMatch(/<path data-series="batch_loss" class="series thin" d=""/);
  });

  it('marks each plotted point of a circle series with data-epoch, skipping gaps', () => {
    const html = render([auroc, auprc]);
    expect(all(html, /<circle data-epoch="(\d+)"/g)).toEqual(['1', '3']);
    // Other series use other shapes, so circles count val_auroc's epochs only.
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html.match(/<polygon/g)).toHaveLength(1);
    expect(html).toContain('<title>val_auroc, epoch 3: 0.8800</title>');
  });

  it('labels integer x ticks and y ticks with fitting decimals', () => {
    const html = render([auroc]);
    const labels = all(html, /<text[^>]*>([^<]+)<\/text>/g);
    expect(labels).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
      '1.0',
      'epoch',
    ]);
  });

  it('shows the empty text and a legend entry per series while there is no data', () => {
    const html = render([{ ...auroc, points: [] }, batch], 'Waiting for the first epoch…');
    expect(html).toContain('Waiting for the first epoch…');
    expect(all(html, /<li><span[^>]*><\/span>([^<]+)<\/li>/g)).toEqual(['val_auroc', 'batch']);
  });
});
