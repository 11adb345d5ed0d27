/**
 * One training of any architecture on labelled data: the architecture and config for the data
 * (architecture-for-data.ts), a seeded stratified validation split, feature scaling (of
 * expression inputs and of a second input's feature columns) learnt from the training rows, the
 * targets and heads the task reads (model-data.ts), then @strand/models' trainModel
 * (checkpoints, resume, stop between batches).
 */
import * as tf from '@tensorflow/tfjs';
import { buildModel, DataParallelTrainer, initBackend, trainModel } from '@strand/models';
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  BatchReport,
  EarlyStoppingOptions,
  EpochReport,
  OutputHead,
  TrainingData,
  TrainingState,
  TrainingStream,
  TrainOptions,
} from '@strand/models';
import { architectureForData } from './architecture-for-data.ts';
import { subset } from './data-rows.ts';
import {
  applyExtraScaling,
  applyFeatureScaling,
  fitExtraScaling,
  fitFeatureScaling,
} from './feature-scaling.ts';
import type { FeatureScaling } from './feature-scaling.ts';
import { holdoutSplit, rowsChecksum } from './holdout-split.ts';
import type { SplitDescription } from './holdout-split.ts';
import { LearningError } from './learning.error.ts';
import type { DataSource } from './store-source.ts';
import {
  fitStoreScaling,
  isStoreSource,
  loadSource,
  rowMask,
  sourceStream,
} from './store-source.ts';
import { headsFor, outputNames, resolvedHeads, trainingData } from './model-data.ts';

/** Where a run resumes: the epoch of a checkpoint, its weights and the engine's state. */
export interface ResumePoint {
  epoch: number;
  weights: { shape: number[]; values: Float32Array }[];
  state: TrainingState;
}

export interface FitOptions {
  architecture: string;
  /** Architecture config; what the data decides (tasks, outputs) is filled in when missing. */
  config?: Record<string, unknown> | null;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Share held out for validation (stratified, seeded); default 0.1 from 50 records, else 0. */
  validationFraction?: number;
  /** The training and validation rows of a split stored with the dataset; overrides the above. */
  split?: { splitId: string; train: readonly number[]; validation: readonly number[] };
  /** Default with a validation split: val_loss, patience 5, best weights restored; false: none. */
  earlyStopping?: EarlyStoppingOptions | false;
  onBatch?: (report: BatchReport) => void;
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  onCheckpoint?: TrainOptions['onCheckpoint'];
  /** Checked before every batch, as is `signal`: training ends after the current step. */
  shouldStop?: () => boolean;
  signal?: AbortSignal;
  resume?: ResumePoint;
  /** Once the data is split and the model built, before the first batch. */
  onStart?: (start: FitStart) => void | Promise<void>;
  /**
   * Gradient workers (data-parallel training, one core each: @strand/models'
   * DataParallelTrainer); default 1: this thread. A model with several outputs (bpnet) or a
   * second input (deepcpg) trains on this thread whatever the value.
   */
  workers?: number;
}

/** What a fit is about to train. */
export interface FitStart {
  architecture: ArchitectureName;
  config: ArchitectureConfig;
  task: ArchitectureTask;
  split: SplitDescription;
  /** Batches per epoch. */
  batches: number;
}

/** A trained model and everything needed to save, apply and audit it. */
export interface FitResult {
  /** The TF.js backend it trained on (results reproduce only on the same backend). */
  backend: string;
  architecture: ArchitectureName;
  config: ArchitectureConfig;
  task: ArchitectureTask;
  /** The caller disposes it. */
  model: tf.LayersModel;
  /** Scaling of feature inputs (null for sequences): apply it before predicting. */
  scaling: FeatureScaling | null;
  /** Scaling of the second input's feature columns (null without one). */
  extraScaling: FeatureScaling | null;
  /**
   * The heads of a multi-output model (BPNet) with the λ training used; null for one output.
   * Test metrics use them (see evaluate).
   */
  heads: OutputHead[] | null;
  /** Names of the outputs: class names, the label columns of multitask data, profile tracks. */
  labelNames: string[];
  inputLength: number;
  alphabetSize: number;
  history: EpochReport[];
  /** Epochs trained (the last reported epoch; a resumed run counts the ones before it). */
  epochs: number;
  /** Stopped by shouldStop or the signal. */
  stopped: boolean;
  stoppedEarly: boolean;
  split: SplitDescription;
  /** Gradient workers it trained on (1: this thread). */
  workers: number;
}

/** Default validation share and early stopping of `fit`: only from this many records. */
export const MIN_RECORDS_FOR_VALIDATION = 50;

/** A stored split's rows, checked against the data, described like a holdout split. */
function storedSplit(
  given: NonNullable<FitOptions['split']>,
  count: number,
  seed: number,
): ReturnType<typeof holdoutSplit> {
  const rows = [...given.train, ...given.validation];
  if (new Set(rows).size !== rows.length || rows.some((r) => !(r >= 0 && r < count))) {
    throw new LearningError(
      'INVALID_DATA',
      `split ${given.splitId} does not fit this data (${count} records)`,
    );
  }
  return {
    train: [...given.train],
    validation: [...given.validation],
    description: {
      method: 'stored',
      splitId: given.splitId,
      seed,
      validationFraction: given.validation.length / count,
      train: given.train.length,
      validation: given.validation.length,
      validationSha256: rowsChecksum(given.validation),
    },
  };
}

/**
 * Trains `options.architecture` on `data` (see the file comment). Throws LearningError for an
 * architecture or config that does not fit the data.
 *
 * @example
 * const fit = await fit(data, { architecture: 'deepbind', epochs: 10, batchSize: 32,
 *   learningRate: 3e-3, seed: 1 });
 */
export async function fit(source: DataSource, o: FitOptions): Promise<FitResult> {
  // Idempotent: the thread's backend (tfjs-node, else WASM) rather than tfjs' slow default.
  const backend = await initBackend();
  const { architecture, config, task } = architectureForData(o.architecture, source, o.config);
  const heads = headsFor(architecture, config, task);
  // A stored table streams, unless the heads of a multi-output model read it (in memory).
  const data = isStoreSource(source) && heads ? await loadSource(source) : source;
  const fraction = o.validationFraction ?? (data.count >= MIN_RECORDS_FOR_VALIDATION ? 0.1 : 0);
  const split = o.split
    ? storedSplit(o.split, data.count, o.seed)
    : holdoutSplit(data.labels, fraction, o.seed);
  let train: TrainingData | TrainingStream;
  let validation: TrainingData | TrainingStream | undefined;
  let scaling: FeatureScaling | null = null;
  let extraScaling: FeatureScaling | null;
  if (isStoreSource(data)) {
    const trainRows = rowMask(data.count, split.train);
    extraScaling = await fitStoreScaling(data, trainRows);
    train = sourceStream(data, trainRows, task, o.seed, extraScaling);
    validation =
      split.validation.length > 0
        ? sourceStream(data, rowMask(data.count, split.validation), task, o.seed, extraScaling)
        : undefined;
  } else {
    scaling = fitFeatureScaling(data, split.train);
    extraScaling = fitExtraScaling(data, split.train);
    const scaled = applyExtraScaling(applyFeatureScaling(data, scaling), extraScaling);
    train = trainingData(subset(scaled, split.train), task);
    validation =
      split.validation.length > 0
        ? trainingData(subset(scaled, split.validation), task)
        : undefined;
  }
  const spec = {
    architecture,
    config,
    inputLength: data.length,
    alphabetSize: data.alphabetSize,
    seed: o.seed,
  };
  let model = buildModel(spec);
  let trainer: DataParallelTrainer | undefined;
  if ((o.workers ?? 1) > 1 && !heads && model.inputs.length === 1 && model.outputs.length === 1) {
    model.dispose();
    trainer = await DataParallelTrainer.start(spec, { workers: o.workers, backend });
    model = trainer.model;
  }
  try {
    if (o.resume) setWeights(model, o.resume);
    const earlyStopping =
      o.earlyStopping === false || validation === undefined
        ? undefined
        : (o.earlyStopping ?? { monitor: 'val_loss', patience: 5, restoreBestWeights: true });
    await o.onStart?.({
      architecture,
      config,
      task,
      split: split.description,
      batches: Math.ceil(train.count / o.batchSize),
    });
    const result = await trainModel(model, train, {
      task,
      ...(heads ? { heads } : {}),
      epochs: o.epochs,
      batchSize: o.batchSize,
      learningRate: o.learningRate,
      seed: o.seed,
      ...(validation ? { validation } : { validationFraction: 0 }),
      ...(earlyStopping ? { earlyStopping } : {}),
      ...(o.onBatch ? { onBatch: o.onBatch } : {}),
      ...(o.onEpoch ? { onEpoch: o.onEpoch } : {}),
      ...(o.onCheckpoint ? { onCheckpoint: o.onCheckpoint } : {}),
      shouldStop: () => o.signal?.aborted === true || o.shouldStop?.() === true,
      ...(o.resume ? { startEpoch: o.resume.epoch, resumeFrom: o.resume.state } : {}),
      ...(trainer ? { parallel: trainer } : {}),
    });
    await trainer?.close();
    return {
      backend,
      architecture,
      config,
      task,
      model,
      scaling,
      extraScaling,
      heads: heads && 'x' in train ? resolvedHeads(heads, model, train) : null,
      labelNames: outputNames(data, task),
      inputLength: data.length,
      alphabetSize: data.alphabetSize,
      history: result.history,
      epochs: result.history.at(-1)?.epoch ?? o.resume?.epoch ?? 0,
      stopped: result.stopped,
      stoppedEarly: result.stoppedEarly,
      split: split.description,
      workers: trainer?.workers ?? 1,
    };
  } catch (error) {
    await trainer?.close().catch(() => undefined);
    model.dispose();
    throw error;
  }
}

/** Same seed, same architecture: the model has the checkpoint's weights in the same order. */
function setWeights(model: tf.LayersModel, resume: ResumePoint): void {
  const expected = model.getWeights().length;
  if (resume.weights.length !== expected) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `the checkpoint of epoch ${resume.epoch} holds ${resume.weights.length} weights; the model has ${expected}`,
      'resume',
    );
  }
  const tensors = resume.weights.map((w) => tf.tensor(w.values, w.shape));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}
