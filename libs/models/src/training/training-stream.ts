import type { TrainingData } from './training-data.ts';

/** One batch of a TrainingStream: `count` rows, row-major. Valid until the next is asked for. */
export interface TrainingBatch {
  count: number;
  /** [count, length, alphabetSize]. */
  x: Float32Array;
  /** Further model inputs, each [count, …that input's shape]. */
  extraInputs?: Float32Array[];
  /** [count, labelWidth] (what it holds per task: see TrainingData). */
  y: Float32Array;
}

/**
 * Training data read batch by batch, for data too large to hold at once (a stored dataset of
 * millions of records): its shape, and its batches of one pass. trainModel takes it in place of
 * TrainingData for a single-output task; memory is then the stream's, not the data's.
 */
export interface TrainingStream {
  count: number;
  length: number;
  alphabetSize: number;
  /** Label columns per row; default 1. */
  labelWidth?: number;
  /** Values per row of each further input (multimodal models), in order. */
  extraInputSizes?: readonly number[];
  /**
   * The batches of one pass over every row. `epoch` ≥ 1: a shuffled order seeded by the stream's
   * seed and the epoch (the same epoch gives the same batches); 0: the rows in stored order.
   */
  batches(batchSize: number, epoch: number): AsyncIterable<TrainingBatch>;
}

/** Whether training data is a stream (else it is held in memory). */
export function isTrainingStream(data: TrainingData | TrainingStream): data is TrainingStream {
  return typeof (data as TrainingStream).batches === 'function';
}
