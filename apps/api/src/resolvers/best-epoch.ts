/**
 * A run's best epoch by its monitored metric: val_loss (lowest), which learning-rate-on-plateau
 * and early stopping watch by default; `loss` for a run without validation rows. Pure.
 */

export interface EpochValues {
  epoch: number;
  metrics: Readonly<Record<string, number>>;
}

export interface BestEpochChoice {
  monitor: string;
  mode: 'min' | 'max';
  epoch: number;
}

/** Metrics where lower is better; every other monitored name counts higher as better. */
const LOWER_IS_BETTER = /(^|_)(loss|mse|mae|nll)$/;

/** `min` for losses and errors, `max` for scores (AUROC, accuracy, r2, …). */
export function modeOf(monitor: string): 'min' | 'max' {
  return LOWER_IS_BETTER.test(monitor) ? 'min' : 'max';
}

/**
 * The epoch with the best value of `monitor` (default: val_loss when any epoch has it, else
 * loss); ties go to the earlier epoch. Null when no epoch has a finite value of it.
 *
 * @example bestEpoch([{ epoch: 1, metrics: { val_loss: 0.5 } }, { epoch: 2, metrics: { val_loss: 0.6 } }])
 *   // { monitor: 'val_loss', mode: 'min', epoch: 1 }
 */
export function bestEpoch(
  epochs: readonly EpochValues[],
  monitor?: string,
): BestEpochChoice | null {
  const name =
    monitor ?? (epochs.some((e) => Number.isFinite(e.metrics['val_loss'])) ? 'val_loss' : 'loss');
  const mode = modeOf(name);
  let best: EpochValues | undefined;
  for (const e of epochs) {
    const value = e.metrics[name];
    if (value === undefined || !Number.isFinite(value)) continue;
    const current = best?.metrics[name] as number | undefined;
    if (current === undefined || (mode === 'min' ? value < current : value > current)) best = e;
  }
  return best ? { monitor: name, mode, epoch: best.epoch } : null;
}
