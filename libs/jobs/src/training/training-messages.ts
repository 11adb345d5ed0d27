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
  /** Int32Array over a SharedArrayBuffer; [0] ≠ 0 asks the worker to stop after this batch. */
  stopFlag: SharedArrayBuffer;
  /** Where the run's checkpoints go (one directory per epoch, see checkpoint.ts). */
  checkpointDir: string;
  /** Resume from this epoch's checkpoint; 0 starts from scratch. */
  resumeEpoch: number;
  /** Test-only: after this epoch's checkpoint the worker hangs (no progress, no exit). */
  hangAfterEpoch?: number;
}

/** Messages a training worker posts to its parent, in this order. */
export type TrainingWorkerMessage =
  | { type: 'started'; backend: string; count: number; batches: number }
  | { type: 'batch'; report: BatchReport }
  | { type: 'epoch'; report: EpochReport }
  | { type: 'checkpoint'; epoch: number }
  | { type: 'finished'; stopped: boolean; finalMetrics: Record<string, number> | null }
  | { type: 'failed'; message: string };
