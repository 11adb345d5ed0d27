import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RunEvaluation } from '../view/evaluation.ts';
import { EvaluationView } from './evaluation-view.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);

const bins = (observed: number[]) =>
  observed.map((o, b) => ({
    lower: b / observed.length,
    upper: (b + 1) / observed.length,
    count: o < 0 ? 0 : 3,
    meanPredicted: o < 0 ? null : (b + 0.5) / observed.length,
    observed: o < 0 ? null : o,
  }));

const curves = (name: string, auroc: number | null) => ({
  name,
  positives: 3,
  negatives: 2,
  auroc,
  auprc: auroc,
  roc: { x: [0, 0, 0.5, 1], y: [0, 0.5, 1, 1] },
  pr: { x: [0, 0.5, 1], y: [1, 1, 0.6] },
  calibration: bins([0, -1, 0.5, 1]),
});

const base = { split: 'validation', epoch: 4, rows: 5, omitted: 0 };

describe('EvaluationView', () => {
  it('draws ROC, PR, calibration and a confusion matrix of a binary run, saying which rows', () => {
    const e: RunEvaluation = {
      ...base,
      task: 'binary',
      classes: [curves('bound', 0.75)],
      confusion: [
        {
          name: 'bound',
          labels: ['unbound', 'bound'],
          counts: [
            [1, 1],
            [0, 3],
          ],
          rule: 'score > 0.5',
        },
      ],
      regression: [],
    };
    const html = renderToStaticMarkup(<EvaluationView evaluation={e} />);
    expect(all(html, /data-testid="([^"]+-chart)"/g)).toEqual([
      'roc-chart',
      'pr-chart',
      'calibration-chart',
    ]);
    expect(html).toContain('validation rows (5), predicted by the saved model (epoch 4)');
    expect(html).toContain('bound (AUROC 0.750)');
    // The ROC path goes through the curve's points; the chance diagonal is dashed.
    expect(html).toMatch(/data-series="roc-0" class="series" d="M[^"]+"/);
    expect(html).toMatch(/data-series="chance"[^>]*stroke-dasharray="5 4"/);
    // Calibration marks only the non-empty bins (3 of 4).
    const calibration = html.slice(html.indexOf('data-testid="calibration-chart"'));
    expect(
      calibration.match(/data-markers="calibration-0"[^]*?<\/g>/)?.[0].match(/<circle/g),
    ).toHaveLength(3);
    // Confusion counts with the class names, the diagonal bold.
    const matrix = html.slice(html.indexOf('data-testid="evaluation-confusion"'));
    expect(all(matrix, /<th class="num">([^<]+)<\/th>/g).slice(0, 2)).toEqual(['unbound', 'bound']);
    expect(matrix).toContain('<strong>3</strong>');
    expect(html).not.toContain('evaluation-classes'); // one class: no per-class table
  });

  it('overlays a multi-class run one-vs-rest and lists every class in a table', () => {
    const e: RunEvaluation = {
      ...base,
      task: 'multiclass',
      classes: [curves('A', 1), curves('B', 0.5), curves('C', null)],
      confusion: [
        {
          name: 'classes',
          labels: ['A', 'B', 'C'],
          counts: [
            [1, 0, 0],
            [0, 1, 0],
            [0, 1, 1],
          ],
          rule: 'arg max',
        },
      ],
      regression: [],
    };
    const html = renderToStaticMarkup(<EvaluationView evaluation={e} />);
    expect(html).toContain('ROC per class (one vs rest)');
    expect(all(html, /data-series="(roc-\d)"/g)).toEqual(['roc-0', 'roc-1', 'roc-2']);
    expect(html).toContain('C (AUROC undefined: one class)');
    expect(html).toContain('data-testid="evaluation-classes"');
    expect(html.match(/data-testid="evaluation-confusion"/g)).toHaveLength(1);
  });

  it('draws a regression run as predicted-vs-observed points with its correlations', () => {
    const e: RunEvaluation = {
      ...base,
      task: 'regression',
      classes: [],
      confusion: [],
      regression: [
        {
          name: 'expression',
          count: 5000,
          pearson: 0.9,
          spearman: 0.85,
          r2: 0.8,
          observed: [1, 2, 3],
          predicted: [1.1, 1.9, 3.2],
        },
      ],
    };
    const html = renderToStaticMarkup(<EvaluationView evaluation={e} />);
    expect(all(html, /data-testid="([^"]+-chart)"/g)).toEqual(['scatter-chart']);
    // Points only (no line through them), and the y = x reference.
    expect(html).not.toContain('data-series="scatter-0"');
    expect(html.match(/data-markers="scatter-0"[^]*?<\/g>/)?.[0].match(/<circle/g)).toHaveLength(3);
    expect(html).toContain('data-series="identity"');
    expect(html).toContain('3 of 5,000 rows');
    expect(html).toContain('Pearson 0.900');
  });
});
