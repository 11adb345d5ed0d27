import type * as tf from '@tensorflow/tfjs';
import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import type { OptimizerState } from './optimizer-state.ts';
import type { OutputHead } from './output-heads.ts';
import type { ParallelSteps } from './parallel-steps.ts';
import type { MonitorMode, PlateauState } from './plateau.ts';
import type { TrainingData } from './training-data.ts';
import type { TrainingStream } from './training-stream.ts';

/** Stop when a monitored metric stops improving (Keras' EarlyStopping). */
export interface EarlyStoppingOptions {
  /** Metric name of the epoch reports; default `val_loss`. */
  monitor?: string;
  /** Epochs without improvement before stopping. */
  patience: number;
  /** The least change that counts as improvement; default 0. */
  minDelta?: number;
  /** Default: `max` for scores (auroc, accuracy, r2, …), `min` otherwise. */
  mode?: MonitorMode;
  /** Put back the weights of the best epoch when training ends; default true. */
  restoreBestWeights?: boolean;
}

/** Multiply the learning rate by `factor` after `patience` epochs without improvement. */
export interface ReduceLrOptions {
  monitor?: string;
  factor: number;
  patience: number;
  /** Floor of the learning rate; default 0. */
  minLr?: number;
  minDelta?: number;
  mode?: MonitorMode;
}

/** Everything a run needs to resume exactly after an epoch (plain data). */
export interface TrainingState {
  /** Adam's iteration count and moments, matched to the model's trainable weights by order. */
  optimizer: OptimizerState;
  learningRate: number;
  earlyStopping?: PlateauState;
  reduceLr?: PlateauState;
}

/** How to train. Only `epochs`, `batchSize`, `learningRate` and `seed` are required. */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  /** Adam's (initial) learning rate. */
  learningRate: number;
  seed: number;
  /** Loss and metrics; default `binary` (the architecture registry's `task` says which). */
  task?: ArchitectureTask;
  /**
   * For a model with several outputs: how each output trains (loss, λ, its columns of `y`).
   * Default for task `profile`: `profileHeads()`. Validation then reports `val_<head>_<metric>`
   * per head and val_loss = Σ λ · val_<head>_loss.
   */
  heads?: readonly OutputHead[];
  /**
   * Share of `data` held out for validation; default 0.2, 0 for none. Binary and multiclass
   * splits are stratified by label (each class gives round(fraction × its size) rows).
   */
  validationFraction?: number;
  /**
   * An explicit validation set (in memory, or a stream read in order); then all of `data` trains.
   * Not together with a fraction.
   */
  validation?: TrainingData | TrainingStream;
  /**
   * Reverse-complement augmentation: each training row's sequence (the first input, one-hot
   * [length, 4] ACGT) is read as its reverse complement with probability ½, seeded by the run
   * seed, epoch and batch. For targets that do not depend on the strand (not count profiles).
   */
  reverseComplement?: boolean;
  /** Loss weight per class index (binary: [negative, positive]) against imbalance. */
  classWeight?: readonly number[];
  /** Extra loss weight of positive labels (binary, multitask), e.g. negatives / positives. */
  positiveWeight?: number;
  /**
   * L2 penalty on the kernels (dense, convolution and recurrent weight matrices; not biases or
   * normalisation parameters) added to the loss: weightDecay · Σ w² (Keras' l2 regulariser).
   * Default 0. Not with `parallel` (the workers compute the loss).
   */
  weightDecay?: number;
  /**
   * `constant` (default) or `cosine`: epoch e (1-based) of E trains with
   * learningRate · ½(1 + cos(π(e − 1)/E)), annealing towards 0. For a plateau schedule see
   * `reduceLrOnPlateau`; not together with it.
   */
  learningRateSchedule?: 'constant' | 'cosine';
  /** Clip gradients to this global L2 norm before each update. */
  clipNorm?: number;
  earlyStopping?: EarlyStoppingOptions;
  reduceLrOnPlateau?: ReduceLrOptions;
  /** Called after each epoch (awaited). */
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  /**
   * Called after each epoch's report (awaited) with the model and the state to resume from:
   * save both, then resume with `startEpoch: epoch` and `resumeFrom: state`.
   */
  onCheckpoint?: (
    epoch: number,
    model: tf.LayersModel,
    state: TrainingState,
  ) => void | Promise<void>;
  /** Called at most once per `batchReportIntervalMs` during an epoch. */
  onBatch?: (report: BatchReport) => void;
  /** Minimum milliseconds between batch reports (and event-loop yields); default 250. */
  batchReportIntervalMs?: number;
  /** Checked before every batch; `true` ends training after the current step. */
  shouldStop?: () => boolean;
  /**
   * Keep the validation labels and predictions of the model as returned (the last epoch's, or
   * the restored best epoch's) in TrainResult.validationPredictions, for an evaluation file.
   * Single-output models only (not `heads`).
   */
  keepValidationPredictions?: boolean;
  /** Epochs already done (resuming; the caller loaded the weights). */
  startEpoch?: number;
  /** The state an `onCheckpoint` gave; without it a resumed run restarts Adam fresh. */
  resumeFrom?: TrainingState;
  /**
   * Train data-parallel: each step on these gradient workers (a `DataParallelTrainer` started
   * for this model's spec; `model` is its model). Single-input, single-output models only.
   */
  parallel?: ParallelSteps;
}

/** Metrics of one finished epoch. */
export interface EpochReport {
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** `loss` (mean training loss); with validation, the task's metrics (see `taskMetrics`). */
  metrics: Record<string, number>;
  /** The learning rate this epoch trained with. */
  learningRate: number;
  /** Training samples / training seconds of the epoch (validation excluded). */
  samplesPerSecond: number;
  /** Wall seconds of the epoch, validation included. */
  seconds: number;
}

/** Progress within an epoch. */
export interface BatchReport {
  epoch: number;
  epochs: number;
  /** 1-based index of the batch just trained. */
  batch: number;
  batches: number;
  /** Loss of that batch. */
  loss: number;
  /** Training samples per second so far in this epoch. */
  samplesPerSecond: number;
  /** Estimated seconds until the last epoch ends (training at the current rate + validation). */
  etaSeconds: number;
}

/** What `trainModel` did. */
export interface TrainResult {
  /** One report per finished epoch (an epoch cut short by `shouldStop` is not reported). */
  history: EpochReport[];
  /** True when `shouldStop` returned true. */
  stopped: boolean;
  /** True when early stopping ended the run before `epochs`. */
  stoppedEarly: boolean;
  /** The epoch whose weights the model holds after early stopping restored them. */
  restoredEpoch?: number;
  /** With `keepValidationPredictions` and a validation set: the returned model's predictions. */
  validationPredictions?: ValidationPredictions;
}

/**
 * Validation labels and the model's outputs, row-major: `labels` [rows, labelWidth] (for
 * multiclass the class index), `outputs` [rows, width].
 */
export interface ValidationPredictions {
  labels: Float32Array;
  outputs: Float32Array;
  width: number;
  /** The epoch whose weights predicted. */
  epoch: number;
}
