/**
 * A gradient worker: one wasm backend (one core), one replica of the model and its own Adam.
 * A step, in lockstep with the other workers (worker-barrier.ts):
 *   1. the gradients of its shard of the batch (rows gathered straight into the input tensor's
 *      memory), written into its slot of the shared `grads`, with its batch-norm statistics;
 *   2. barrier; it averages ITS slice of every slot into the shared `mean` (weighted by shard
 *      size: the gradient of the whole batch's mean loss) — a reduce-scatter, so each value is
 *      summed once, by one worker;
 *   3. barrier; every worker applies the same Adam update to the same mean, so the replicas stay
 *      identical without sending weights anywhere. The main thread only starts steps and, when
 *      it needs the weights (validation, the end), has worker 0 publish them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { clipByGlobalNorm } from '../training/clip-gradients.ts';
import { reseedDropout } from '../training/dropout-seed.ts';
import { StrandAdamOptimizer } from '../training/fused-adam.ts';
import { gatherRows } from '../training/gather.ts';
import { deriveSeed } from '../training/seed.ts';
import { taskLoss } from '../training/task-loss.ts';
import {
  assignFlat,
  flatLayout,
  nonTrainableVariables,
  sliceOf,
  trainableVariables,
  writeFlat,
} from './flat-weights.ts';
import type {
  BeginMessage,
  FromWorker,
  GradientWorkerData,
  ToWorker,
} from './parallel-messages.ts';
import { pinThread } from './pin-thread.ts';
import { shardBounds } from './shard-bounds.ts';
import { WorkerBarrier } from './worker-barrier.ts';

const port = parentPort;
if (port === null) throw new Error('gradient.worker.ts must run in a worker thread');
const init = workerData as GradientWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

await initBackend(init.backend);
if (init.cpu !== undefined) pinThread(init.cpu);
const model = buildModel(init.spec);
const trainable = trainableVariables(model);
const fixed = nonTrainableVariables(model);
const variables = [...trainable, ...fixed];
const layout = flatLayout(variables);
const { index, workers } = init;
const weights = new Float32Array(init.weights);
const grads = new Float32Array(init.grads);
const mine = grads.subarray(index * layout.size, (index + 1) * layout.size);
const mean = new Float32Array(init.mean);
const losses = new Float64Array(init.losses);
const barrier = new WorkerBarrier(init.control, workers);
const [lo, hi] = shardBounds(0, layout.size, workers)[index] as [number, number];
const inputShape = (model.inputs[0]?.shape.slice(1) ?? []) as number[];
const rowSize = inputShape.reduce((a, d) => a * d, 1);
const onWasm = tf.getBackend() === 'wasm';

interface Job extends BeginMessage {
  optimizer: StrandAdamOptimizer;
  /** Input and label tensors by shard size, reused every step (wasm: filled in place). */
  batches: Map<number, { x: tf.Tensor; y: tf.Tensor }>;
}
let job: Job | undefined;

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'close') {
      endJob();
      model.dispose();
      port.close();
      return;
    }
    if (message.type === 'begin') {
      endJob();
      assignFlat(variables, layout, weights);
      job = {
        ...message,
        optimizer: new StrandAdamOptimizer(message.learningRate),
        batches: new Map(),
      };
    } else if (message.type === 'end') {
      endJob();
    } else if (message.type === 'publish') {
      if (index === 0) writeFlat(variables, layout, weights);
    } else {
      if (job === undefined) throw new Error('step before begin');
      step(job, message.start, message.end, message.dropoutSeed);
    }
    send({ type: message.type === 'step' || message.type === 'publish' ? 'done' : 'ready' });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
send({ type: 'ready' });

function endJob(): void {
  if (job === undefined) return;
  job.optimizer.dispose();
  for (const { x, y } of job.batches.values()) tf.dispose([x, y]);
  job = undefined;
}

function step(j: Job, start: number, end: number, dropoutSeed: number): void {
  const shards = shardBounds(start, end, workers);
  const [from, to] = shards[index] as [number, number];
  if (to > from) {
    reseedDropout(model, deriveSeed(dropoutSeed, 'worker', index));
    const { x, y } = batchTensors(j, from, to);
    const n = to - from;
    const { value, grads: named } = tf.tidy(() =>
      tf.variableGrads(() => {
        const p = model.apply(x, { training: true }) as tf.Tensor;
        const t =
          j.task === 'reconstruction'
            ? x
            : tf.reshape(y, j.task === 'multiclass' ? [n, 1] : p.shape);
        return taskLoss(j.task, t, p, j.weighting);
      }, trainable),
    );
    // Gradients, then the batch-norm statistics this forward pass updated.
    writeFlat([...trainable.map((v) => named[v.name] as tf.Tensor), ...fixed], layout, mine);
    losses[index] = value.dataSync()[0] as number;
    tf.dispose([value, named]);
  }
  barrier.wait();
  // Reduce-scatter: this worker averages its slice of every worker's slot.
  const n = end - start;
  const shares = shards.map(([a, b]) => (b - a) / n);
  const size = layout.size;
  for (let i = lo; i < hi; i++) {
    let sum = 0;
    for (let k = 0; k < workers; k++) {
      const share = shares[k] as number;
      if (share > 0) sum += share * (grads[k * size + i] as number);
    }
    mean[i] = sum;
  }
  barrier.wait();
  tf.tidy(() => {
    const named: tf.NamedTensorMap = {};
    trainable.forEach((v, i) => (named[v.name] = tf.tensor(sliceOf(mean, layout, i), v.shape)));
    j.optimizer.applyGradients(
      j.clipNorm === undefined ? named : clipByGlobalNorm(named, j.clipNorm),
    );
  });
  fixed.forEach((v, i) => {
    const values = sliceOf(mean, layout, trainable.length + i);
    tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
  });
}

/**
 * The shard's rows as tensors. On wasm the rows are gathered straight into the reused input
 * tensor's memory (one copy from the shared data, none through a JS buffer).
 */
function batchTensors(j: Job, from: number, to: number): { x: tf.Tensor; y: tf.Tensor } {
  const n = to - from;
  const width = j.task === 'reconstruction' ? 1 : j.labelWidth;
  if (!onWasm) {
    const x = gatherRows(j.x, rowSize, j.order, from, to, new Float32Array(n * rowSize));
    const y =
      j.task === 'reconstruction'
        ? new Float32Array(n)
        : gatherRows(j.y, width, j.order, from, to, new Float32Array(n * width));
    return tf.tidy(() => ({ x: tf.tensor(x, [n, ...inputShape]), y: tf.tensor2d(y, [n, width]) }));
  }
  let batch = j.batches.get(n);
  if (batch === undefined) {
    batch = tf.tidy(() => ({ x: tf.zeros([n, ...inputShape]), y: tf.zeros([n, width]) }));
    j.batches.set(n, batch);
  }
  const wasm = tf.backend() as BackendWasm;
  // Views taken now: an allocation since the last step may have grown (detached) the heap.
  gatherRows(j.x, rowSize, j.order, from, to, wasm.typedArrayFromHeap(batch.x) as Float32Array);
  if (j.task !== 'reconstruction') {
    gatherRows(j.y, width, j.order, from, to, wasm.typedArrayFromHeap(batch.y) as Float32Array);
  }
  return batch;
}
