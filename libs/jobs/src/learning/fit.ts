/**
 * One training of any architecture on labelled data: the architecture and config for the data
 * (architecture-for-data.ts), a seeded stratified validation split, feature scaling (of
 * expression inputs and of a second input's feature columns) learnt from the training rows, the
 * targets and heads the task reads (model-data.ts), then @strand/models' trainModel
 * (checkpoints, resume, stop between batches).
 */
import * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  DataParallelTrainer,
  evaluate,
  initBackend,
  probeAttributions,
  trainModel,
  TransferError,
  transferModel,
} from '@strand/models';
import type {
  ArchitectureConfig,
  ArchitectureName,
  ArchitectureTask,
  BatchReport,
  EarlyStoppingOptions,
  EpochReport,
  EvaluatedTask,
  Evaluation,
  OutputHead,
  ProbeAttribution,
  TrainingData,
  TrainingState,
  TrainingStream,
  TrainOptions,
  ValidationPredictions,
} from '@strand/models';
import { architectureForData } from './architecture-for-data.ts';
import type { Embedding } from './embedding.ts';
import { embedRows, encoderOf } from './embedding.ts';
import { subset } from './data-rows.ts';
import {
  applyExtraScaling,
  applyFeatureScaling,
  fitExtraScaling,
  fitFeatureScaling,
  resolveFeatureSelection,
} from './feature-scaling.ts';
import type { FeatureScaling, FeatureSelectionOption } from './feature-scaling.ts';
import { NO_PART } from '@strand/genomics';
import {
  countPart,
  holdoutSplit,
  maskOf,
  partChecksum,
  rowsOf,
  TRAIN_PART,
  VALIDATION_PART,
} from './holdout-split.ts';
import type { HoldoutSplit, SplitDescription } from './holdout-split.ts';
import { LearningError } from './learning.error.ts';
import type { DataSource } from './store-source.ts';
import { fitStoreScaling, isStoreSource, loadSource, sourceStream } from './store-source.ts';
import { headsFor, outputNames, resolvedHeads, trainingData } from './model-data.ts';
import {
  assertTrainingChoicesFit,
  classWeightVector,
  scheduleOptions,
} from './training-choices.ts';
import type { TrainingChoices } from './training-choices.ts';
import type { FreezeOption } from './init-from.ts';

/** Where a run resumes: the epoch of a checkpoint, its weights and the engine's state. */
export interface ResumePoint {
  epoch: number;
  weights: { shape: number[]; values: Float32Array }[];
  state: TrainingState;
}

/**
 * Besides the fields below, the shared training choices (training-choices.ts):
 * reverseComplement, rcAverage, classWeights, lrSchedule, plateauPatience, weightDecay.
 */
export interface FitOptions extends Partial<TrainingChoices> {
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
  split?: { splitId: string; train: ArrayLike<number>; validation: ArrayLike<number> };
  /**
   * The rows fit may use (1; 0: held out, e.g. for a test): the validation share is split off
   * these. Default: every row.
   */
  rows?: Uint8Array;
  /**
   * Feature selection of expression inputs, learnt on the training rows only (see
   * feature-scaling.ts FeatureSelection): default `auto` (top AUTO_SELECTED_FEATURES by F-test
   * when there are more features than training rows), `none`, or a method and k.
   */
  featureSelection?: FeatureSelectionOption;
  /** Default with a validation split: val_loss, patience 5, best weights restored; false: none. */
  earlyStopping?: EarlyStoppingOptions | false;
  onBatch?: (report: BatchReport) => void;
  /** After each epoch; with `probes`, their attributions at the epoch's weights. */
  onEpoch?: (report: EpochReport, probes?: ProbeAttribution[]) => void | Promise<void>;
  /**
   * Live interpretation: one-hot DNA sequences of the data's length (at most MAX_PROBES, checked
   * by readProbes) whose gradient × input is computed after every epoch and handed to onEpoch.
   */
  probes?: string[];
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
  /**
   * Transfer learning (init-from.ts): start from this loaded model's weights (layers of the same
   * name and weight shapes; the caller disposes it) and freeze the `freeze` rule's layers.
   * `ref` names the source in messages. Trains on this thread.
   */
  initFrom?: { model: tf.LayersModel; freeze: FreezeOption; ref: string };
  /**
   * Evaluate the returned model on the validation rows (ROC, PR, calibration, confusion;
   * predicted vs observed for regression): FitResult.evaluation. Costs one more validation
   * pass only when early stopping restored an earlier epoch.
   */
  evaluate?: boolean;
}

/**
 * The evaluation of a fit's returned model on its validation rows (the rows its val_ metrics
 * come from), and which epoch's weights predicted.
 */
export interface FitEvaluation extends Evaluation {
  split: 'validation';
  epoch: number;
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
  /** Predictions average the sequence's and its reverse complement's (evaluate, strand.json). */
  rcAverage: boolean;
  /** The loss weight per class it trained with (classWeights); null for none. */
  classWeight: number[] | null;
  /** With initFrom: the layers copied from the source and those frozen; null otherwise. */
  transfer: { copied: string[]; frozen: string[] } | null;
  /**
   * With `evaluate`: the model's evaluation on the validation rows. Null without validation rows,
   * for a stopped fit, and for tasks drawn otherwise (profile, reconstruction).
   */
  evaluation: FitEvaluation | null;
  /**
   * With `evaluate`, for an autoencoder or VAE on data in memory: the 2-D sample embedding of
   * its validation (else training) rows. Null otherwise.
   */
  embedding: Embedding | null;
}

/** Default validation share and early stopping of `fit`: only from this many records. */
export const MIN_RECORDS_FOR_VALIDATION = 50;

/**
 * The same for feature vectors (expression): 10% of fewer records is under 20 samples, too few
 * to stop on (issue 12: cohorts of 50–80 stopped after 6–9 epochs on ~10 validation samples).
 * Below it a fit trains its fixed epochs on every training row.
 */
export const MIN_FEATURE_RECORDS_FOR_VALIDATION = 200;

/** A stored split's rows, checked against the data, described like a holdout split. */
function storedSplit(
  given: NonNullable<FitOptions['split']>,
  count: number,
  seed: number,
): HoldoutSplit {
  const part = new Uint8Array(count).fill(NO_PART);
  const place = (rows: ArrayLike<number>, p: number) => {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (!(Number.isInteger(r) && r >= 0 && r < count) || part[r] !== NO_PART) return false;
      part[r] = p;
    }
    return true;
  };
  if (!place(given.train, TRAIN_PART) || !place(given.validation, VALIDATION_PART)) {
    throw new LearningError(
      'INVALID_DATA',
      `split ${given.splitId} does not fit this data (${count} records)`,
    );
  }
  return {
    part,
    description: {
      method: 'stored',
      splitId: given.splitId,
      seed,
      validationFraction: given.validation.length / count,
      train: given.train.length,
      validation: given.validation.length,
      validationSha256: partChecksum(part, VALIDATION_PART),
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
  assertTrainingChoicesFit(o, source);
  const heads = headsFor(architecture, config, task);
  // A stored table streams, unless the heads of a multi-output model read it (in memory).
  const data = isStoreSource(source) && heads ? await loadSource(source) : source;
  if (o.rows && o.rows.length !== data.count) {
    throw new LearningError(
      'INVALID_OPTIONS',
      `rows has ${o.rows.length} entries; the data has ${data.count} records`,
      'rows',
    );
  }
  const usable = o.rows ? countPart(o.rows, 1) : data.count;
  const minimum =
    data.kind === 'features' ? MIN_FEATURE_RECORDS_FOR_VALIDATION : MIN_RECORDS_FOR_VALIDATION;
  const fraction = o.validationFraction ?? (usable >= minimum ? 0.1 : 0);
  const split = o.split
    ? storedSplit(o.split, data.count, o.seed)
    : holdoutSplit(data.labels, fraction, o.seed, o.rows);
  let train: TrainingData | TrainingStream;
  let validation: TrainingData | TrainingStream | undefined;
  let scaling: FeatureScaling | null = null;
  let extraScaling: FeatureScaling | null;
  let shape = { length: data.length, alphabetSize: data.alphabetSize };
  const validating = split.description.validation > 0;
  if (isStoreSource(data)) {
    const trainRows = maskOf(split.part, TRAIN_PART);
    extraScaling = await fitStoreScaling(data, trainRows);
    train = sourceStream(data, trainRows, task, o.seed, extraScaling);
    validation = validating
      ? sourceStream(data, maskOf(split.part, VALIDATION_PART), task, o.seed, extraScaling)
      : undefined;
  } else {
    const trainRows = rowsOf(split.part, TRAIN_PART);
    const selection = resolveFeatureSelection(data, trainRows, o.featureSelection);
    if (o.initFrom && selection) {
      // Selected anew on these rows, the columns would not be the ones the source learnt.
      throw new LearningError(
        'INVALID_OPTIONS',
        `initFrom: a model fine-tuned from ${o.initFrom.ref} reads every feature; give selectFeatures 0 (none), not ${selection.method} top ${selection.k}`,
        'initFrom',
      );
    }
    scaling = fitFeatureScaling(data, trainRows, selection);
    extraScaling = fitExtraScaling(data, trainRows);
    const scaled = applyExtraScaling(applyFeatureScaling(data, scaling), extraScaling);
    shape = { length: scaled.length, alphabetSize: scaled.alphabetSize };
    train = trainingData(subset(scaled, trainRows), task);
    validation = validating
      ? trainingData(subset(scaled, rowsOf(split.part, VALIDATION_PART)), task)
      : undefined;
  }
  const spec = {
    architecture,
    config,
    inputLength: shape.length,
    alphabetSize: shape.alphabetSize,
    seed: o.seed,
  };
  const classWeight = classWeightVector(
    o.classWeights,
    data.labelNames,
    data.labels,
    rowsOf(split.part, TRAIN_PART),
  );
  if (classWeight && task !== 'binary' && task !== 'multiclass') {
    throw new LearningError(
      'INVALID_OPTIONS',
      `classWeights weigh classes; this ${task} task has none`,
      'classWeights',
    );
  }
  if ((o.workers ?? 1) > 1 && (o.weightDecay ?? 0) > 0) {
    throw new LearningError(
      'INVALID_OPTIONS',
      'weightDecay trains on one thread: leave workers at 1',
      'weightDecay',
    );
  }
  if (o.initFrom && (o.workers ?? 1) > 1) {
    throw new LearningError(
      'INVALID_OPTIONS',
      'initFrom trains on one thread: leave workers at 1',
      'initFrom',
    );
  }
  let transfer: FitResult['transfer'] = null;
  let model: tf.LayersModel;
  if (o.initFrom) {
    const { model: source, freeze, ref } = o.initFrom;
    try {
      const made = transferModel(
        source,
        { architecture, config, input: { length: shape.length, alphabetSize: shape.alphabetSize } },
        { freeze: freeze === 'none' ? [] : freeze, seed: o.seed },
      );
      model = made.model;
      transfer = { copied: made.copied, frozen: made.frozen };
    } catch (error) {
      if (!(error instanceof TransferError)) throw error;
      const field = error.message.startsWith('freeze') ? 'freeze' : 'initFrom';
      throw new LearningError('INVALID_OPTIONS', `${field} (${ref}): ${error.message}`, field);
    }
    if (transfer.copied.length === 0) {
      model.dispose();
      throw new LearningError(
        'INVALID_OPTIONS',
        `initFrom: no layer of ${ref} has the name and weight shapes of a layer of this ${architecture} (its config differs)`,
        'initFrom',
      );
    }
  } else {
    model = buildModel(spec);
  }
  let trainer: DataParallelTrainer | undefined;
  if (
    !o.initFrom &&
    (o.workers ?? 1) > 1 &&
    !heads &&
    model.inputs.length === 1 &&
    model.outputs.length === 1
  ) {
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
      ...(o.reverseComplement ? { reverseComplement: true } : {}),
      ...(classWeight ? { classWeight } : {}),
      ...((o.weightDecay ?? 0) > 0 ? { weightDecay: o.weightDecay } : {}),
      ...scheduleOptions(o, validation !== undefined),
      ...(o.onBatch ? { onBatch: o.onBatch } : {}),
      ...(o.onEpoch ? { onEpoch: epochReporter(o.onEpoch, model, o.probes) } : {}),
      ...(o.onCheckpoint ? { onCheckpoint: o.onCheckpoint } : {}),
      shouldStop: () => o.signal?.aborted === true || o.shouldStop?.() === true,
      ...(o.resume ? { startEpoch: o.resume.epoch, resumeFrom: o.resume.state } : {}),
      ...(trainer ? { parallel: trainer } : {}),
      ...(o.evaluate ? { keepValidationPredictions: true } : {}),
    });
    const labelNames = outputNames(data, task);
    const epoch = result.restoredEpoch ?? result.history.at(-1)?.epoch ?? 0;
    let embedding: Embedding | null = null;
    if (o.evaluate && !result.stopped && task === 'reconstruction' && !isStoreSource(data)) {
      // The rows the val_ metrics come from, else (no validation) the rows it trained on.
      const [rows, part, source] = validation
        ? (['validation', VALIDATION_PART, validation] as const)
        : (['train', TRAIN_PART, train] as const);
      const encoder = 'x' in source ? encoderOf(model, architecture) : null;
      if (encoder && 'x' in source) {
        const classes = rowsOf(split.part, part).map((r) => data.labels[r] as number);
        embedding = embedRows(
          encoder,
          source.x,
          { rows: source.count, length: shape.length, alphabetSize: shape.alphabetSize },
          classes,
          data.labelNames,
          { split: rows, epoch },
        );
      }
    }
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
      labelNames,
      inputLength: shape.length,
      alphabetSize: shape.alphabetSize,
      history: result.history,
      epochs: result.history.at(-1)?.epoch ?? o.resume?.epoch ?? 0,
      stopped: result.stopped,
      stoppedEarly: result.stoppedEarly,
      split: split.description,
      workers: trainer?.workers ?? 1,
      rcAverage: o.rcAverage === true,
      classWeight: classWeight ?? null,
      transfer,
      evaluation: result.stopped
        ? null
        : evaluationOf(task, result.validationPredictions, labelNames),
      embedding,
    };
  } catch (error) {
    await trainer?.close().catch(() => undefined);
    model.dispose();
    throw error;
  }
}

/** onEpoch, given the probes' attributions at the epoch's weights when there are probes. */
function epochReporter(
  onEpoch: NonNullable<FitOptions['onEpoch']>,
  model: tf.LayersModel,
  probes: string[] | undefined,
): (report: EpochReport) => void | Promise<void> {
  if (!probes?.length) return (report) => onEpoch(report);
  return (report) => onEpoch(report, probeAttributions(model, probes));
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

const EVALUATED_TASKS: readonly string[] = ['binary', 'multitask', 'multiclass', 'regression'];

function evaluationOf(
  task: ArchitectureTask,
  predictions: ValidationPredictions | undefined,
  names: readonly string[],
): FitEvaluation | null {
  if (predictions === undefined || !EVALUATED_TASKS.includes(task)) return null;
  const { labels, outputs, width, epoch } = predictions;
  return {
    split: 'validation',
    epoch,
    ...evaluate(task as EvaluatedTask, labels, outputs, width, names),
  };
}
