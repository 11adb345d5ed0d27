import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import type { ModelSpec } from '../architectures/build-model.ts';
import type { BackendName } from '../backend/init-backend.ts';
import type { LossWeighting } from '../training/task-loss.ts';

/** What a gradient worker starts with (its `workerData`, besides the bootstrap's `entry`). */
export interface GradientWorkerData {
  index: number;
  /** Number of workers (the barrier's parties). */
  workers: number;
  spec: ModelSpec;
  backend: BackendName;
  /** CPU to pin this worker's thread to (Linux, taskset), or none. */
  cpu?: number;
  /**
   * The model's variables, trainable then non-trainable (Float32, shared): written by the main
   * thread before a training call, by worker 0 when the main thread asks to publish.
   */
  weights: SharedArrayBuffer;
  /** Every worker's slot side by side: worker k writes floats [k·size, (k+1)·size). */
  grads: SharedArrayBuffer;
  /** The step's averaged gradients and batch-norm statistics; worker k averages its slice. */
  mean: SharedArrayBuffer;
  /** One Float64 per worker: the mean loss of its last shard. */
  losses: SharedArrayBuffer;
  /** The workers' barrier (see worker-barrier.ts). */
  control: SharedArrayBuffer;
}

/** The data and optimiser of one training call; typed arrays over shared memory, not copied. */
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
  learningRate: number;
  clipNorm?: number;
}

/** One synchronous step over rows order[start..end): each worker takes its shard. */
export interface StepMessage {
  type: 'step';
  start: number;
  end: number;
  dropoutSeed: number;
}

export type ToWorker =
  | BeginMessage
  | StepMessage
  /** Worker 0 writes its variables into `weights`. */
  | { type: 'publish' }
  /** End of a training call: the optimiser and batch buffers go. */
  | { type: 'end' }
  | { type: 'close' };

export type FromWorker = { type: 'ready' } | { type: 'done' } | { type: 'error'; message: string };
