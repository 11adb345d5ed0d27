import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../graphql/types.ts';
import { ExplanationBody } from './explanation-view.tsx';

const rows = (n: number) => Array.from({ length: n }, (_, i) => [i % 2 ? -0.1 : 0.2, 0, 0, 0]);
const sequence = (over: Partial<Explanation['sequences'][number]>) => ({
  id: 'seq1',
  chrom: null,
  start: null,
  end: null,
  strand: null,
  prediction: 0.8,
  explained: 0.8,
  reference: null,
  scores: rows(4),
  positionScores: rows(4).map((r) => r[0]),
  topPositions: [{ position: 1, score: 0.2 }],
  ...over,
});
const explanation = (sequences: Explanation['sequences']): Explanation => ({
  jobId: 'j1',
  method: 'GRADXINPUT' as Explanation['method'],
  task: 0,
  taskName: 'bound',
  backend: 'cpu',
  inputLength: 4,
  summary: 'sum',
  target: 'output',
  sequences,
});

const PLACED = [
  sequence({ id: 'chr17:101-104', chrom: 'chr17', start: 101, end: 104, strand: '+' }),
  sequence({ id: 'chr17:201-204:-', chrom: 'chr17', start: 201, end: 204, strand: '-' }),
];

describe('ExplanationBody', () => {
  it('offers the genome view of regions on the reference, each locus a button that moves it', () => {
    const html = renderToStaticMarkup(
      <ExplanationBody jobId="j1" explanation={explanation(PLACED)} referenceName="chr17.fa" />,
    );
    expect(html).toContain('data-testid="open-genome-view"');
    expect(html).toContain('the attributions as a track over chr17.fa');
    const loci = [...html.matchAll(/data-testid="sequence-locus"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(loci).toEqual(['chr17:101-104 (+)', 'chr17:201-204 (-)']);
  });

  it('has no genome view without a reference or without coordinates', () => {
    const noReference = renderToStaticMarkup(
      <ExplanationBody jobId="j1" explanation={explanation(PLACED)} referenceName={null} />,
    );
    expect(noReference).not.toContain('open-genome-view');
    expect(noReference).not.toContain('data-testid="sequence-locus"');
    // The locus is still written, as text.
    expect(noReference).toContain('chr17:101-104 (+)');
    const inline = renderToStaticMarkup(
      <ExplanationBody
        jobId="j1"
        explanation={explanation([sequence({})])}
        referenceName="chr17.fa"
      />,
    );
    expect(inline).not.toContain('open-genome-view');
    expect(inline).not.toContain('chr17');
  });
});
