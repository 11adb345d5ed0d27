/**
 * A gradient worker: one wasm backend (one core), one replica of the model and its own Adam.
 * A step, in lockstep with the other workers (worker-barrier.ts):
 *   1. the gradients of its shard of the batch — its rows of the shared batch buffer, copied
 *      straight into the reused input tensor's memory — written into its slot of the shared
 *      `grads`, with its batch-norm statistics;
 *   2. barrier; it averages ITS slice of every slot into the shared `mean` (weighted by shard
 *      size: the gradient of the whole batch's mean loss) — a reduce-scatter, so each value is
 *      summed once, by one worker;
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
  adam: StrandAdamOptimizer;
  /** Input and label tensors by shard size, reused every step (wasm: filled in place). */
  tensors: Map<number, { x: tf.Tensor; y: tf.Tensor }>;
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
      assignFlat(variables, layout, weights);
      const adam = new StrandAdamOptimizer(message.learningRate);
      job = { ...message, adam, tensors: new Map() };
      // Resuming: Adam's moments as the checkpoint saved them (slots by variable order).
      if (message.optimizer !== undefined) await restoreOptimizerState(adam, message.optimizer);
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
  job = undefined;
}

function step(j: Job, n: number, dropoutSeed: number, learningRate: number): void {
  const shards = shardBounds(0, n, workers);
  const [from, to] = shards[index] as [number, number];
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
    // Gradients, then the batch-norm statistics this forward pass updated.
    writeFlat([...trainable.map((v) => named[v.name] as tf.Tensor), ...fixed], layout, mine);
    losses[index] = value.dataSync()[0] as number;
    tf.dispose([value, named]);
    if (owned) tf.dispose([x, y]);
  }
  barrier.wait();
  // Reduce-scatter: this worker averages its slice of every worker's slot.
  const size = layout.size;
  mean.fill(0, lo, hi);
  shards.forEach(([a, b], k) => {
    if (b === a) return;
    const share = (b - a) / n;
    const slot = k * size;
    for (let i = lo; i < hi; i++)
      mean[i] = (mean[i] as number) + share * (grads[slot + i] as number);
  });
  barrier.wait();
  (j.adam as unknown as { learningRate: number }).learningRate = learningRate;
  tf.tidy(() => {
    const named: tf.NamedTensorMap = {};
    trainable.forEach((v, i) => (named[v.name] = tf.tensor(sliceOf(mean, layout, i), v.shape)));
    j.adam.applyGradients(j.clipNorm === undefined ? named : clipByGlobalNorm(named, j.clipNorm));
  });
  fixed.forEach((v, i) => {
    const values = sliceOf(mean, layout, trainable.length + i);
    tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
  });
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
