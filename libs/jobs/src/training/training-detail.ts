/**
 * A run's place in its TRAIN job's progress stream (events/event-bus.ts): the training detail of
 * the job's last event, and how a live batch or epoch counts in the job's progress (epochs done).
 */
import type { Run } from '@strand/data';
import type { TrainingDetail } from '../events/event-bus.ts';

/** The run's stored state as the detail of a last event: no batch, its final (or latest) metrics. */
export function finalTraining(run: Run): TrainingDetail {
  const metrics = run.finalMetrics ?? null;
  return {
    runId: run.id,
    status: run.status,
    epoch: run.currentEpoch,
    epochs: run.epochs,
    batch: null,
    batches: null,
    loss: metrics?.loss ?? Number.NaN,
    metrics,
    samplesPerSecond: null,
    etaSeconds: 0,
  };
}

/** Epochs done at a live event: an epoch event ends its epoch; a batch event is inside its own. */
export function epochsDone(detail: TrainingDetail): number {
  return detail.batch === null ? detail.epoch : detail.epoch - 1;
}
