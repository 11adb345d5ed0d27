/** Whether a monitored metric should go down (`min`) or up (`max`). */
export type MonitorMode = 'min' | 'max';

/** Metrics that are better when higher; everything else (losses, errors) is minimised. */
const HIGHER_IS_BETTER = /auroc|auprc|accuracy|f1|mcc|pearson|spearman|r2/;

/** The mode for a metric name: `max` for scores such as val_auroc, else `min`. */
export function defaultMode(monitor: string): MonitorMode {
  return HIGHER_IS_BETTER.test(monitor) ? 'max' : 'min';
}

/** A plateau tracker's state, plain data so a checkpoint can carry it. */
export interface PlateauState {
  best: number;
  bestEpoch: number;
  /** Epochs since the last improvement. */
  wait: number;
}

/**
 * Tracks a monitored metric across epochs as Keras' EarlyStopping / ReduceLROnPlateau do: a
 * value improves on the best by more than `minDelta` (in the mode's direction); NaN never does.
 */
export class PlateauTracker {
  state: PlateauState;

  constructor(
    private readonly mode: MonitorMode,
    private readonly minDelta: number,
    state?: PlateauState,
  ) {
    this.state = state ?? { best: mode === 'min' ? Infinity : -Infinity, bestEpoch: 0, wait: 0 };
  }

  /** Records one epoch's value; returns true when it is a new best. */
  update(value: number, epoch: number): boolean {
    const s = this.state;
    const improved =
      this.mode === 'min' ? value < s.best - this.minDelta : value > s.best + this.minDelta;
    if (improved) this.state = { best: value, bestEpoch: epoch, wait: 0 };
    else this.state = { ...s, wait: s.wait + 1 };
    return improved;
  }
}
