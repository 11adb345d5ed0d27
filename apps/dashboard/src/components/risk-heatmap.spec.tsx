import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseRiskHeatmap, parseRiskResult } from '../jobs/risk-result.ts';
import { heatColor, RiskHeatmap } from './risk-heatmap.tsx';

const stored = {
  genes: ['TP53', 'BRCA1'],
  samples: ['s2', 's3', 's1'],
  labels: ['control', 'case', 'case'],
  risks: [0.1, 0.5, 0.9],
  z: [
    [-0.5, 0.25, 4],
    [2, 3, -1],
  ],
  sampleCount: 30,
};

describe('risk heatmap', () => {
  it('is read from a PREDICT_RISK result, and refused when rows and columns disagree', () => {
    const result = parseRiskResult({
      topFeatures: [{ feature: 'TP53', meanAbsAttribution: 0.2 }],
      heatmap: stored,
    });
    expect(result?.heatmap).toEqual(stored);
    expect(
      parseRiskResult({ topFeatures: [{ feature: 'TP53', meanAbsAttribution: 0.2 }] })?.heatmap,
    ).toBeNull();
    expect(parseRiskHeatmap({ ...stored, z: [[1, 2, 3]] })).toBeNull();
    expect(
      parseRiskHeatmap({
        ...stored,
        z: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBeNull();
  });

  it('draws one cell per gene and sample, coloured by z, with the class strip', () => {
    const html = renderToStaticMarkup(<RiskHeatmap heatmap={stored} positiveLabel="case" />);
    expect(html).toContain('top 2 features (z-scores) in 3 of 30 samples (every k-th by risk)');
    expect([...html.matchAll(/data-gene="([^"]+)"/g)].map((m) => m[1])).toEqual(['TP53', 'BRCA1']);
    // 3 strip cells + 2 × 3 heat cells.
    expect(html.match(/<rect/g)).toHaveLength(9);
    expect(html).toContain(`fill="${heatColor(4)}"`);
    expect(html).toContain('<title>TP53 in s1: z 4</title>');
  });

  it('shades from blue through white to vermillion, saturating at ±4', () => {
    expect(heatColor(0)).toBe('rgb(255, 255, 255)');
    expect(heatColor(-4)).toBe('rgb(0, 114, 178)');
    expect(heatColor(9)).toBe('rgb(213, 94, 0)');
    expect(heatColor(null)).toBe('#dddddd');
  });
});
