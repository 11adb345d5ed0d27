import type * as tf from '@tensorflow/tfjs';
import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import type { OptimizerState } from './optimizer-state.ts';
import type { LossWeighting } from './task-loss.ts';

/**
 * Where `trainModel` sends its steps when it trains data-parallel (`options.parallel`; the
 * implementation is ../parallel/data-parallel-trainer.ts): gradient workers that each hold a
 * replica of the model and their own Adam, and average their gradients among themselves. The
 * training loop itself (batches, reports, validation, early stopping, checkpoints) stays
 * trainModel's; only the step and what lives in the workers (weights, Adam's moments) go
 * through here.
 */
export interface ParallelSteps {
  /** Every replica takes `model`'s weights; Adam starts fresh, or from `optimizer`. */
  begin(model: tf.LayersModel, setup: ParallelSetup): Promise<void>;
  /**
   * Buffers (shared memory) the batches are gathered into: the workers read their rows there,
   * so a batch crosses threads without a copy. Valid from `begin` to `end`.
   */
  readonly batch: { x: Float32Array; y: Float32Array };
  /**
   * One synchronous step on the first `n` rows of `batch` (the caller filled them), at
   * `learningRate`; resolves with the batch's mean loss.
   */
  step(n: number, dropoutSeed: number, learningRate: number): Promise<number>;
  /** The replicas' weights into `model` (validation, checkpoints, the end). */
  publish(model: tf.LayersModel): Promise<void>;
  /** The replicas' Adam state (as captureOptimizerState gives it), for a checkpoint. */
  optimizerState(): Promise<OptimizerState>;
  /** After the last step: the workers drop their optimizer and buffers. */
  end(): Promise<void>;
}

export interface ParallelSetup {
  batchSize: number;
  labelWidth: number;
  task: ArchitectureTask;
  weighting: LossWeighting;
  learningRate: number;
  clipNorm?: number;
  optimizer?: OptimizerState;
}
