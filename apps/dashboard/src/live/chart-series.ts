import type { ChartSeries, MarkerShape } from '../chart/series.ts';
import type { MetricGroup } from './metric-groups.ts';
import type { LiveState } from './progress-reducer.ts';

// Okabe–Ito, colour-blind safe (yellow left out: unreadable on white); markers also differ in
// shape so colour is not needed to tell the first three series apart.
export const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
];
const MARKERS: readonly MarkerShape[] = ['circle', 'diamond', 'square'];
const BATCH_COLOR = '#56b4e9';
/** Above this many series a chart draws lines only: a marker per point per class is clutter. */
const MAX_MARKED_SERIES = 6;

const epochSeries = (state: LiveState, metric: string) =>
  state.epochs.map((p) => ({ x: p.epoch, y: p.metrics[metric] ?? Number.NaN }));

/**
 * One chart's series: each metric of the group per epoch (a gap as NaN), the first with circles
 * (they carry data-epoch for browser tests); the loss chart adds the live batch loss, thin.
 */
export function groupSeries(state: LiveState, group: MetricGroup): ChartSeries[] {
  const marked = group.metrics.length <= MAX_MARKED_SERIES;
  const series: ChartSeries[] = group.metrics.map((name, i) => ({
    name,
    label: name,
    color: PALETTE[i % PALETTE.length] as string,
    points: epochSeries(state, name),
    marker: marked || i === 0 ? (MARKERS[i % MARKERS.length] as MarkerShape) : 'none',
  }));
  if (group.key === 'loss') {
    series.push({
      name: 'batch_loss',
      label: 'batch loss (live)',
      color: BATCH_COLOR,
      points: state.batches.map((b) => ({ x: b.x, y: b.loss })),
      thin: true,
    });
  }
  return series;
}
