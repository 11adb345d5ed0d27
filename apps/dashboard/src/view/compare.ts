// Runs side by side (compareRuns): one series per run for the chosen metric, the parameters
// that differ, and the final metrics with the best value of each marked.
import type { ChartSeries, MarkerShape } from '../chart/series.ts';
import { extentDomain, zeroBasedDomain } from '../chart/domain.ts';
import type { CompareRunsQuery } from '../graphql/generated.ts';
import { PALETTE } from '../live/chart-series.ts';

export type Comparison = CompareRunsQuery['compareRuns'];
type ComparedRun = Comparison['runs'][number];

const CONFUSION = /_confusion_\d+_\d+$/;
const LOWER_IS_BETTER = /(^|_)(loss|mse|mae)(_|$)/;
const MARKERS: readonly MarkerShape[] = ['circle', 'diamond', 'square'];

/** The metrics a comparison can plot: every recorded name but the confusion cells. */
export function plottableMetrics(names: readonly string[]): string[] {
  return names.filter((n) => !CONFUSION.test(n));
}

/** The metric shown first: val_loss when recorded, else loss, else the first name. */
export function defaultMetric(names: readonly string[]): string | null {
  for (const preferred of ['val_loss', 'loss']) if (names.includes(preferred)) return preferred;
  return names[0] ?? null;
}

/** Whether smaller values of a metric are better (losses and errors). */
export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.test(metric);
}

/** A short name of a compared run: its place in the selection, architecture and id prefix. */
export function runLabel(run: ComparedRun, index: number): string {
  return `#${index + 1} ${run.architecture} ${run.id.slice(0, 8)}`;
}

/** One series per run: the metric at each recorded epoch, a gap where a run has no value. */
export function compareSeries(comparison: Comparison, metric: string): ChartSeries[] {
  return comparison.runs.map((run, i) => ({
    name: run.id,
    label: runLabel(run, i),
    color: PALETTE[i % PALETTE.length] as string,
    marker: comparison.runs.length <= 6 ? (MARKERS[i % MARKERS.length] as MarkerShape) : 'none',
    points: comparison.epochs.map((e) => ({
      x: e.epoch,
      y: e.metrics.find((m) => m.name === metric)?.values[i] ?? Number.NaN,
    })),
  }));
}

/** The y extent of a metric's chart: from 0 for losses and errors, else around the data. */
export function compareDomain(metric: string, series: readonly ChartSeries[]): [number, number] {
  const points = series.map((s) => s.points);
  return lowerIsBetter(metric) ? zeroBasedDomain(points) : extentDomain(points);
}

export interface FinalMetricRow {
  name: string;
  values: (number | null)[];
  /** Indexes of the runs with the best value (several on a tie); empty with fewer than 2 values or when all tie. */
  best: number[];
}

/**
 * The final (latest-epoch) metrics side by side: every name any run reports but the confusion
 * cells, losses first, then by name.
 */
export function finalMetricRows(runs: readonly ComparedRun[]): FinalMetricRow[] {
  const names = new Set<string>();
  for (const run of runs)
    for (const m of run.metrics) if (!CONFUSION.test(m.name)) names.add(m.name);
  const rank = (n: string) => (n === 'loss' ? 0 : n === 'val_loss' ? 1 : 2);
  return [...names]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => {
      const values = runs.map((r) => r.metrics.find((m) => m.name === name)?.value ?? null);
      const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
      if (present.length < 2) return { name, values, best: [] };
      const target = lowerIsBetter(name) ? Math.min(...present) : Math.max(...present);
      const best = values.flatMap((v, i) => (v === target ? [i] : []));
      // When every value ties, nothing is best.
      return { name, values, best: best.length === present.length ? [] : best };
    });
}

/** A differing parameter's value (JSON text) as a cell: strings unquoted, none as "—". */
export function paramCell(json: string | null): string {
  if (json === null) return '—';
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return json;
  }
}
