import type { BackendName } from '../backend/init-backend.ts';
import type { TrainOptions, TrainResult } from '../training/train-options.ts';
import type * as tf from '@tensorflow/tfjs';

/** How many gradient workers, on which backend. */
export interface WorkerPoolOptions {
  /** Worker threads; default min(2, os.availableParallelism()). */
  workers?: number;
  /** Backend of every worker and of the main thread; default `auto` (see `initBackend`). */
  backend?: BackendName | 'auto';
  /**
   * Pin worker k to CPU k (Linux, util-linux's taskset) when there are at least as many CPUs as
   * workers; default true.
   */
  pin?: boolean;
}

/**
 * The `trainModel` options data-parallel training supports. Not (yet) supported: early
 * stopping, LR on plateau, checkpoints and resuming, an explicit validation set, extra inputs.
 */
export type DataParallelTrainOptions = Pick<
  TrainOptions,
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'seed'
  | 'task'
  | 'validationFraction'
  | 'classWeight'
  | 'positiveWeight'
  | 'clipNorm'
  | 'onEpoch'
  | 'onBatch'
  | 'batchReportIntervalMs'
  | 'shouldStop'
>;

/** What `trainDataParallel` did, with the trained model (on the calling thread; dispose it). */
export interface DataParallelResult extends Pick<TrainResult, 'history' | 'stopped'> {
  model: tf.LayersModel;
  workers: number;
}
