// A finished sweep drawn two ways: its trials' curves of the sweep's metric overlaid (one series
// per trial, pruned trials dashed), and parallel coordinates (one axis per parameter and one for
// the metric, one line per trial) to see which parameters go with good values.
import { epochDomain, extentDomain, scoreDomain } from '../chart/domain.ts';
import type { ChartSeries } from '../chart/series.ts';
import type { SweepResultView, SweepTrialView } from '../jobs/sweep-result.ts';
import { paramNames } from '../jobs/sweep-result.ts';
import { PALETTE } from '../live/chart-series.ts';

/** Metrics read on [0, 1] as scores (the chart starts at 0.5 when every value is above it). */
const SCORE = /(auroc|auprc|accuracy|f1)/;

/** The overlaid curves: one series per trial that recorded any, the best trial marked. */
export function trialCurveSeries(result: SweepResultView): ChartSeries[] {
  return result.trials
    .filter((t) => t.curve.length > 0)
    .map((t, i) => ({
      name: `trial-${t.trial}`,
      label: `trial ${t.trial}${t.trial === result.best ? ' ★' : ''}${t.status === 'pruned' ? ' (pruned)' : ''}`,
      color: PALETTE[i % PALETTE.length] as string,
      points: t.curve.map((y, e) => ({ x: e + 1, y })),
      // The best trial's points are marked, and a one-epoch curve (no line) is a point.
      marker: t.trial === result.best || t.curve.length === 1 ? 'circle' : 'none',
      dashed: t.status === 'pruned',
    }));
}

/** The x and y extents of the overlaid curves. */
export function trialCurveDomains(
  result: SweepResultView,
  series: readonly ChartSeries[],
): { x: [number, number]; y: [number, number] } {
  const points = series.map((s) => s.points);
  const epochs = Math.max(0, ...result.trials.map((t) => t.curve.length));
  return {
    x: epochDomain(epochs, points),
    y: SCORE.test(result.metric ?? '') ? scoreDomain(points) : extentDomain(points),
  };
}

/** One vertical axis of the parallel coordinates: a parameter, or the sweep's metric. */
export interface ParallelAxis {
  name: string;
  /** Numeric: a linear (or, for positive values over more than a decade, log10) scale. */
  kind: 'linear' | 'log' | 'categorical';
  /** The axis's labels from bottom to top, with their position in [0, 1]. */
  ticks: { at: number; label: string }[];
  /** Where a value sits on the axis in [0, 1] (0 bottom); null for a trial without it. */
  position(value: unknown): number | null;
}

/** One trial's line: its position on each axis (null: it has no value there). */
export interface ParallelLine {
  trial: number;
  best: boolean;
  status: string;
  /** The metric's position in [0, 1], for the line's colour; null without a value. */
  score: number | null;
  positions: (number | null)[];
}

const short = (v: number) =>
  Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? String(+v.toPrecision(3)) : v.toExponential(1);

/** Ticks at least MIN_TICK_GAP apart, from the bottom; the top one is always kept. */
const MIN_TICK_GAP = 0.08;
function spaced(ticks: { at: number; label: string }[]): { at: number; label: string }[] {
  const kept: { at: number; label: string }[] = [];
  ticks.forEach((t, i) => {
    const top = i === ticks.length - 1;
    while (top && kept.length > 0 && t.at - (kept.at(-1)?.at ?? 0) < MIN_TICK_GAP) kept.pop();
    if (kept.length === 0 || t.at - (kept.at(-1)?.at ?? 0) >= MIN_TICK_GAP) kept.push(t);
  });
  return kept;
}

/** `allowLog`: positive values spanning more than a decade (learning rates) get a log10 axis. */
function numericAxis(name: string, values: number[], allowLog = true): ParallelAxis {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const log = allowLog && lo > 0 && hi / lo > 10;
  const [a, b] = log ? [Math.log10(lo), Math.log10(hi)] : [lo, hi];
  const at = (v: number) => {
    const t = log ? Math.log10(v) : v;
    return b === a ? 0.5 : (t - a) / (b - a);
  };
  const distinct = [...new Set(values)].sort((x, y) => x - y);
  return {
    name,
    kind: log ? 'log' : 'linear',
    ticks: spaced(
      (distinct.length <= 6 ? distinct : [lo, hi]).map((v) => ({ at: at(v), label: short(v) })),
    ),
    position: (value) =>
      typeof value === 'number' && Number.isFinite(value) && (!log || value > 0) ? at(value) : null,
  };
}

function categoricalAxis(name: string, values: unknown[]): ParallelAxis {
  const labels = [...new Set(values.map((v) => JSON.stringify(v)))];
  const at = (key: string) =>
    labels.length === 1 ? 0.5 : labels.indexOf(key) / (labels.length - 1);
  return {
    name,
    kind: 'categorical',
    ticks: labels.map((l) => ({ at: at(l), label: l.replace(/^"|"$/g, '') })),
    position: (value) => (value === undefined ? null : at(JSON.stringify(value))),
  };
}

function axisOf(name: string, values: unknown[]): ParallelAxis {
  const present = values.filter((v) => v !== undefined && v !== null);
  const numbers = present.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return numbers.length > 0 && numbers.length === present.length
    ? numericAxis(name, numbers)
    : categoricalAxis(name, present);
}

/**
 * Parallel coordinates of a sweep: an axis per parameter the trials set (in the table's order)
 * and a last one for the metric; a line per trial. Null when there is nothing to draw (no
 * parameter, or no trial with a value).
 */
export function parallelCoordinates(
  result: SweepResultView,
): { axes: ParallelAxis[]; lines: ParallelLine[] } | null {
  const names = paramNames(result.trials);
  const scored = result.trials.filter((t) => t.value !== null);
  if (names.length === 0 || scored.length === 0) return null;
  const paramAxes = names.map((n) =>
    axisOf(
      n,
      result.trials.map((t) => t.params[n]),
    ),
  );
  // The metric's axis is linear whatever its spread: a log axis would mislead about scores.
  const metricAxis = numericAxis(
    result.metric ?? 'metric',
    scored.map((t) => t.value as number),
    false,
  );
  const axes = [...paramAxes, metricAxis];
  const better = result.direction === 'minimize' ? -1 : 1;
  const lines = result.trials.map((t: SweepTrialView) => {
    const metricAt = metricAxis.position(t.value);
    return {
      trial: t.trial,
      best: t.trial === result.best,
      status: t.status,
      score: metricAt === null ? null : better > 0 ? metricAt : 1 - metricAt,
      positions: [...names.map((n, i) => paramAxes[i]?.position(t.params[n]) ?? null), metricAt],
    };
  });
  return { axes, lines };
}
