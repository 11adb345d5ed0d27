/**
 * The training engine: a custom loop over Adam, not `model.fit` (measured here, fit's
 * callbacks and bookkeeping cost ~35% more per step than a bare minimize). The Adam is
 * StrandAdamOptimizer: tfjs' Adam with its update fused into one kernel (fused-adam.ts).
 *
 * Map of this file:
 *   1. trainModel .............. checks, split, optimizer (maybe resumed), the epoch loop with
 *                                early stopping, LR on plateau, checkpoints, cleanup
 *   2. runEpoch ................ the epoch's batches (in memory: a seeded shuffle of the rows,
 *                                gathered into reused buffers; a TrainingStream: its own seeded
 *                                batches), throttled batch reports, shouldStop between batches,
 *                                yielding to the event loop
 *   3. step .................... one tidy'd Adam step (gradients maybe clipped); loss summed
 *                                on the device; several outputs sum their heads' weighted losses;
 *                                with `options.parallel`, the step runs on gradient workers
 *                                (data-parallel: parallel-steps.ts) and the loop is the same
 *   4. validate ................ batched predictions → the exact metrics of ../metrics
 *   5. checks .................. options and model/data shape agreement
 * Options and reports are typed in train-options.ts; losses in task-loss.ts; the heads of a
 * multi-output model (BPNet's profile + counts, or `options.heads`) in output-heads.ts.
 *
 * Determinism: shuffles and dropout masks come from seeds derived from `seed`, epoch and batch
 * (not from one running generator), so a run resumed at `startEpoch` shuffles as the
 * uninterrupted run would have; with `resumeFrom` Adam's moments resume too.
 */
import * as tf from '@tensorflow/tfjs';
import { reverseComplementRows } from '@strand/genomics';
import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import { clipByGlobalNorm } from './clip-gradients.ts';
import { reseedDropout } from './dropout-seed.ts';
import { StrandAdamOptimizer } from './fused-adam.ts';
import { gatherRows } from './gather.ts';
import type { HeadLayout } from './output-heads.ts';
import { layoutHeads, profileHeads } from './output-heads.ts';
import { captureOptimizerState, restoreOptimizerState } from './optimizer-state.ts';
import { PlateauTracker, defaultMode } from './plateau.ts';
import { inputRowSizes, inputTensors, predictOutputs, predictStream } from './predict.ts';
import { deriveSeed, seededRandom, shuffleInPlace } from './seed.ts';
import { stratifiedSplit } from './split.ts';
import { headLoss, headTarget, taskLoss } from './task-loss.ts';
import { headMetrics, taskMetrics } from './task-metrics.ts';
import type { ParallelSteps } from './parallel-steps.ts';
import type {
  EpochReport,
  TrainOptions,
  TrainResult,
  TrainingState,
  ValidationPredictions,
} from './train-options.ts';
import type { TrainingData } from './training-data.ts';
import { checkTrainingData } from './training-data.ts';
import type { TrainingStream } from './training-stream.ts';
import { isTrainingStream } from './training-stream.ts';
import { TrainingInputError } from './training-input.error.ts';

export type {
  BatchReport,
  EarlyStoppingOptions,
  EpochReport,
  ReduceLrOptions,
  TrainOptions,
  TrainResult,
  TrainingState,
  ValidationPredictions,
} from './train-options.ts';

// ─── 1. trainModel ──────────────────────────────────────────────────────────────────────────

/**
 * Trains a model with Adam on the loss of `options.task` (default binary cross-entropy),
 * updating its weights in place. Same seed + same backend → identical history. A model with
 * several outputs trains on Σ λ·loss of its heads: `options.heads`, or for task `profile`
 * BPNet's (`profileHeads()`: multinomial profile loss + λ · MSE of log(1 + total counts)).
 *
 * @example
 * const options = { epochs: 5, batchSize: 64, learningRate: 1e-3, seed: 1 };
 * const { history } = await trainModel(model, data, options);
 */
export async function trainModel(
  model: tf.LayersModel,
  data: TrainingData | TrainingStream,
  o: TrainOptions,
): Promise<TrainResult> {
  const task = o.task ?? 'binary';
  const streamed = isTrainingStream(data);
  if (o.heads !== undefined && o.task !== undefined && o.task !== 'profile') {
    throw new TrainingInputError(
      `options.heads and options.task = '${o.task}' are both given; heads set the losses (task may only be 'profile')`,
    );
  }
  const heads = o.heads ?? (task === 'profile' ? profileHeads() : undefined);
  // With heads, labels are checked per head (layoutHeads); here only sizes and finiteness.
  const dataTask = heads === undefined ? task : 'regression';
  checkData(data, 'data', dataTask);
  if (o.validation !== undefined) checkData(o.validation, 'options.validation', dataTask);
  checkOptions(o);
  if (streamed || (o.validation !== undefined && isTrainingStream(o.validation))) {
    checkStreamOptions(o, heads !== undefined);
  }
  const shape = checkModelShape(model, data, task, heads !== undefined);
  if (o.reverseComplement === true && (data.alphabetSize !== 4 || heads !== undefined)) {
    throw new TrainingInputError(
      heads !== undefined
        ? 'options.reverseComplement flips sequences, not the positional targets of heads'
        : `options.reverseComplement needs one-hot DNA (alphabetSize 4); data.alphabetSize = ${data.alphabetSize}`,
    );
  }
  if (o.validation !== undefined) checkModelShape(model, o.validation, task, heads !== undefined);
  if (o.parallel !== undefined) checkParallel(model, heads !== undefined, shape.rowSizes);
  if (o.parallel !== undefined && (o.weightDecay ?? 0) > 0) {
    throw new TrainingInputError(
      'options.weightDecay trains on this thread only; leave out options.parallel',
    );
  }
  const stratify = heads === undefined && (task === 'binary' || task === 'multiclass');
  // A stream is not split: its validation, if any, is options.validation.
  const split =
    o.validation !== undefined || streamed
      ? {
          train: streamed ? new Uint32Array(0) : allRows(data.count),
          validation: new Uint32Array(0),
        }
      : stratifiedSplit(
          stratify ? data.y : new Float32Array(data.count),
          o.validationFraction ?? 0.2,
          o.seed,
        );
  const trainCount = streamed ? data.count : split.train.length;
  if (trainCount === 0) {
    throw new TrainingInputError(`no training rows left: ${data.count} rows, all for validation`);
  }
  const layouts = heads && !streamed ? layoutHeads(heads, model, data, split.train) : undefined;
  if (heads !== undefined && o.validation !== undefined && !isTrainingStream(o.validation)) {
    const width = o.validation.labelWidth ?? 1;
    if (width !== shape.labelWidth) {
      throw new TrainingInputError(
        `options.validation.labelWidth = ${width} but data.labelWidth = ${shape.labelWidth}; the heads read the same columns of both`,
      );
    }
    layoutHeads(heads, model, o.validation, []); // checks its labels; the weights come from data
  }
  const validation =
    o.validation !== undefined
      ? { data: o.validation, rows: undefined }
      : split.validation.length > 0 && !streamed
        ? { data, rows: split.validation }
        : undefined;
  const optimizer = new StrandAdamOptimizer(o.resumeFrom?.learningRate ?? o.learningRate);
  const run: Run = {
    model,
    data,
    o,
    task,
    heads: layouts,
    labelWidth: shape.labelWidth,
    trainRows: split.train,
    trainCount,
    validation,
    optimizer,
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    kernels: (o.weightDecay ?? 0) > 0 ? kernelsOf(model) : [],
    rowSizes: shape.rowSizes,
    xBuffers: [],
    yBuffer: new Float32Array(0),
    trainedSamples: 0,
    trainingSeconds: 0,
    lastValidationSeconds: 0,
    lastBatchReport: performance.now(),
  };
  const early = o.earlyStopping;
  const earlyTracker =
    early &&
    new PlateauTracker(
      early.mode ?? defaultMode(early.monitor ?? 'val_loss'),
      early.minDelta ?? 0,
      o.resumeFrom?.earlyStopping,
    );
  const plateau = o.reduceLrOnPlateau;
  const lrTracker =
    plateau &&
    new PlateauTracker(
      plateau.mode ?? defaultMode(plateau.monitor ?? 'val_loss'),
      plateau.minDelta ?? 0,
      o.resumeFrom?.reduceLr,
    );
  let best: tf.Tensor[] | undefined;
  let predictions: ValidationPredictions | undefined;
  const history: EpochReport[] = [];
  const parallel = o.parallel;
  try {
    if (parallel !== undefined) {
      await parallel.begin(model, {
        batchSize: o.batchSize,
        labelWidth: shape.labelWidth,
        task,
        weighting: { classWeight: o.classWeight, positiveWeight: o.positiveWeight },
        learningRate: learningRateOf(optimizer),
        ...(o.clipNorm === undefined ? {} : { clipNorm: o.clipNorm }),
        ...(o.resumeFrom === undefined ? {} : { optimizer: o.resumeFrom.optimizer }),
      });
      // Batches are gathered straight into the workers' shared buffers.
      run.xBuffers = [parallel.batch.x];
      run.yBuffer = parallel.batch.y;
    } else {
      run.xBuffers = shape.rowSizes.map((size) => new Float32Array(o.batchSize * size));
      run.yBuffer = new Float32Array(o.batchSize * shape.labelWidth);
      if (o.resumeFrom !== undefined) {
        await restoreOptimizerState(optimizer, o.resumeFrom.optimizer);
      } else {
        optimizer.createSlots(run.variables);
      }
    }
    for (let epoch = (o.startEpoch ?? 0) + 1; epoch <= o.epochs; epoch++) {
      const started = performance.now();
      if (o.learningRateSchedule === 'cosine') {
        setLearningRate(optimizer, cosineRate(o.learningRate, epoch, o.epochs));
      }
      const learningRate = learningRateOf(optimizer);
      const trained = await runEpoch(run, epoch);
      await parallel?.publish(model); // the replicas' weights, for validation and the caller
      if (trained === undefined) return { history, stopped: true, stoppedEarly: false };
      const validationStarted = performance.now();
      const validated = validation === undefined ? undefined : await validate(run, validation);
      const valMetrics = validated?.metrics ?? {};
      if (validated?.predictions) predictions = { ...validated.predictions, epoch };
      run.lastValidationSeconds = (performance.now() - validationStarted) / 1000;
      const report: EpochReport = {
        epoch,
        epochs: o.epochs,
        metrics: { loss: trained.loss, ...valMetrics },
        learningRate,
        samplesPerSecond: run.trainCount / trained.seconds,
        seconds: (performance.now() - started) / 1000,
      };
      history.push(report);
      let stop = false;
      if (early !== undefined && earlyTracker !== undefined) {
        const improved = earlyTracker.update(
          monitored(report, early.monitor, 'earlyStopping'),
          epoch,
        );
        if (improved && early.restoreBestWeights !== false) {
          tf.dispose(best);
          best = model.getWeights().map((w) => w.clone());
        }
        stop = earlyTracker.state.wait >= early.patience;
      }
      if (plateau !== undefined && lrTracker !== undefined) {
        lrTracker.update(monitored(report, plateau.monitor, 'reduceLrOnPlateau'), epoch);
        if (lrTracker.state.wait >= plateau.patience) {
          setLearningRate(optimizer, Math.max(learningRate * plateau.factor, plateau.minLr ?? 0));
          lrTracker.state = { ...lrTracker.state, wait: 0 };
        }
      }
      await o.onEpoch?.(report);
      if (o.onCheckpoint !== undefined) {
        const state: TrainingState = {
          optimizer: await (parallel?.optimizerState() ?? captureOptimizerState(optimizer)),
          learningRate: learningRateOf(optimizer),
          ...(earlyTracker ? { earlyStopping: { ...earlyTracker.state } } : {}),
          ...(lrTracker ? { reduceLr: { ...lrTracker.state } } : {}),
        };
        await o.onCheckpoint(epoch, model, state);
      }
      if (stop) break;
    }
    const stoppedEarly = (history.at(-1)?.epoch ?? o.epochs) < o.epochs;
    const bestEpoch = earlyTracker?.state.bestEpoch;
    if (best !== undefined && bestEpoch !== undefined && bestEpoch !== history.at(-1)?.epoch) {
      model.setWeights(best);
      // The kept predictions must be the returned model's: predict again with its weights.
      if (predictions !== undefined && validation !== undefined) {
        const again = await validate(run, validation);
        predictions = again.predictions && { ...again.predictions, epoch: bestEpoch };
      }
      return {
        history,
        stopped: false,
        stoppedEarly,
        restoredEpoch: bestEpoch,
        ...(predictions ? { validationPredictions: predictions } : {}),
      };
    }
    return {
      history,
      stopped: false,
      stoppedEarly,
      ...(predictions ? { validationPredictions: predictions } : {}),
    };
  } finally {
    tf.dispose(best);
    optimizer.dispose();
    await parallel?.end();
  }
}

/** State shared by the parts of one `trainModel` call. */
interface Run {
  model: tf.LayersModel;
  data: TrainingData | TrainingStream;
  o: TrainOptions;
  task: ArchitectureTask;
  /** The heads of a multi-output model; undefined for a single output trained on `task`. */
  heads: HeadLayout[] | undefined;
  labelWidth: number;
  /** The training rows of data in memory (none for a stream: all of it trains). */
  trainRows: Uint32Array;
  /** Rows trained per epoch. */
  trainCount: number;
  validation: { data: TrainingData | TrainingStream; rows: Uint32Array | undefined } | undefined;
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  /** The weights `weightDecay` penalises (none without it). */
  kernels: tf.Variable[];
  rowSizes: number[];
  xBuffers: Float32Array[];
  yBuffer: Float32Array;
  trainedSamples: number;
  trainingSeconds: number;
  lastValidationSeconds: number;
  /**
   * When the last batch report went out. Kept across epochs: an epoch shorter than the report
   * interval would otherwise never report a batch.
   */
  lastBatchReport: number;
}

function monitored(report: EpochReport, monitor = 'val_loss', option: string): number {
  const value = report.metrics[monitor];
  if (value === undefined) {
    const known = Object.keys(report.metrics).join(', ');
    throw new TrainingInputError(
      `options.${option}.monitor "${monitor}" is not a metric of this run; metrics: ${known}`,
    );
  }
  return value;
}

// tfjs' Adam reads its (protected) learningRate field at every update.
function learningRateOf(optimizer: tf.Optimizer): number {
  return (optimizer as unknown as { learningRate: number }).learningRate;
}

function setLearningRate(optimizer: tf.Optimizer, value: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = value;
}

// ─── 2. runEpoch ────────────────────────────────────────────────────────────────────────────

/** One batch as the step takes it: the rows of each input, the targets, the row count. */
interface StepBatch {
  xs: Float32Array[];
  ys: Float32Array | undefined;
  n: number;
}

/** The batches of an epoch of data in memory: a seeded shuffle of the rows, gathered. */
function* memoryBatches(run: Run, data: TrainingData, epoch: number): Generator<StepBatch> {
  const { o } = run;
  const sources = [data.x, ...(data.extraInputs ?? [])];
  const order = shuffleInPlace(
    Uint32Array.from(run.trainRows),
    seededRandom(deriveSeed(o.seed, 'shuffle', epoch)),
  );
  for (let start = 0; start < order.length; start += o.batchSize) {
    const end = Math.min(start + o.batchSize, order.length);
    const xs = run.rowSizes.map((size, i) =>
      gatherRows(
        sources[i] as Float32Array,
        size,
        order,
        start,
        end,
        run.xBuffers[i] as Float32Array,
      ),
    );
    const ys =
      run.task === 'reconstruction'
        ? undefined
        : gatherRows(data.y, run.labelWidth, order, start, end, run.yBuffer);
    yield { xs, ys, n: end - start };
  }
}

/** The batches of an epoch of a stream, as the step takes them. */
async function* streamBatches(run: Run, stream: TrainingStream, epoch: number) {
  for await (const b of stream.batches(run.o.batchSize, epoch)) {
    const ys =
      run.task === 'reconstruction' ? undefined : b.y.subarray(0, b.count * run.labelWidth);
    yield { xs: [b.x, ...(b.extraInputs ?? [])], ys, n: b.count } satisfies StepBatch;
  }
}

/** Trains one epoch; returns its mean loss and training seconds, or undefined when stopped. */
async function runEpoch(
  run: Run,
  epoch: number,
): Promise<{ loss: number; seconds: number } | undefined> {
  const { data, o } = run;
  const batches = Math.ceil(run.trainCount / o.batchSize);
  const interval = o.batchReportIntervalMs ?? 250;
  const epochStart = performance.now();
  let lossSum: tf.Scalar = tf.scalar(0);
  let pausedMs = 0; // time spent outside training (callbacks, yields) within the epoch
  let b = 0;
  let end = 0;
  try {
    const source = isTrainingStream(data)
      ? streamBatches(run, data, epoch)
      : memoryBatches(run, data, epoch);
    for await (const { xs, ys, n } of source) {
      if (o.shouldStop?.() === true) return undefined;
      end += n;
      if (o.reverseComplement === true) {
        const flip = seededRandom(deriveSeed(o.seed, 'reverse-complement', epoch, b));
        reverseComplementRows(xs[0] as Float32Array, n, data.length, () => flip() < 0.5);
      }
      const dropoutSeed = deriveSeed(o.seed, 'dropout', epoch, b);
      let stepped: { sum: tf.Scalar; loss: tf.Scalar };
      if (o.parallel === undefined) {
        reseedDropout(run.model, dropoutSeed);
        stepped = step(run, xs, ys, n, lossSum);
      } else {
        stepped = await parallelStep(run, o.parallel, xs, ys, n, dropoutSeed, lossSum);
      }
      const { sum, loss } = stepped;
      b++;
      lossSum.dispose();
      lossSum = sum;
      const now = performance.now();
      if (now - run.lastBatchReport < interval) {
        loss.dispose();
        continue;
      }
      run.lastBatchReport = now;
      try {
        if (o.onBatch !== undefined) {
          const lossValue = loss.dataSync()[0] as number; // the only sync in a step
          const seconds = (now - epochStart - pausedMs) / 1000;
          o.onBatch({
            epoch,
            epochs: o.epochs,
            batch: b,
            batches,
            loss: lossValue,
            samplesPerSecond: end / seconds,
            etaSeconds: eta(run, epoch, end, seconds),
          });
        }
      } finally {
        loss.dispose();
      }
      // Let messages (a worker's stop request, a subscription) through: tfjs runs synchronously.
      await yieldToEventLoop();
      pausedMs += performance.now() - now;
    }
    const seconds = (performance.now() - epochStart - pausedMs) / 1000;
    run.trainedSamples += end;
    run.trainingSeconds += seconds;
    return { loss: (lossSum.dataSync()[0] as number) / end, seconds };
  } finally {
    lossSum.dispose();
  }
}

/** Seconds left: remaining training samples at the observed rate plus the validations left. */
function eta(run: Run, epoch: number, doneInEpoch: number, secondsInEpoch: number): number {
  const rate = (run.trainedSamples + doneInEpoch) / (run.trainingSeconds + secondsInEpoch);
  const epochsAfter = run.o.epochs - epoch;
  const samplesLeft = run.trainCount - doneInEpoch + epochsAfter * run.trainCount;
  const validationsLeft = run.validation === undefined ? 0 : epochsAfter + 1;
  return samplesLeft / rate + validationsLeft * run.lastValidationSeconds;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

// ─── 3. step ────────────────────────────────────────────────────────────────────────────────

/**
 * One Adam step on a batch. Returns the running loss sum (on the device: no sync) and this
 * batch's mean loss, both for the caller to dispose.
 */
function step(
  run: Run,
  xs: Float32Array[],
  ys: Float32Array | undefined,
  n: number,
  lossSum: tf.Scalar,
): { sum: tf.Scalar; loss: tf.Scalar } {
  const { o, model } = run;
  return tf.tidy(() => {
    const inputs = inputTensors(model, xs, n);
    const first = inputs[0] as tf.Tensor;
    const target = ys === undefined ? first : tf.tensor2d(ys, [n, run.labelWidth]);
    const targets = run.heads?.map((head) => headTarget(head, target as tf.Tensor2D));
    const { value, grads } = tf.variableGrads(() => {
      const output = model.apply(inputs.length === 1 ? first : inputs, { training: true });
      if (run.heads !== undefined) {
        return withWeightDecay(
          run,
          headsLoss(run.heads, targets ?? [], output as tf.Tensor | tf.Tensor[], o),
        );
      }
      const p = output as tf.Tensor;
      const y =
        run.task === 'reconstruction'
          ? target
          : tf.reshape(target, run.task === 'multiclass' ? [n, 1] : p.shape);
      return withWeightDecay(run, taskLoss(run.task, y, p, o));
    }, run.variables);
    run.optimizer.applyGradients(
      o.clipNorm === undefined ? grads : clipByGlobalNorm(grads, o.clipNorm),
    );
    return { sum: tf.add(lossSum, tf.mul(value, n)), loss: value };
  });
}

/**
 * The same step on the gradient workers (`options.parallel`): the batch is already in their
 * shared buffers when it came from data in memory (gathered there), else copied in.
 */
async function parallelStep(
  run: Run,
  parallel: ParallelSteps,
  xs: Float32Array[],
  ys: Float32Array | undefined,
  n: number,
  dropoutSeed: number,
  lossSum: tf.Scalar,
): Promise<{ sum: tf.Scalar; loss: tf.Scalar }> {
  const { x, y } = parallel.batch;
  const [first] = xs as [Float32Array];
  if (first.buffer !== x.buffer) x.set(first);
  if (ys !== undefined && ys.buffer !== y.buffer) y.set(ys);
  const loss = await parallel.step(n, dropoutSeed, learningRateOf(run.optimizer));
  return tf.tidy(() => ({ sum: tf.add<tf.Scalar>(lossSum, loss * n), loss: tf.scalar(loss) }));
}

/** The learning rate of `epoch` (1-based) of `epochs` under cosine annealing from `initial`. */
export function cosineRate(initial: number, epoch: number, epochs: number): number {
  return initial * 0.5 * (1 + Math.cos((Math.PI * (epoch - 1)) / epochs));
}

/** Kernels of dense, convolution and recurrent layers: the weights weight decay penalises. */
function kernelsOf(model: tf.LayersModel): tf.Variable[] {
  return model.trainableWeights
    .filter((w) => /kernel/.test(w.originalName))
    .map((w) => w.read() as tf.Variable);
}

/** loss + weightDecay · Σ w² over the run's kernels. */
function withWeightDecay(run: Run, loss: tf.Scalar): tf.Scalar {
  const decay = run.o.weightDecay ?? 0;
  if (decay === 0 || run.kernels.length === 0) return loss;
  const penalty = tf.addN(run.kernels.map((k) => tf.sum(tf.square(k))));
  return tf.add(loss, tf.mul(penalty, decay)) as tf.Scalar;
}

/** Σ λ · loss of each head on its output. */
function headsLoss(
  heads: HeadLayout[],
  targets: tf.Tensor[],
  output: tf.Tensor | tf.Tensor[],
  o: TrainOptions,
): tf.Scalar {
  const outputs = Array.isArray(output) ? output : [output];
  let total: tf.Scalar | undefined;
  heads.forEach((head, i) => {
    const loss = headLoss(head, targets[i] as tf.Tensor, outputs[head.output] as tf.Tensor, o);
    const weighted = head.weight === 1 ? loss : tf.mul<tf.Scalar>(loss, head.weight);
    total = total === undefined ? weighted : tf.add<tf.Scalar>(total, weighted);
  });
  return total as tf.Scalar;
}

// ─── 4. validate ────────────────────────────────────────────────────────────────────────────

/** The validation metrics; with `keepValidationPredictions`, the labels and outputs too. */
async function validate(
  run: Run,
  validation: NonNullable<Run['validation']>,
): Promise<{
  metrics: Record<string, number>;
  predictions?: Omit<ValidationPredictions, 'epoch'>;
}> {
  const { data, rows } = validation;
  const keep = (labels: Float32Array, outputs: Float32Array, width: number) =>
    run.o.keepValidationPredictions === true && run.heads === undefined
      ? { predictions: { labels, outputs, width } }
      : {};
  if (isTrainingStream(data)) {
    const { values, width, y } = await predictStream(run.model, data);
    return { metrics: taskMetrics(run.task, y, values, width), ...keep(y, values, width) };
  }
  const { values, width } = predictOutputs(run.model, data, rows);
  if (run.heads !== undefined) {
    const labels = rows === undefined ? data.y : pickRows(data.y, run.labelWidth, rows);
    return { metrics: headMetrics(run.heads, labels, run.labelWidth, values) };
  }
  if (run.task === 'reconstruction') {
    const size = data.length * data.alphabetSize;
    const x = rows === undefined ? data.x : pickRows(data.x, size, rows);
    return { metrics: taskMetrics('reconstruction', x, values, width) };
  }
  const labels = rows === undefined ? data.y : pickRows(data.y, run.labelWidth, rows);
  return { metrics: taskMetrics(run.task, labels, values, width), ...keep(labels, values, width) };
}

function pickRows(source: Float32Array, size: number, rows: Uint32Array): Float32Array {
  return gatherRows(source, size, rows, 0, rows.length, new Float32Array(rows.length * size));
}

// ─── 5. checks ──────────────────────────────────────────────────────────────────────────────

/** Checks data in memory value by value, a stream by its sizes (its values stream later). */
function checkData(
  data: TrainingData | TrainingStream,
  where: string,
  task: ArchitectureTask,
): void {
  if (!isTrainingStream(data)) return checkTrainingData(data, where, task);
  for (const key of ['count', 'length', 'alphabetSize'] as const) {
    if (!Number.isInteger(data[key]) || data[key] < 1) {
      throw new TrainingInputError(`${where}.${key} = ${data[key]} is not a positive integer`);
    }
  }
}

/** What a stream cannot do: be split here, or feed the heads of a multi-output model. */
function checkStreamOptions(o: TrainOptions, heads: boolean): void {
  if (o.validationFraction !== undefined && o.validationFraction > 0) {
    throw new TrainingInputError(
      'options.validationFraction splits data in memory; a stream takes options.validation',
    );
  }
  if (heads) {
    throw new TrainingInputError(
      'a multi-output model (options.heads, task profile) trains on data in memory, not a stream',
    );
  }
}

/** Data-parallel training's workers compute one loss on one input (parallel-steps.ts). */
function checkParallel(model: tf.LayersModel, heads: boolean, rowSizes: number[]): void {
  if (heads || model.outputs.length !== 1) {
    throw new TrainingInputError(
      `options.parallel trains single-output models only; this one has ${model.outputs.length} outputs`,
    );
  }
  if (rowSizes.length !== 1) {
    throw new TrainingInputError('options.parallel trains single-input models only');
  }
}

function checkOptions(o: TrainOptions): void {
  const positiveInteger = { epochs: o.epochs, batchSize: o.batchSize };
  for (const [name, value] of Object.entries(positiveInteger)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TrainingInputError(`options.${name} = ${value} is not a positive integer`);
    }
  }
  const positive: [string, number | undefined][] = [
    ['learningRate', o.learningRate],
    ['clipNorm', o.clipNorm],
    ['positiveWeight', o.positiveWeight],
    ['reduceLrOnPlateau.factor', o.reduceLrOnPlateau?.factor],
  ];
  for (const [name, value] of positive) {
    if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
      throw new TrainingInputError(`options.${name} = ${value} is not positive`);
    }
  }
  if (o.weightDecay !== undefined && !(o.weightDecay >= 0 && Number.isFinite(o.weightDecay))) {
    throw new TrainingInputError(`options.weightDecay = ${o.weightDecay} is not a number ≥ 0`);
  }
  const schedule = o.learningRateSchedule;
  if (schedule !== undefined && schedule !== 'constant' && schedule !== 'cosine') {
    throw new TrainingInputError(
      `options.learningRateSchedule = ${String(schedule)} is not 'constant' or 'cosine'`,
    );
  }
  if (schedule === 'cosine' && o.reduceLrOnPlateau !== undefined) {
    throw new TrainingInputError(
      'options.learningRateSchedule cosine and options.reduceLrOnPlateau both set the learning rate; give one',
    );
  }
  if (o.reduceLrOnPlateau !== undefined && !(o.reduceLrOnPlateau.factor < 1)) {
    throw new TrainingInputError(
      `options.reduceLrOnPlateau.factor = ${o.reduceLrOnPlateau.factor} is not below 1`,
    );
  }
  o.classWeight?.forEach((w, i) => {
    if (!(w >= 0 && Number.isFinite(w))) {
      throw new TrainingInputError(`options.classWeight[${i}] = ${w} is not a non-negative number`);
    }
  });
  for (const [name, patience] of [
    ['earlyStopping', o.earlyStopping?.patience],
    ['reduceLrOnPlateau', o.reduceLrOnPlateau?.patience],
  ] as const) {
    if (patience !== undefined && !(Number.isInteger(patience) && patience >= 1)) {
      throw new TrainingInputError(
        `options.${name}.patience = ${patience} is not a positive integer`,
      );
    }
  }
  if (!Number.isFinite(o.seed)) {
    throw new TrainingInputError(`options.seed = ${o.seed} is not a number`);
  }
  const startEpoch = o.startEpoch ?? 0;
  if (!Number.isInteger(startEpoch) || startEpoch < 0 || startEpoch > o.epochs) {
    throw new TrainingInputError(
      `options.startEpoch = ${startEpoch} is not an integer from 0 to epochs (${o.epochs})`,
    );
  }
  if (o.validation !== undefined && o.validationFraction !== undefined) {
    throw new TrainingInputError(
      'options.validation and options.validationFraction are both given; give one',
    );
  }
}

/**
 * Checks inputs and output against the data and task (the outputs against the heads are
 * checked by layoutHeads); returns the row sizes and label width.
 */
function checkModelShape(
  model: tf.LayersModel,
  data: TrainingData | TrainingStream,
  task: ArchitectureTask,
  heads: boolean,
): { rowSizes: number[]; labelWidth: number } {
  const input = model.inputs[0]?.shape ?? [];
  const rowSizes = inputRowSizes(model);
  if (rowSizes[0] !== data.length * data.alphabetSize || input[1] !== data.length) {
    throw new TrainingInputError(
      `model input [${input.map(String).join(', ')}] does not take data of length ${data.length} × ` +
        `alphabet ${data.alphabetSize}`,
    );
  }
  const extra = isTrainingStream(data)
    ? (data.extraInputSizes ?? []).map((size) => size * data.count)
    : (data.extraInputs ?? []).map((values) => values.length);
  if (extra.length !== model.inputs.length - 1) {
    throw new TrainingInputError(
      `the model has ${model.inputs.length} inputs but the data ${1 + extra.length} (x and ${extra.length} extraInputs)`,
    );
  }
  extra.forEach((length, i) => {
    const expected = data.count * (rowSizes[i + 1] as number);
    if (length !== expected) {
      throw new TrainingInputError(
        `data.extraInputs[${i}] has ${length} values; count × ${rowSizes[i + 1]} = ${expected}`,
      );
    }
  });
  if (heads) return { rowSizes, labelWidth: data.labelWidth ?? 1 };
  const output = model.outputs[0]?.shape ?? [];
  const width = output.slice(1).reduce<number>((a, d) => a * (d ?? 0), 1);
  const shown = `model output [${output.map(String).join(', ')}]`;
  if (model.outputs.length !== 1)
    throw new TrainingInputError(
      `the model has ${model.outputs.length} outputs; trainModel takes one unless options.heads (or task 'profile') says how each trains`,
    );
  const labelWidth = data.labelWidth ?? 1;
  if (task === 'binary' && (output.length !== 2 || width !== 1)) {
    throw new TrainingInputError(`${shown} is not one probability per sequence`);
  }
  if (task === 'reconstruction' && width !== (rowSizes[0] as number)) {
    throw new TrainingInputError(`${shown} does not reconstruct an input of ${rowSizes[0]} values`);
  }
  if (task === 'multiclass') {
    if (labelWidth !== 1)
      throw new TrainingInputError(
        `data.labelWidth = ${labelWidth}; multiclass takes one class index per row`,
      );
    // A stream's labels are read batch by batch: its source checked them when it stored them.
    for (let i = 0; !isTrainingStream(data) && i < data.y.length; i++) {
      if ((data.y[i] as number) >= width) {
        throw new TrainingInputError(
          `data.y[${i}] = ${data.y[i]} is not a class of ${shown} (0 to ${width - 1})`,
        );
      }
    }
  }
  if ((task === 'multitask' || task === 'regression') && width !== labelWidth) {
    throw new TrainingInputError(
      `${shown} has ${width} values per row but data.labelWidth is ${labelWidth}`,
    );
  }
  return { rowSizes, labelWidth: task === 'reconstruction' ? 0 : labelWidth };
}

function allRows(count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}
