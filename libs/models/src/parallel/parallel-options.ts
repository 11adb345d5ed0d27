import type { BackendName } from '../backend/init-backend.ts';
import type { TrainOptions, TrainResult } from '../training/train-options.ts';
import type * as tf from '@tensorflow/tfjs';

/** How many gradient workers, on which backend. */
export interface WorkerPoolOptions {
  /** Worker threads; default every core (os.availableParallelism()). */
  workers?: number;
  /** Backend of every worker and of the main thread; default `auto` (see `initBackend`). */
  backend?: BackendName | 'auto';
  /**
   * Pin worker k to CPU k (Linux, util-linux's taskset) when there are at least as many CPUs as
   * workers; default true.
   */
  pin?: boolean;
}

/** Data-parallel training takes every `trainModel` option (but `parallel`, which it sets). */
export type DataParallelTrainOptions = Omit<TrainOptions, 'parallel'>;

/** What `trainDataParallel` did, with the trained model (on the calling thread; dispose it). */
export interface DataParallelResult extends TrainResult {
  model: tf.LayersModel;
  workers: number;
}
