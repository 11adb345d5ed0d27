import type { BatchReport, EpochReport } from '@strand/models';

/** What the parent hands a training worker. Paths are absolute. */
export interface TrainingWorkerData {
  runId: string;
  datasetFile: string;
  architecture: string;
  config: Record<string, unknown>;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  validationFraction: number;
  modelDir: string;
  dataChecksum: string | null;
  /** Int32Array over a SharedArrayBuffer; [0] = 1 asks the worker to stop after this batch. */
  stopFlag: SharedArrayBuffer;
}

/** Messages a training worker posts to its parent, in this order. */
export type TrainingWorkerMessage =
  | { type: 'started'; backend: string; count: number; batches: number }
  | { type: 'batch'; report: BatchReport }
  | { type: 'epoch'; report: EpochReport }
  | { type: 'finished'; stopped: boolean; finalMetrics: Record<string, number> | null }
  | { type: 'failed'; message: string };
