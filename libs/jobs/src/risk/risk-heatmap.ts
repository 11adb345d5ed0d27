/**
 * The expression of a risk job's top features across its samples, bounded for a heatmap: the
 * `maxFeatures` expression features ranked highest by attribution × at most `maxSamples`
 * samples ordered by out-of-fold risk (every k-th when there are more), as the z-scores the
 * final model saw (each gene standardised over every sample), rounded and clipped to ±4.
 */
import type { RankedFeature } from './risk-attribution.ts';

export const HEATMAP_FEATURES = 30;
export const HEATMAP_SAMPLES = 300;
/** z-scores beyond this are drawn at it: one outlier would wash out the colour scale. */
export const HEATMAP_CLIP = 4;

export interface RiskHeatmap {
  /** Rows: gene names, most important first. */
  genes: string[];
  /** Columns: sample ids, lowest risk first. */
  samples: string[];
  labels: string[];
  risks: number[];
  /** z[g][s]: the z-score of genes[g] in samples[s], 2 decimals, within ±HEATMAP_CLIP. */
  z: number[][];
  /** Samples in the cohort (the columns are every k-th of them by risk when fewer). */
  sampleCount: number;
}

/**
 * @param z the standardised expression [samples, genes] row-major, genes in `genes` order
 * @param features every ranked feature (both modalities), most important first
 */
export function riskHeatmap(
  z: ArrayLike<number>,
  genes: readonly string[],
  samples: readonly { id: string; label: string; risk: number }[],
  features: readonly RankedFeature[],
  maxFeatures = HEATMAP_FEATURES,
  maxSamples = HEATMAP_SAMPLES,
): RiskHeatmap {
  if (z.length !== samples.length * genes.length) {
    throw new Error(
      `riskHeatmap: ${z.length} values for ${samples.length} samples × ${genes.length} genes`,
    );
  }
  const column = new Map(genes.map((g, i) => [g, i]));
  const top = features
    .filter((f) => f.modality === 'expression' && column.has(f.feature))
    .slice(0, maxFeatures)
    .map((f) => f.feature);
  const byRisk = samples.map((s, r) => ({ ...s, r })).sort((a, b) => a.risk - b.risk || a.r - b.r);
  const step = Math.max(1, Math.ceil(byRisk.length / maxSamples));
  const shown = byRisk.filter((_, i) => i % step === 0);
  const clip = (v: number) =>
    Math.round(Math.max(-HEATMAP_CLIP, Math.min(HEATMAP_CLIP, v)) * 100) / 100;
  return {
    genes: top,
    samples: shown.map((s) => s.id),
    labels: shown.map((s) => s.label),
    risks: shown.map((s) => Math.round(s.risk * 1e4) / 1e4),
    z: top.map((gene) => {
      const g = column.get(gene) as number;
      return shown.map((s) => clip(z[s.r * genes.length + g] as number));
    }),
    sampleCount: samples.length,
  };
}
