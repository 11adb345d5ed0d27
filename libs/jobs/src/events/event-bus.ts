import { createPubSub } from '@graphql-yoga/subscription';
import type { JobProgress, JobStatus, RunStatus } from '@strand/data';
import type { StoredProbeAttribution } from '../learning/probes.ts';

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
  /** Epoch events of a run with probes: their attributions at the epoch's weights. */
  probeAttributions?: (StoredProbeAttribution & { sequence: string })[];
}

/** A run changed status (queued, started, finished, failed, cancelled). */
export interface RunStatusEvent {
  runId: string;
  /** The run's project, so subscribers can be filtered to the projects they may read. */
  projectId: string;
  status: RunStatus;
}

/** A job's progress; the last event of a job has `done: true` and its final status. */
export interface JobProgressEvent {
  jobId: string;
  status: JobStatus;
  progress: JobProgress;
  done: boolean;
}

/** A job changed status. */
export interface JobStatusEvent {
  jobId: string;
  projectId: string;
  status: JobStatus;
}

/**
 * Topics. TRAINING_PROGRESS and JOB_PROGRESS are routed by run or job id, so a subscriber to one
 * never sees another's events.
 */
export type StrandEvents = {
  TRAINING_PROGRESS: [runId: string, event: TrainingProgressEvent];
  RUN_STATUS: [event: RunStatusEvent];
  JOB_PROGRESS: [jobId: string, event: JobProgressEvent];
  JOB_STATUS: [event: JobStatusEvent];
  /** Scaled out: an API replica asks the workers to stop a running job. */
  CANCEL_REQUEST: [event: CancelRequestEvent];
};

/** Asks whichever worker runs it to stop a job, a TRAIN job included (scaled-out mode). */
export interface CancelRequestEvent {
  /** The job's id. */
  id: string;
}

/**
 * The PubSub that jobs publish on and the API subscribes to. In-memory in embedded mode; scaled
 * out, `eventTarget` is cluster/redis-event-target.ts (Redis pub/sub across processes).
 */
export function createEventBus(eventTarget?: EventTarget | object) {
  return createPubSub<StrandEvents>(
    eventTarget ? { eventTarget: eventTarget as never } : undefined,
  );
}

export type EventBus = ReturnType<typeof createEventBus>;
