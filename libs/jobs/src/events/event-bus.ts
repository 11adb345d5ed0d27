import { createPubSub } from '@graphql-yoga/subscription';
import type { RunStatus } from '@strand/data';

/** A live progress event of one training run: a batch event or an epoch event. */
export interface TrainingProgressEvent {
  runId: string;
  status: RunStatus;
  epoch: number;
  epochs: number;
  /** Set on batch events; null on epoch events. */
  batch: number | null;
  batches: number | null;
  loss: number;
  /** The epoch's metrics on epoch events; null on batch events. */
  metrics: Record<string, number> | null;
  samplesPerSecond: number | null;
  etaSeconds: number | null;
  /** True on the last event a run publishes. */
  done: boolean;
}

/** A run changed status (queued, started, finished, failed, cancelled). */
export interface RunStatusEvent {
  runId: string;
  /** The run's project, so subscribers can be filtered to the projects they may read. */
  projectId: string;
  status: RunStatus;
}

/**
 * Topics. TRAINING_PROGRESS is routed by run id, so a subscriber to one run never sees
 * another's events.
 */
export type StrandEvents = {
  TRAINING_PROGRESS: [runId: string, event: TrainingProgressEvent];
  RUN_STATUS: [event: RunStatusEvent];
};

/**
 * The PubSub that jobs publish on and the API subscribes to. In-memory in embedded mode; a
 * Redis event target plugs in here when scaled out (createPubSub({ eventTarget })).
 */
export function createEventBus() {
  return createPubSub<StrandEvents>();
}

export type EventBus = ReturnType<typeof createEventBus>;
