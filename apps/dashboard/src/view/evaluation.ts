// How a run's stored evaluation (Run.evaluation) becomes chart series: ROC and PR curves and
// calibration per task or class, with their reference lines, and predicted-vs-observed scatters.
import type { ChartPoint } from '../chart/path.ts';
import type { ChartSeries } from '../chart/series.ts';
import { niceDomain } from '../chart/ticks.ts';
import type { RunEvaluationQuery } from '../graphql/generated.ts';
import { PALETTE } from '../live/chart-series.ts';

export type RunEvaluation = NonNullable<NonNullable<RunEvaluationQuery['run']>['evaluation']>;
export type ClassCurves = RunEvaluation['classes'][number];
export type RegressionFit = RunEvaluation['regression'][number];

/** Curves overlaid on one chart; the rest are in the table only (a chart of 32 is unreadable). */
export const MAX_CHART_CLASSES = 8;

const REFERENCE = '#999999';

const pointsOf = (curve: { x: readonly number[]; y: readonly number[] }): ChartPoint[] =>
  curve.x.map((x, i) => ({ x, y: curve.y[i] as number }));

const colorOf = (i: number) => PALETTE[i % PALETTE.length] as string;

/** The classes drawn on the charts: the first MAX_CHART_CLASSES. */
export function chartedClasses(e: RunEvaluation): ClassCurves[] {
  return e.classes.slice(0, MAX_CHART_CLASSES);
}

/** A curve's legend label: the name and its area, e.g. `bound (AUROC 0.912)`. */
function labelOf(name: string, metric: string, value: number | null): string {
  return value === null
    ? `${name} (${metric} undefined: one class)`
    : `${name} (${metric} ${value.toFixed(3)})`;
}

/** ROC curves, one per charted class, and the chance diagonal. */
export function rocSeries(e: RunEvaluation): ChartSeries[] {
  return [
    ...chartedClasses(e).map((c, i) => ({
      name: `roc-${i}`,
      label: labelOf(c.name, 'AUROC', c.auroc),
      color: colorOf(i),
      points: pointsOf(c.roc),
    })),
    {
      name: 'chance',
      label: 'chance',
      color: REFERENCE,
      points: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
      dashed: true,
    },
  ];
}

/** PR curves, one per charted class, with each class's base rate (a random ranking's precision). */
export function prSeries(e: RunEvaluation): ChartSeries[] {
  return chartedClasses(e).flatMap((c, i) => {
    const curve: ChartSeries = {
      name: `pr-${i}`,
      label: labelOf(c.name, 'AUPRC', c.auprc),
      color: colorOf(i),
      points: pointsOf(c.pr),
    };
    const total = c.positives + c.negatives;
    if (total === 0 || e.classes.length > 1) return [curve];
    const rate = c.positives / total;
    return [
      curve,
      {
        name: 'base-rate',
        label: `base rate ${rate.toFixed(3)}`,
        color: REFERENCE,
        points: [
          { x: 0, y: rate },
          { x: 1, y: rate },
        ],
        dashed: true,
      },
    ];
  });
}

/** Calibration: mean prediction against fraction positive per non-empty bin, and the diagonal. */
export function calibrationSeries(e: RunEvaluation): ChartSeries[] {
  return [
    ...chartedClasses(e).map((c, i) => ({
      name: `calibration-${i}`,
      label: c.name,
      color: colorOf(i),
      points: c.calibration
        .filter((b) => b.count > 0 && b.meanPredicted !== null && b.observed !== null)
        .map((b) => ({ x: b.meanPredicted as number, y: b.observed as number })),
      marker: 'circle' as const,
    })),
    {
      name: 'perfect',
      label: 'perfectly calibrated',
      color: REFERENCE,
      points: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
      dashed: true,
    },
  ];
}

/** One output's sampled points (observed on x, predicted on y) and the y = x line. */
export function scatterSeries(r: RegressionFit, i: number): ChartSeries[] {
  const [lo, hi] = scatterDomain(r);
  return [
    {
      name: `scatter-${i}`,
      label: `${r.name}: ${r.observed.length.toLocaleString('en-US')} of ${r.count.toLocaleString('en-US')} rows`,
      color: colorOf(i),
      points: r.observed.map((x, k) => ({ x, y: r.predicted[k] as number })),
      line: false,
      marker: 'circle',
    },
    {
      name: 'identity',
      label: 'predicted = observed',
      color: REFERENCE,
      points: [
        { x: lo, y: lo },
        { x: hi, y: hi },
      ],
      dashed: true,
    },
  ];
}

/** One nice extent for both axes of a scatter, so y = x is the diagonal. */
export function scatterDomain(r: RegressionFit): [number, number] {
  const values = [...r.observed, ...r.predicted].filter((v) => Number.isFinite(v));
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : niceDomain(lo, hi);
}

/** What the page says about where the numbers come from. */
export function evaluationSource(e: RunEvaluation): string {
  return `${e.split} rows (${e.rows.toLocaleString('en-US')}), predicted by the saved model (epoch ${e.epoch}): the rows the run's val_ metrics are computed on`;
}
