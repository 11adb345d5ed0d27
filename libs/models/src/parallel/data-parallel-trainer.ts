/**
 * Data-parallel training over worker threads (synchronous SGD, as PyTorch's DDP does it): every
 * step the batch is split into one shard per worker; each worker computes its shard's gradients
 * on its own backend, the workers sum them in shared memory in worker order (ordered-sum.ts;
 * weighted by shard size, which equals the gradient of the whole batch's mean loss) and each
 * applies the same Adam update to its own replica (gradient.worker.ts). WASM is single-threaded
 * in Node, so this is how training uses more than one core.
 *
 * The training loop is trainModel's (batches, reports, validation, early stopping, LR on
 * plateau, checkpoints and resuming): this class is the `options.parallel` it sends its steps to
 * (training/parallel-steps.ts), and `train` is trainModel with it.
 *
 * Map of this file:
 *   1. start ....... spawns (and pins) the workers, shares the buffers
 *   2. ParallelSteps: begin (weights and Adam to the replicas, the shared batch buffers), step
 *                    (one message per worker), publish (weights back), optimizerState, end
 *   3. train ....... trainModel on the workers
 *   4. close ....... workers dispose their replicas and exit
 *
 * Shared memory: weights, the averaged gradients, losses and each batch live in
 * SharedArrayBuffers; a step sends two small messages per worker. Batch-norm layers normalise
 * each shard by its own statistics (as DDP without SyncBatchNorm); their moving statistics are
 * averaged across workers after every step, so replicas agree.
 */
import os from 'node:os';
import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../architectures/build-model.ts';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import type { OptimizerState } from '../training/optimizer-state.ts';
import type { ParallelSetup, ParallelSteps } from '../training/parallel-steps.ts';
import { trainModel } from '../training/train.ts';
import type { TrainOptions, TrainResult } from '../training/train-options.ts';
import type { TrainingData } from '../training/training-data.ts';
import type { TrainingStream } from '../training/training-stream.ts';
import { TrainingInputError } from '../training/training-input.error.ts';
import type { FlatLayout } from './flat-weights.ts';
import {
  assignFlat,
  flatLayout,
  nonTrainableVariables,
  trainableVariables,
  writeFlat,
} from './flat-weights.ts';
import { OrderedSum } from './ordered-sum.ts';
import type { FromWorker, GradientWorkerData, ToWorker } from './parallel-messages.ts';
import type { WorkerPoolOptions } from './parallel-options.ts';
import { ParallelWorkerError } from './parallel-worker.error.ts';
import { shardBounds } from './shard-bounds.ts';
import { spawnTsWorker } from './spawn-ts-worker.ts';
import { WorkerBarrier } from './worker-barrier.ts';
import { WorkerHandle } from './worker-handle.ts';

export { shardBounds } from './shard-bounds.ts';

const WORKER_ENTRY = new URL('./gradient.worker.ts', import.meta.url);

/** Default worker count: every core (os.availableParallelism()). */
export function defaultWorkerCount(): number {
  return Math.max(1, os.availableParallelism());
}

// ─── 1. start ───────────────────────────────────────────────────────────────────────────────

/** A pool of gradient workers holding replicas of one model; `model` is the authoritative copy. */
export class DataParallelTrainer implements ParallelSteps {
  private closed = false;
  private buffers: { x: Float32Array; y: Float32Array } | undefined;

  private constructor(
    /** The model training updates (on this thread). `close` does not dispose it. */
    readonly model: tf.LayersModel,
    private readonly handles: WorkerHandle[],
    private readonly layout: FlatLayout,
    private readonly weights: Float32Array,
    private readonly losses: Float64Array,
    /** OrderedSum's counters, zeroed before every training call. */
    private readonly sum: SharedArrayBuffer,
    barrier: WorkerBarrier,
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
      mean: new SharedArrayBuffer(layout.size * 4),
      sum: OrderedSum.buffer(layout),
      losses: new SharedArrayBuffer(count * 8),
      control: WorkerBarrier.buffer(),
    };
    const pin = (options.pin ?? true) && count <= os.availableParallelism();
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
      shared.sum,
      new WorkerBarrier(shared.control, count),
    );
  }

  // ─── 2. ParallelSteps ─────────────────────────────────────────────────────────────────────

  get batch(): { x: Float32Array; y: Float32Array } {
    if (this.buffers === undefined) throw new Error('DataParallelTrainer.batch before begin');
    return this.buffers;
  }

  async begin(model: tf.LayersModel, setup: ParallelSetup): Promise<void> {
    if (this.closed) throw new Error('DataParallelTrainer used after close');
    const rowSize = (model.inputs[0]?.shape.slice(1) ?? []).reduce<number>(
      (a, d) => a * (d ?? 1),
      1,
    );
    const labels = setup.task === 'reconstruction' ? 0 : setup.labelWidth;
    this.buffers = {
      x: new Float32Array(new SharedArrayBuffer(setup.batchSize * rowSize * 4)),
      y: new Float32Array(new SharedArrayBuffer(Math.max(1, setup.batchSize * labels) * 4)),
    };
    writeFlat(modelVariables(model), this.layout, this.weights);
    OrderedSum.reset(this.sum);
    await this.all({ type: 'begin', ...setup, ...this.buffers });
  }

  async step(n: number, dropoutSeed: number, learningRate: number): Promise<number> {
    await this.all({ type: 'step', n, dropoutSeed, learningRate });
    let loss = 0;
    shardBounds(0, n, this.workers).forEach(([from, to], k) => {
      if (to > from) loss += ((to - from) / n) * (this.losses[k] as number);
    });
    return loss;
  }

  async publish(model: tf.LayersModel): Promise<void> {
    await this.all({ type: 'publish' });
    assignFlat(modelVariables(model), this.layout, this.weights);
  }

  async optimizerState(): Promise<OptimizerState> {
    const answer = await (this.handles[0] as WorkerHandle).request({ type: 'state' });
    if (answer.type !== 'state') throw new ParallelWorkerError('worker 0 sent no Adam state');
    return answer.state;
  }

  async end(): Promise<void> {
    this.buffers = undefined;
    if (!this.closed) await this.all({ type: 'end' });
  }

  /** Sends `message` to every worker and waits for all answers. */
  private all(message: ToWorker): Promise<FromWorker[]> {
    return Promise.all(this.handles.map((h) => h.request(message)));
  }

  // ─── 3. train ─────────────────────────────────────────────────────────────────────────────

  /**
   * Trains `model` as `trainModel` does (same options, split, shuffles, reports, checkpoints),
   * each step shared by the workers. Single-input, single-output models.
   */
  train(
    data: TrainingData | TrainingStream,
    o: Omit<TrainOptions, 'parallel'>,
  ): Promise<TrainResult> {
    if (this.closed) throw new Error('DataParallelTrainer.train after close');
    return trainModel(this.model, data, { ...o, parallel: this });
  }

  // ─── 4. close ─────────────────────────────────────────────────────────────────────────────

  /** Stops every worker (each disposes its replica); throws if one does not exit with code 0. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.handles.map((h) => h.close()));
  }
}

/** Trainable then non-trainable variables: the order of the shared flat vectors. */
function modelVariables(model: tf.LayersModel): tf.Variable[] {
  return [...trainableVariables(model), ...nonTrainableVariables(model)];
}
