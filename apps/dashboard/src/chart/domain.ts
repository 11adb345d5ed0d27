import type { ChartPoint } from './path.ts';
import { niceDomain } from './ticks.ts';

const finiteYs = (series: readonly (readonly ChartPoint[])[]) =>
  series.flatMap((points) => points.map((p) => p.y)).filter((y) => Number.isFinite(y));

/** The x extent of a run's curves: from 0 to the planned epochs, or further if data goes on. */
export function epochDomain(
  epochs: number,
  series: readonly (readonly ChartPoint[])[],
): [number, number] {
  const xs = series.flatMap((points) => points.map((p) => p.x)).filter((x) => Number.isFinite(x));
  return [0, Math.max(1, epochs, ...xs)];
}

/** A y extent from 0 to a nice value above the largest y (loss-like values); [0, 1] if empty. */
export function zeroBasedDomain(series: readonly (readonly ChartPoint[])[]): [number, number] {
  const ys = finiteYs(series);
  const max = Math.max(0, ...ys);
  return max > 0 ? niceDomain(Math.min(0, ...ys), max) : [0, 1];
}

/**
 * A y extent for scores in [0, 1] such as AUROC: [0.5, 1] while every value is at least 0.5
 * (chance level for AUROC, so the interesting part fills the chart), else [0, 1].
 */
export function scoreDomain(series: readonly (readonly ChartPoint[])[]): [number, number] {
  return finiteYs(series).every((y) => y >= 0.5) ? [0.5, 1] : [0, 1];
}

/**
 * A nice y extent around the data that always shows `anchors` (0 and 1 for correlations and R²,
 * which can go below 0); [0, 1] with no data.
 */
export function extentDomain(
  series: readonly (readonly ChartPoint[])[],
  anchors: readonly number[] = [],
): [number, number] {
  const ys = [...finiteYs(series), ...anchors];
  if (ys.length === 0) return [0, 1];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return lo === hi ? [lo - 1, hi + 1] : niceDomain(lo, hi);
}
