import type { ChartSeries } from '../chart/series.ts';
import type { LiveState } from './progress-reducer.ts';

// Colour-blind-safe pairs (Okabe–Ito); markers also differ in shape so colour is not needed.
const COLORS = { loss: '#0072b2', val: '#d55e00', batch: '#56b4e9', auprc: '#009e73' };

const epochSeries = (state: LiveState, metric: string) =>
  state.epochs.map((p) => ({ x: p.epoch, y: p.metrics[metric] ?? Number.NaN }));

/** The "Loss" chart: training and validation loss per epoch, and the live batch loss. */
export function lossSeries(state: LiveState): ChartSeries[] {
  return [
    {
      name: 'loss',
      label: 'loss',
      color: COLORS.loss,
      points: epochSeries(state, 'loss'),
      marker: 'square',
    },
    {
      name: 'val_loss',
      label: 'val_loss',
      color: COLORS.val,
      points: epochSeries(state, 'val_loss'),
      marker: 'diamond',
    },
    {
      name: 'batch_loss',
      label: 'batch loss (live)',
      color: COLORS.batch,
      points: state.batches.map((b) => ({ x: b.x, y: b.loss })),
      thin: true,
    },
  ];
}

/** The "Validation AUROC / AUPRC" chart; only val_auroc uses circles (tests count them). */
export function qualitySeries(state: LiveState): ChartSeries[] {
  return [
    {
      name: 'val_auroc',
      label: 'val_auroc',
      color: COLORS.val,
      points: epochSeries(state, 'val_auroc'),
      marker: 'circle',
    },
    {
      name: 'val_auprc',
      label: 'val_auprc',
      color: COLORS.auprc,
      points: epochSeries(state, 'val_auprc'),
      marker: 'diamond',
    },
  ];
}
