// The runs table between two loads of its query: each active run's trainingProgress epoch events
// move its row (epoch, metrics, best epoch) instead of the list polling the server.

export interface LiveMetric {
  name: string;
  value: number;
}

/** A run's latest finished epoch as its progress events told it. */
export interface LiveEpoch {
  epoch: number;
  metrics: readonly LiveMetric[];
}

interface BestEpochLike {
  monitor: string;
  mode: string;
  epoch: number;
  metrics: readonly LiveMetric[];
}

export interface LiveRunFields {
  currentEpoch: number;
  metrics: readonly LiveMetric[];
  bestEpoch: BestEpochLike | null;
}

/** A trainingProgress event: an epoch's end has `batch` null and metrics; others are ignored. */
export function epochOfEvent(event: {
  epoch: number;
  batch: number | null;
  done: boolean;
  metrics: readonly LiveMetric[] | null;
}): LiveEpoch | null {
  if (event.batch !== null || event.done || !event.metrics || event.metrics.length === 0) {
    return null;
  }
  return { epoch: event.epoch, metrics: event.metrics };
}

const valueOf = (metrics: readonly LiveMetric[], name: string) =>
  metrics.find((m) => m.name === name)?.value;

/**
 * `row` with a live epoch newer than its stored one: that epoch's metrics and number, and the
 * best epoch moved to it when it beats the stored best on the same monitored metric (the
 * server's rule, see Run.bestEpoch: val_loss lowest, else loss). Anything older: `row` as it is.
 */
export function withLiveEpoch<R extends LiveRunFields>(row: R, live: LiveEpoch | undefined): R {
  if (!live || live.epoch <= row.currentEpoch) return row;
  const best = row.bestEpoch;
  const monitor =
    best?.monitor ?? (valueOf(live.metrics, 'val_loss') !== undefined ? 'val_loss' : 'loss');
  const mode = best?.mode ?? 'min';
  const value = valueOf(live.metrics, monitor);
  const current = best ? valueOf(best.metrics, monitor) : undefined;
  const beats =
    value !== undefined &&
    Number.isFinite(value) &&
    (current === undefined || (mode === 'min' ? value < current : value > current));
  return {
    ...row,
    currentEpoch: live.epoch,
    metrics: live.metrics,
    bestEpoch: beats ? { monitor, mode, epoch: live.epoch, metrics: live.metrics } : best,
  };
}
