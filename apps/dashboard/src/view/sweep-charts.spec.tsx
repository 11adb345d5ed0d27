import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SweepCharts } from '../components/sweep-charts-view.tsx';
import { parseSweepResult } from '../jobs/sweep-result.ts';
import type { SweepResultView } from '../jobs/sweep-result.ts';
import { parallelCoordinates, trialCurveDomains, trialCurveSeries } from './sweep-charts.ts';

/** A sweep result as the SWEEP job stores it (curves with a null for an undefined epoch). */
const sweep = (direction = 'maximize'): SweepResultView =>
  parseSweepResult({
    metric: 'val_auroc',
    direction,
    method: 'grid',
    trials: [
      {
        trial: 1,
        runId: 'r1',
        params: { learningRate: 0.1, batchSize: 32, optimizer: 'adam' },
        status: 'completed',
        value: 0.9,
        curve: [0.7, 0.9],
      },
      {
        trial: 2,
        runId: 'r2',
        params: { learningRate: 0.01, batchSize: 64, optimizer: 'sgd' },
        status: 'completed',
        value: 0.8,
        curve: [0.6, null, 0.8],
      },
      {
        trial: 3,
        runId: 'r3',
        params: { learningRate: 0.001, batchSize: 32, optimizer: 'adam' },
        status: 'pruned',
        value: 0.6,
        curve: [0.6],
      },
      {
        trial: 4,
        runId: 'r4',
        params: { learningRate: 0.001 },
        status: 'failed',
        value: null,
        curve: [],
      },
    ],
    best: { trial: 1, runId: 'r1' },
  })!;

describe('trial curves', () => {
  it('draws one series per trial with a curve, epochs from 1, the best marked, pruned dashed', () => {
    const series = trialCurveSeries(sweep());
    expect(series.map((s) => [s.label, s.marker, s.dashed])).toEqual([
      ['trial 1 ★', 'circle', false],
      ['trial 2', 'none', false],
      ['trial 3 (pruned)', 'circle', true],
    ]);
    expect(series[1]!.points.map((p) => [p.x, p.y])).toEqual([
      [1, 0.6],
      [2, Number.NaN],
      [3, 0.8],
    ]);
    // A score metric above 0.5 everywhere: the chart starts at 0.5; x covers the longest curve.
    expect(trialCurveDomains(sweep(), series)).toEqual({ x: [0, 3], y: [0.5, 1] });
  });
});

describe('parallelCoordinates', () => {
  it('puts a log axis under learning rates, a linear one under batch sizes, categories in order, and the metric last', () => {
    const drawn = parallelCoordinates(sweep())!;
    expect(drawn.axes.map((a) => [a.name, a.kind])).toEqual([
      ['learningRate', 'log'],
      ['batchSize', 'linear'],
      ['optimizer', 'categorical'],
      ['val_auroc', 'linear'],
    ]);
    const [lr, batch, optimizer, metric] = drawn.axes;
    expect([0.001, 0.01, 0.1].map((v) => lr!.position(v))).toEqual([0, 0.5, 1]);
    expect(batch!.position(48)).toBeCloseTo(0.5);
    expect([optimizer!.position('adam'), optimizer!.position('sgd')]).toEqual([0, 1]);
    expect(metric!.position(0.75)).toBeCloseTo(0.5);
    const byTrial = new Map(drawn.lines.map((l) => [l.trial, l]));
    expect(byTrial.get(1)).toMatchObject({ best: true, score: 1, positions: [1, 0, 0, 1] });
    // A trial without a value or a parameter has no point on those axes.
    expect(byTrial.get(4)).toMatchObject({ score: null, positions: [0, null, null, null] });
  });

  it('keeps ticks apart: close ones give way, the top and bottom stay', () => {
    const lrs = [0.01, 1e-7, 0.005, 5e-8];
    const result = {
      ...sweep(),
      trials: lrs.map((learningRate, i) => ({
        ...sweep().trials[0]!,
        trial: i + 1,
        params: { learningRate },
      })),
    };
    expect(parallelCoordinates(result)!.axes[0]!.ticks.map((t) => t.label)).toEqual([
      '5.0e-8',
      '0.01',
    ]);
  });

  it('colours by how good the metric is in the sweep’s direction, and draws nothing without values', () => {
    const lines = parallelCoordinates(sweep('minimize'))!.lines;
    expect(lines.find((l) => l.trial === 3)!.score).toBe(1);
    expect(parallelCoordinates({ ...sweep(), trials: [] })).toBeNull();
  });
});

describe('SweepCharts', () => {
  it('renders the overlaid curves and a polyline per trial on the parallel axes', () => {
    const html = renderToStaticMarkup(<SweepCharts result={sweep()} />);
    expect(html).toContain('data-testid="sweep-curves"');
    expect(html).toContain('val_auroc per epoch, every trial');
    expect(html).toContain('data-testid="sweep-parallel"');
    expect([...html.matchAll(/<polyline data-trial="(\d+)"/g)].map((m) => m[1])).toEqual([
      '2',
      '3',
      '4',
      '1',
    ]);
    expect(html).toContain('learning rate (log)');
  });
});
