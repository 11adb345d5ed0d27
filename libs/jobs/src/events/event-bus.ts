import { createPubSub } from '@graphql-yoga/subscription';
import type { JobProgress, JobStatus, RunStatus } from '@strand/data';
import type { StoredProbeAttribution } from '../learning/probes.ts';

/**
 * The training detail of a TRAIN job's progress event: one batch or one epoch of its run, or, on
 * the job's last event, the run's final state (batch null, its final metrics).
 */
export interface TrainingDetail {
  runId: string;
  /** The run's status (a run has its own: STALLED, for one). */
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

/**
 * A job's progress; the last event of a job has `done: true` and its final status. A TRAIN job's
 * events also carry its run's training: every batch and epoch event, and the run's final state on
 * the last event.
 */
export interface JobProgressEvent {
  jobId: string;
  status: JobStatus;
  progress: JobProgress;
  done: boolean;
  training?: TrainingDetail;
}

/** A job changed status. */
export interface JobStatusEvent {
  jobId: string;
  projectId: string;
  status: JobStatus;
}

/**
 * Topics. JOB_PROGRESS is routed by job id, so a subscriber to one job never sees another's
 * events; it is the one progress stream (a training run's is its TRAIN job's).
 */
export type StrandEvents = {
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
