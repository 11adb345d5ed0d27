import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import type { ModelSpec } from '../architectures/build-model.ts';
import type { BackendName } from '../backend/init-backend.ts';
import type { LossWeighting } from '../training/task-loss.ts';

/** What a gradient worker starts with (its `workerData`, besides the bootstrap's `entry`). */
export interface GradientWorkerData {
  index: number;
  spec: ModelSpec;
  backend: BackendName;
  /** The current weights, written by the main thread before every step (Float32, shared). */
  weights: SharedArrayBuffer;
  /** Every worker's gradients side by side: worker k writes floats [k·size, (k+1)·size). */
  grads: SharedArrayBuffer;
  /** One Float64 per worker: the mean loss of its last shard. */
  losses: SharedArrayBuffer;
}

/** The data of one training call; typed arrays over shared memory, so nothing is copied. */
export interface BeginMessage {
  type: 'begin';
  x: Float32Array;
  y: Float32Array;
  /** The epoch's shuffled training rows; the main thread rewrites it each epoch. */
  order: Uint32Array;
  batchSize: number;
  labelWidth: number;
  task: ArchitectureTask;
  weighting: LossWeighting;
}

/** Compute the gradients of rows order[start..end) at the shared weights. */
export interface StepMessage {
  type: 'step';
  start: number;
  end: number;
  dropoutSeed: number;
}

export type ToWorker = BeginMessage | StepMessage | { type: 'close' };

export type FromWorker = { type: 'ready' } | { type: 'done' } | { type: 'error'; message: string };
