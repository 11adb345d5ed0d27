import { describe, expect, it } from 'vitest';
import type { RankedFeature } from './risk-attribution.ts';
import { riskHeatmap } from './risk-heatmap.ts';

const feature = (
  rank: number,
  name: string,
  modality: 'expression' | 'variant-burden',
): RankedFeature => ({
  rank,
  feature: name,
  modality,
  meanAbsAttribution: 1 / rank,
  direction: 1,
});

describe('riskHeatmap', () => {
  // 3 samples × 3 genes, row-major by sample.
  const z = [
    // A     B     C
    [0.1, 9.0, -1],
    [0.2, -0.5, 2],
    [0.3, 0.25, 3],
  ].flat();
  const samples = [
    { id: 's1', label: 'case', risk: 0.9 },
    { id: 's2', label: 'control', risk: 0.1 },
    { id: 's3', label: 'case', risk: 0.5 },
  ];

  it('keeps the top expression features, samples by risk, values clipped and rounded', () => {
    const heatmap = riskHeatmap(z, ['A', 'B', 'C'], samples, [
      feature(1, 'B', 'expression'),
      feature(2, 'A', 'variant-burden'),
      feature(3, 'C', 'expression'),
    ]);
    expect(heatmap.genes).toEqual(['B', 'C']); // A ranked as burden only
    expect(heatmap.samples).toEqual(['s2', 's3', 's1']);
    expect(heatmap.labels).toEqual(['control', 'case', 'case']);
    expect(heatmap.risks).toEqual([0.1, 0.5, 0.9]);
    expect(heatmap.z).toEqual([
      [-0.5, 0.25, 4], // 9.0 clipped to 4
      [2, 3, -1],
    ]);
    expect(heatmap.sampleCount).toBe(3);
  });

  it('bounds features and samples (every k-th sample by risk)', () => {
    const heatmap = riskHeatmap(
      z,
      ['A', 'B', 'C'],
      samples,
      [feature(1, 'A', 'expression'), feature(2, 'B', 'expression')],
      1,
      2,
    );
    expect(heatmap.genes).toEqual(['A']);
    expect(heatmap.samples).toEqual(['s2', 's1']);
    expect(() => riskHeatmap([1], ['A'], samples, [])).toThrow(/1 values for 3 samples × 1 genes/);
  });
});
