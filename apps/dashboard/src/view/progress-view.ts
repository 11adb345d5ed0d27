import type { RunStatus } from '../graphql/types.ts';
import type { LiveState } from '../live/progress-reducer.ts';

/** Everything the progress bar shows. */
export interface ProgressView {
  /** Epochs finished. */
  epochsDone: number;
  epochs: number;
  /** The batch in the epoch under way, while a batch event is the latest news. */
  batch: number | null;
  batches: number | null;
  /** Share of the whole run done, 0..1, counting the epoch under way by its batches. */
  fraction: number;
  samplesPerSecond: number | null;
  etaSeconds: number | null;
}

/** Statuses in which a run may still change. */
export const isActive = (status: RunStatus) => status === 'QUEUED' || status === 'RUNNING';

/**
 * The status to show: a live event is newer than the queried run while that run is active;
 * once the query says the run ended, the query wins.
 */
export function displayStatus(status: RunStatus, live: LiveState): RunStatus {
  return live.latest && isActive(status) ? live.latest.status : status;
}

/** The progress bar's numbers from the queried run and the live state. */
export function progressView(
  run: { status: RunStatus; epochs: number; currentEpoch: number },
  live: LiveState,
): ProgressView {
  const latest = live.latest;
  const epochs = latest?.epochs ?? run.epochs;
  const lastEpoch = live.epochs.reduce((max, p) => Math.max(max, p.epoch), 0);
  let epochsDone = Math.max(run.currentEpoch, lastEpoch);
  const underWay = latest && !latest.done && latest.batch != null && isActive(run.status);
  if (underWay) epochsDone = Math.max(epochsDone, latest.epoch - 1);
  const batch = underWay && latest.epoch === epochsDone + 1 ? latest.batch : null;
  const batches = batch != null ? (latest?.batches ?? null) : null;
  const partial = batch != null && batches ? Math.min(1, batch / batches) : 0;
  const fraction = epochs > 0 ? Math.min(1, (epochsDone + partial) / epochs) : 0;
  const running = latest != null && isActive(run.status) && !latest.done;
  return {
    epochsDone,
    epochs,
    batch,
    batches,
    fraction,
    samplesPerSecond: running ? latest.samplesPerSecond : null,
    etaSeconds: running ? latest.etaSeconds : null,
  };
}
