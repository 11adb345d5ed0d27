/**
 * Data-parallel training over worker threads (synchronous SGD, as PyTorch's DDP does it):
 * every step the batch is split into one shard per worker; each worker computes its shard's
 * gradients on its own backend, the workers average them among themselves in shared memory
 * (weighted by shard size, which equals the gradient of the whole batch's mean loss) and each
 * applies the same Adam update to its own replica (gradient.worker.ts). WASM is single-threaded
 * in Node, so this is how training uses more than one core.
 *
 * Map of this file:
 *   1. DataParallelTrainer.start ... spawns (and pins) the workers, shares the buffers
 *   2. train ....................... checks, split, shared data, the epoch loop, validation
 *   3. runEpoch / step ............. shuffled order, one message per worker per step, the loss
 *   4. close ....................... workers dispose their replicas and exit
 *
 * Shared memory: weights, gradients, their average, losses and the data live in
 * SharedArrayBuffers; a step sends two small messages per worker, and the main thread copies no
 * tensor data except when it publishes the weights to its own model (validation, the end).
 * Batch-norm layers normalise each shard by its own statistics (as DDP without SyncBatchNorm);
 * their moving statistics are averaged across workers after every step, so replicas agree.
 */
import os from 'node:os';
import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../architectures/build-model.ts';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { predictOutputs } from '../training/predict.ts';
import { deriveSeed, seededRandom, shuffleInPlace } from '../training/seed.ts';
import { stratifiedSplit } from '../training/split.ts';
import { taskMetrics } from '../training/task-metrics.ts';
import type { EpochReport, TrainResult } from '../training/train-options.ts';
import type { TrainingData } from '../training/training-data.ts';
import { gatherRows } from '../training/gather.ts';
import { TrainingInputError } from '../training/training-input.error.ts';
import { checkParallelInputs } from './check-parallel-inputs.ts';
import type { FlatLayout } from './flat-weights.ts';
import {
  assignFlat,
  flatLayout,
  nonTrainableVariables,
  trainableVariables,
  writeFlat,
} from './flat-weights.ts';
import type { GradientWorkerData, ToWorker } from './parallel-messages.ts';
import type { DataParallelTrainOptions, WorkerPoolOptions } from './parallel-options.ts';
import { shardBounds } from './shard-bounds.ts';
import { spawnTsWorker } from './spawn-ts-worker.ts';
import { WorkerBarrier } from './worker-barrier.ts';
import { WorkerHandle } from './worker-handle.ts';

export { shardBounds } from './shard-bounds.ts';

const WORKER_ENTRY = new URL('./gradient.worker.ts', import.meta.url);

/** Default worker count: two (PyTorch's reference uses 2 threads), fewer on a 1-core machine. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

// ─── 1. start ───────────────────────────────────────────────────────────────────────────────

/** A pool of gradient workers holding replicas of one model; `model` is the authoritative copy. */
export class DataParallelTrainer {
  private closed = false;

  private constructor(
    /** The model the updates go to (on this thread). `close` does not dispose it. */
    readonly model: tf.LayersModel,
    private readonly handles: WorkerHandle[],
    private readonly layout: FlatLayout,
    private readonly weights: Float32Array,
    private readonly losses: Float64Array,
    private readonly barrier: WorkerBarrier,
  ) {
    // A failed worker never reaches the next barrier: release the others.
    for (const h of handles) void h.failed.then(() => barrier.abort());
  }

  /** Number of gradient workers. */
  get workers(): number {
    return this.handles.length;
  }

  /** Builds the model from `spec` here and a replica in each of N new worker threads. */
  static async start(
    spec: ModelSpec,
    options: WorkerPoolOptions = {},
  ): Promise<DataParallelTrainer> {
    const count = options.workers ?? defaultWorkerCount();
    if (!Number.isInteger(count) || count < 1) {
      throw new TrainingInputError(`options.workers = ${count} is not a positive integer`);
    }
    const backend = await initBackend(options.backend ?? 'auto');
    const model = buildModel(spec);
    const layout = flatLayout(modelVariables(model));
    const shared = {
      weights: new SharedArrayBuffer(layout.size * 4),
      grads: new SharedArrayBuffer(count * layout.size * 4),
      mean: new SharedArrayBuffer(layout.size * 4),
      losses: new SharedArrayBuffer(count * 8),
      control: WorkerBarrier.buffer(),
    };
    const cpus = os.availableParallelism();
    const pin = (options.pin ?? true) && count <= cpus;
    const handles: WorkerHandle[] = [];
    try {
      for (let index = 0; index < count; index++) {
        const data: GradientWorkerData = {
          index,
          workers: count,
          spec,
          backend,
          ...(pin ? { cpu: index } : {}),
          ...shared,
        };
        handles.push(new WorkerHandle(index, spawnTsWorker(WORKER_ENTRY, { ...data })));
      }
      await Promise.all(handles.map((h) => h.whenReady));
    } catch (error) {
      model.dispose();
      await Promise.all(handles.map((h) => h.terminate()));
      throw error;
    }
    return new DataParallelTrainer(
      model,
      handles,
      layout,
      new Float32Array(shared.weights),
      new Float64Array(shared.losses),
      new WorkerBarrier(shared.control, count),
    );
  }

  // ─── 2. train ─────────────────────────────────────────────────────────────────────────────

  /**
   * Trains `model` with Adam as `trainModel` would (same split, shuffles, loss and reports);
   * the workers share each batch. A fresh Adam per call, like `trainModel` without resuming.
   */
  async train(data: TrainingData, o: DataParallelTrainOptions): Promise<TrainResult> {
    if (this.closed) throw new Error('DataParallelTrainer.train after close');
    const task = o.task ?? 'binary';
    const { rowSize, labelWidth } = checkParallelInputs(this.model, data, o);
    const stratify = task === 'binary' || task === 'multiclass';
    const labels = stratify ? data.y : new Float32Array(data.count);
    const split = stratifiedSplit(labels, o.validationFraction ?? 0.2, o.seed);
    const order = new Uint32Array(new SharedArrayBuffer(split.train.length * 4));
    const weighting = { classWeight: o.classWeight, positiveWeight: o.positiveWeight };
    const [x, y] = [shared(data.x), shared(data.y)];
    // Every replica starts from this thread's model; each worker gets its own fresh Adam.
    const variables = modelVariables(this.model);
    writeFlat(variables, this.layout, this.weights);
    await this.all({
      type: 'begin',
      x,
      y,
      order,
      batchSize: o.batchSize,
      labelWidth,
      task,
      weighting,
      learningRate: o.learningRate,
      ...(o.clipNorm === undefined ? {} : { clipNorm: o.clipNorm }),
    });
    const history: EpochReport[] = [];
    try {
      for (let epoch = 1; epoch <= o.epochs; epoch++) {
        const started = performance.now();
        order.set(split.train);
        shuffleInPlace(order, seededRandom(deriveSeed(o.seed, 'shuffle', epoch)));
        const trained = await this.runEpoch({ o, order, epoch });
        // The model here takes the replicas' weights (worker 0 publishes them).
        await this.all({ type: 'publish' });
        assignFlat(variables, this.layout, this.weights);
        if (trained === undefined) return { history, stopped: true, stoppedEarly: false };
        const valMetrics =
          split.validation.length === 0
            ? {}
            : validate(this.model, data, split.validation, task, rowSize, labelWidth);
        const report: EpochReport = {
          epoch,
          epochs: o.epochs,
          metrics: { loss: trained.loss, ...valMetrics },
          learningRate: o.learningRate,
          samplesPerSecond: order.length / trained.seconds,
          seconds: (performance.now() - started) / 1000,
        };
        history.push(report);
        await o.onEpoch?.(report);
      }
      return { history, stopped: false, stoppedEarly: false };
    } finally {
      await this.all({ type: 'end' });
    }
  }

  /** Sends `message` to every worker and waits for all answers. */
  private all(message: ToWorker): Promise<void[]> {
    return Promise.all(this.handles.map((h) => h.request(message)));
  }

  // ─── 3. runEpoch / step ───────────────────────────────────────────────────────────────────

  private async runEpoch(e: EpochRun): Promise<{ loss: number; seconds: number } | undefined> {
    const { o, order, epoch } = e;
    const batches = Math.ceil(order.length / o.batchSize);
    const interval = o.batchReportIntervalMs ?? 250;
    const epochStart = performance.now();
    let lastReport = epochStart;
    let lossSum = 0;
    let pausedMs = 0;
    for (let b = 0; b < batches; b++) {
      if (o.shouldStop?.() === true) return undefined;
      const start = b * o.batchSize;
      const end = Math.min(start + o.batchSize, order.length);
      const batchLoss = await this.step(start, end, deriveSeed(o.seed, 'dropout', epoch, b));
      lossSum += batchLoss * (end - start);
      const now = performance.now();
      if (o.onBatch === undefined || now - lastReport < interval) continue;
      lastReport = now;
      const seconds = (now - epochStart - pausedMs) / 1000;
      const rate = end / seconds;
      o.onBatch({
        epoch,
        epochs: o.epochs,
        batch: b + 1,
        batches,
        loss: batchLoss,
        samplesPerSecond: rate,
        etaSeconds: (order.length - end + (o.epochs - epoch) * order.length) / rate,
      });
      pausedMs += performance.now() - now;
    }
    const seconds = (performance.now() - epochStart - pausedMs) / 1000;
    return { loss: lossSum / order.length, seconds };
  }

  /** One synchronous step over rows order[start..end); returns the batch's mean loss. */
  private async step(start: number, end: number, dropoutSeed: number): Promise<number> {
    await this.all({ type: 'step', start, end, dropoutSeed });
    const n = end - start;
    let loss = 0;
    shardBounds(start, end, this.workers).forEach(([from, to], k) => {
      if (to > from) loss += ((to - from) / n) * (this.losses[k] as number);
    });
    return loss;
  }

  // ─── 4. close ─────────────────────────────────────────────────────────────────────────────

  /** Stops every worker (each disposes its replica); throws if one does not exit with code 0. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.handles.map((h) => h.close()));
  }
}

interface EpochRun {
  o: DataParallelTrainOptions;
  order: Uint32Array;
  epoch: number;
}

/** Trainable then non-trainable variables: the order of the shared flat vectors. */
function modelVariables(model: tf.LayersModel): tf.Variable[] {
  return [...trainableVariables(model), ...nonTrainableVariables(model)];
}

/** The array itself when it already views shared memory, else a shared copy. */
function shared(values: Float32Array): Float32Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const copy = new Float32Array(new SharedArrayBuffer(values.byteLength));
  copy.set(values);
  return copy;
}

function validate(
  model: tf.LayersModel,
  data: TrainingData,
  rows: Uint32Array,
  task: NonNullable<DataParallelTrainOptions['task']>,
  rowSize: number,
  labelWidth: number,
): Record<string, number> {
  const { values, width } = predictOutputs(model, data, rows);
  const pick = (source: Float32Array, size: number) =>
    gatherRows(source, size, rows, 0, rows.length, new Float32Array(rows.length * size));
  if (task === 'reconstruction') return taskMetrics(task, pick(data.x, rowSize), values, width);
  return taskMetrics(task, pick(data.y, labelWidth), values, width);
}
