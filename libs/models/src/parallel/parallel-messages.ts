import type { ModelSpec } from '../architectures/build-model.ts';
import type { BackendName } from '../backend/init-backend.ts';
import type { OptimizerState } from '../training/optimizer-state.ts';
import type { ParallelSetup } from '../training/parallel-steps.ts';

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
  /** The step's averaged gradients and batch-norm statistics (each worker adds its share). */
  mean: SharedArrayBuffer;
  /** OrderedSum's counters: how far each chunk of `mean` has been summed. */
  sum: SharedArrayBuffer;
  /** One Float64 per worker: the mean loss of its last shard. */
  losses: SharedArrayBuffer;
  /** The workers' barrier (see worker-barrier.ts). */
  control: SharedArrayBuffer;
}

/** A training call's setup; `x` and `y` are the shared batch buffers the main thread fills. */
export interface BeginMessage extends ParallelSetup {
  type: 'begin';
  x: Float32Array;
  y: Float32Array;
}

/** One synchronous step on the batch's first `n` rows: each worker takes its shard. */
export interface StepMessage {
  type: 'step';
  n: number;
  dropoutSeed: number;
  learningRate: number;
}

export type ToWorker =
  | BeginMessage
  | StepMessage
  /** Worker 0 writes its variables into `weights`. */
  | { type: 'publish' }
  /** Worker 0 answers with its Adam state. */
  | { type: 'state' }
  /** End of a training call: the optimizer and batch tensors go. */
  | { type: 'end' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done' }
  | { type: 'state'; state: OptimizerState }
  | { type: 'error'; message: string };
