/**
 * A gradient worker: one wasm backend (one core), one replica of the model and its own Adam.
 * A step, in lockstep with the other workers:
 *   1. the gradients of its shard of the batch — its rows of the shared batch buffer, copied
 *      straight into the reused input tensor's memory — with its batch-norm statistics;
 *   2. their share (weighted by shard size: the gradient of the whole batch's mean loss) added
 *      into the shared `mean`, chunk by chunk after the workers before it (ordered-sum.ts), so
 *      a worker that finished early has added its part before the last one finishes;
 *   3. barrier; every worker applies the same Adam update to the same mean, so the replicas stay
 *      identical without sending weights anywhere. The main thread only starts steps and, when
 *      it needs them, has worker 0 publish the weights or its Adam state.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { clipByGlobalNorm } from '../training/clip-gradients.ts';
import { reseedDropout } from '../training/dropout-seed.ts';
import { StrandAdamOptimizer } from '../training/fused-adam.ts';
import { captureOptimizerState, restoreOptimizerState } from '../training/optimizer-state.ts';
import { deriveSeed } from '../training/seed.ts';
import { taskLoss } from '../training/task-loss.ts';
import {
  assignFlat,
  flatLayout,
  nonTrainableVariables,
  sliceOf,
  trainableVariables,
  valuesOf,
  writeFlat,
} from './flat-weights.ts';
import { OrderedSum } from './ordered-sum.ts';
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
const mean = new Float32Array(init.mean);
const losses = new Float64Array(init.losses);
const barrier = new WorkerBarrier(init.control, workers);
const sum = new OrderedSum(init.sum, layout, index, workers, barrier);
const inputShape = (model.inputs[0]?.shape.slice(1) ?? []) as number[];
const rowSize = inputShape.reduce((a, d) => a * d, 1);
const onWasm = tf.getBackend() === 'wasm';

interface Job extends BeginMessage {
  adam: StrandAdamOptimizer;
  /** Input and label tensors by shard size, reused every step (wasm: filled in place). */
  tensors: Map<number, { x: tf.Tensor; y: tf.Tensor }>;
  /** wasm: the averaged gradients' tensors, one per trainable variable, refilled every step. */
  grads: tf.Tensor[] | undefined;
}
let job: Job | undefined;

port.on('message', (message: ToWorker) => {
  void handle(message).then(send, (error: unknown) =>
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
send({ type: 'ready' });

async function handle(message: ToWorker): Promise<FromWorker> {
  switch (message.type) {
    case 'close':
      endJob();
      model.dispose();
      port?.close();
      return { type: 'done' };
    case 'begin': {
      endJob();
      sum.begin();
      assignFlat(variables, layout, weights);
      const adam = new StrandAdamOptimizer(message.learningRate);
      job = { ...message, adam, tensors: new Map(), grads: undefined };
      // Resuming: Adam's moments as the checkpoint saved them (slots by variable order).
      if (message.optimizer !== undefined) await restoreOptimizerState(adam, message.optimizer);
      else adam.createSlots(trainable);
      // Made before the first forward pass, as the moments are (see createSlots).
      if (onWasm) job.grads = trainable.map((v) => tf.zeros(v.shape));
      return { type: 'ready' };
    }
    case 'end':
      endJob();
      return { type: 'done' };
    case 'publish':
      if (index === 0) writeFlat(variables, layout, weights);
      return { type: 'done' };
    case 'state':
      if (job === undefined) throw new Error('state before begin');
      return { type: 'state', state: await captureOptimizerState(job.adam) };
    case 'step':
      if (job === undefined) throw new Error('step before begin');
      step(job, message.n, message.dropoutSeed, message.learningRate);
      return { type: 'done' };
  }
}

function endJob(): void {
  if (job === undefined) return;
  job.adam.dispose();
  for (const { x, y } of job.tensors.values()) tf.dispose([x, y]);
  if (job.grads !== undefined) tf.dispose(job.grads);
  job = undefined;
}

function step(j: Job, n: number, dropoutSeed: number, learningRate: number): void {
  const [from, to] = shardBounds(0, n, workers)[index] as [number, number];
  let shard: tf.TensorContainer = [];
  if (to > from) {
    reseedDropout(model, deriveSeed(dropoutSeed, 'worker', index));
    const { x, y, owned } = shardTensors(j, from, to);
    const rows = to - from;
    const { value, grads: named } = tf.tidy(() =>
      tf.variableGrads(() => {
        const p = model.apply(x, { training: true }) as tf.Tensor;
        const t =
          j.task === 'reconstruction'
            ? x
            : tf.reshape(y, j.task === 'multiclass' ? [rows, 1] : p.shape);
        return taskLoss(j.task, t, p, j.weighting);
      }, trainable),
    );
    losses[index] = value.dataSync()[0] as number;
    // Gradients, then the batch-norm statistics this forward pass updated: views of the heap on
    // wasm, taken after the last allocation of the step.
    const parts = [...trainable.map((v) => named[v.name] as tf.Tensor), ...fixed].map(valuesOf);
    sum.add(mean, parts, rows / n);
    shard = [value, named, ...(owned ? [x, y] : [])];
  } else {
    sum.add(mean, undefined, 0);
  }
  barrier.wait();
  (j.adam as unknown as { learningRate: number }).learningRate = learningRate;
  tf.tidy(() => {
    const averaged = averagedGradients(j);
    const named: tf.NamedTensorMap = {};
    trainable.forEach((v, i) => (named[v.name] = averaged[i] as tf.Tensor));
    j.adam.applyGradients(j.clipNorm === undefined ? named : clipByGlobalNorm(named, j.clipNorm));
  });
  fixed.forEach((v, i) => {
    const values = sliceOf(mean, layout, trainable.length + i);
    tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
  });
  // Freed after the update, as trainModel's step frees its gradients: freed before it (when the
  // update still made new weights), DeepSEA's heap grew ~190 MB a step for three steps.
  tf.dispose(shard);
}

/**
 * The step's averaged gradients (`mean`) as tensors. On wasm they are copied into the job's own
 * gradient tensors, made at `begin`: a new 188 MB tensor every step (DeepSEA) left the heap to
 * grow and fault in fresh pages for several steps. Elsewhere new tensors, which the caller's
 * tidy disposes.
 */
function averagedGradients(j: Job): tf.Tensor[] {
  if (!onWasm) return trainable.map((v, i) => tf.tensor(sliceOf(mean, layout, i), v.shape));
  const grads = j.grads as tf.Tensor[];
  const wasm = tf.backend() as BackendWasm;
  // Views taken after the last allocation (the heap may have grown since the last step).
  grads.forEach((g, i) =>
    (wasm.typedArrayFromHeap(g) as Float32Array).set(sliceOf(mean, layout, i)),
  );
  return grads;
}

/**
 * The shard's rows of the shared batch as tensors. On wasm they are copied straight into the
 * reused input tensor's memory (the one copy a batch makes on its way to the backend).
 */
function shardTensors(
  j: Job,
  from: number,
  to: number,
): { x: tf.Tensor; y: tf.Tensor; owned: boolean } {
  const rows = to - from;
  const width = j.task === 'reconstruction' ? 1 : j.labelWidth;
  const xs = j.x.subarray(from * rowSize, to * rowSize);
  const ys =
    j.task === 'reconstruction' ? new Float32Array(rows) : j.y.subarray(from * width, to * width);
  if (!onWasm) {
    // Other backends may keep the array they are given: pass copies, not shared memory.
    const x = tf.tensor(xs.slice(), [rows, ...inputShape]);
    return { x, y: tf.tensor2d(ys.slice(), [rows, width]), owned: true };
  }
  let cached = j.tensors.get(rows);
  if (cached === undefined) {
    cached = tf.tidy(() => ({ x: tf.zeros([rows, ...inputShape]), y: tf.zeros([rows, width]) }));
    j.tensors.set(rows, cached);
  }
  const wasm = tf.backend() as BackendWasm;
  // Views taken now: an allocation since the last step may have grown (detached) the heap.
  (wasm.typedArrayFromHeap(cached.x) as Float32Array).set(xs);
  (wasm.typedArrayFromHeap(cached.y) as Float32Array).set(ys);
  return { ...cached, owned: false };
}
