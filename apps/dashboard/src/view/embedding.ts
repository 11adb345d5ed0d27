// How an autoencoder's or VAE's stored embedding (Run.embedding) becomes a scatter: one series
// of points per class, so the legend tells the classes apart.
import type { ChartSeries } from '../chart/series.ts';
import { niceDomain } from '../chart/ticks.ts';
import type { RunEvaluationQuery } from '../graphql/generated.ts';
import { PALETTE } from '../live/chart-series.ts';

export type RunEmbedding = NonNullable<NonNullable<RunEvaluationQuery['run']>['embedding']>;

/** One scatter series per class present, points in stored order. */
export function embeddingSeries(e: RunEmbedding): ChartSeries[] {
  const byClass = new Map<number, { x: number; y: number }[]>();
  e.x.forEach((x, i) => {
    const c = e.label[i] ?? 0;
    const points = byClass.get(c) ?? [];
    points.push({ x, y: e.y[i] as number });
    byClass.set(c, points);
  });
  return [...byClass.entries()]
    .sort(([a], [b]) => a - b)
    .map(([c, points]) => ({
      name: `class-${c}`,
      label: `${e.labelNames[c] ?? `class ${c}`} (${points.length})`,
      color: PALETTE[c % PALETTE.length] as string,
      points,
      line: false,
      marker: 'circle' as const,
    }));
}

/** A nice extent of one coordinate; [-1, 1] around a constant. */
export function embeddingDomain(values: readonly number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo === hi ? [lo - 1, hi + 1] : niceDomain(lo, hi);
}

/** Axis names: `latent 1` / `PC1 (62% of variance)`. */
export function embeddingAxes(e: RunEmbedding): [string, string] {
  if (e.method !== 'pca' || !e.explained) {
    return ['latent 1', e.latentSize >= 2 ? 'latent 2' : '(1-D code)'];
  }
  const pct = (v: number | undefined) => `${Math.round((v ?? 0) * 100)}% of variance`;
  return [`PC1 (${pct(e.explained[0])})`, `PC2 (${pct(e.explained[1])})`];
}
