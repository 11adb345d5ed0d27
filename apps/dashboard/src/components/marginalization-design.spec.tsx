import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { effectSeries } from '../jobs/effect-series.ts';
import type { MarginalizationResult } from './marginalization-view.tsx';
import { MarginalizationResultView } from './marginalization-view.tsx';
import type { SequenceDesignResult } from './sequence-design-view.tsx';
import { SequenceDesignResultView } from './sequence-design-view.tsx';

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
const effect = (mean: number, sd: number) => ({ n: 20, mean, sd, min: mean - 2, max: mean + 2 });

const marginalization: MarginalizationResult = {
  jobId: 'j1',
  backend: 'wasm',
  target: 'logit',
  sequences: 20,
  backgrounds: 20,
  motif: { id: 'MA0139.2', name: 'CTCF', consensus: 'CCACCAGGGGGCGC', position: 43 },
  before: -3.1,
  after: -0.6,
  effect: effect(2.5, 0.8),
  positions: [0, 10, 20].map((position, i) => ({ position, effect: effect(1 + i, 0.5) })),
  second: { id: 'MA0035.5', name: 'GATA1', consensus: 'TTATCT' },
  spacings: [
    { spacing: 6, effect: effect(12.5, 1.4) },
    { spacing: 7, effect: effect(13.39, 1.4) },
    { spacing: 8, effect: effect(13.41, 1.3) },
  ],
  bestSpacing: 8,
  ablation: { ablated: 12, drop: effect(9.3, 2) },
};

describe('MarginalizationResultView', () => {
  it('plots the effect by position and by spacing with its spread, and says the ablation drop', () => {
    const html = renderToStaticMarkup(<MarginalizationResultView result={marginalization} />);
    expect(html).toContain('data-testid="effect-by-position"');
    expect(html).toContain('data-testid="effect-by-spacing"');
    // Mean, mean + sd and mean − sd in each chart.
    expect(all(html, /data-series="([^"]+)"/g)).toEqual([
      'effect-by-position-mean',
      'effect-by-position-upper',
      'effect-by-position-lower',
      'effect-by-spacing-mean',
      'effect-by-spacing-upper',
      'effect-by-spacing-lower',
    ]);
    expect(all(html, /<tr class="best" data-spacing="(\d+)"/g)).toEqual(['8']);
    expect(html).toContain('8 (best)');
    expect(html).toContain('CTCF (CCACCAGGGGGCGC) at 43');
    expect(html).toContain('12 of 20 records had a match');
  });

  it('leaves out the charts it has no data for; an ablation without matches says so', () => {
    const html = renderToStaticMarkup(
      <MarginalizationResultView
        result={{
          ...marginalization,
          positions: [],
          second: null,
          spacings: [],
          bestSpacing: null,
          ablation: { ablated: 0, drop: { n: 0, mean: null, sd: null, min: null, max: null } },
        }}
      />,
    );
    expect(html).not.toContain('effect-by-position');
    expect(html).not.toContain('effect-by-spacing');
    expect(html).toContain('no record among 20 has a match to shuffle');
  });
});

describe('effectSeries', () => {
  it('gives mean and mean ± sd per x, leaving out what was not measured', () => {
    const [mean, upper, lower] = effectSeries('s', [
      { x: 1, effect: effect(2, 0.5) },
      { x: 2, effect: { n: 0, mean: null, sd: null, min: null, max: null } },
    ]);
    expect(mean!.points).toEqual([{ x: 1, y: 2 }]);
    expect(upper!.points).toEqual([{ x: 1, y: 2.5 }]);
    expect(lower!.points).toEqual([{ x: 1, y: 1.5 }]);
  });
});

const design: SequenceDesignResult = {
  jobId: 'j2',
  backend: 'wasm',
  target: 'logit',
  method: 'greedy',
  start: { sequence: 'ACGTACGT', score: -4.6 },
  best: {
    step: 2,
    score: 3.9,
    sequence: 'ACCTACGA',
    edits: [
      { position: 2, from: 'G', to: 'C' },
      { position: 7, from: 'T', to: 'A' },
    ],
  },
  trajectory: [
    { step: 0, score: -4.6, edits: [] },
    { step: 1, score: 1.2, edits: [{ position: 7, from: 'T', to: 'A' }] },
    {
      step: 2,
      score: 3.9,
      edits: [
        { position: 2, from: 'G', to: 'C' },
        { position: 7, from: 'T', to: 'A' },
      ],
    },
  ],
};

describe('SequenceDesignResultView', () => {
  it('highlights the edited bases, plots the score per step and lists the edits', () => {
    const html = renderToStaticMarkup(<SequenceDesignResultView result={design} />);
    expect(all(html, /<mark data-position="(\d+)"/g)).toEqual(['2', '7']);
    expect(html).toContain('title="position 3: G → C"');
    expect(html).toMatch(/data-testid="designed-sequence">AC<mark[^>]*>C<\/mark>TACG<mark/);
    expect(html).toContain('data-testid="design-trajectory"');
    expect(all(html, /data-epoch="(\d+)"/g)).toEqual(['0', '1', '2']);
    expect(all(html, /<tr data-step="(\d+)">/g)).toEqual(['0', '1']);
    expect(html).toContain('<tr data-step="2" class="best">');
    expect(html).toContain('3 G&gt;C, 8 T&gt;A');
    expect(html).toContain('with 2 edits (step 2)');
  });
});
