import type { JsonObject } from '@strand/data';
import type { BatchReport, EpochReport } from '@strand/models';
import type { StoredProbeAttribution } from '../learning/probes.ts';
import type { SplitDescription } from '../learning/holdout-split.ts';
import type { StoredDataset } from '../learning/stored-data.ts';

/** What the parent hands a training worker. Paths are absolute. */
export interface TrainingWorkerData {
  runId: string;
  /** The stored dataset: kind, absolute file, label names, sample labels (expression). */
  dataset: Omit<StoredDataset, 'checksum'>;
  architecture: string;
  config: Record<string, unknown>;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  validationFraction: number;
  /** The run's trainingOptions column (null: every default). */
  trainingOptions: JsonObject | null;
  /** Live interpretation: the run's probes (empty: none), attributed after every epoch. */
  probes: string[];
  /** The split stored with the dataset that the run trains and validates on. */
  split: { splitId: string; train: number[]; validation: number[] };
  modelDir: string;
  /** Transfer learning: the source model's directory (the run's trainingOptions.initFrom). */
  initFromDir?: string;
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
  | {
      type: 'started';
      backend: string;
      count: number;
      batches: number;
      /** The training/validation split this run uses (the same on every resume). */
      split: SplitDescription;
    }
  | { type: 'batch'; report: BatchReport }
  | {
      type: 'epoch';
      report: EpochReport;
      /** The probes' attributions at the epoch's weights (absent without probes). */
      probes?: StoredProbeAttribution[];
    }
  | { type: 'checkpoint'; epoch: number }
  | { type: 'finished'; stopped: boolean; finalMetrics: Record<string, number> | null }
  | { type: 'failed'; message: string };
