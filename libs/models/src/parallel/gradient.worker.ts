/**
 * A gradient worker: one wasm backend (one core) and one replica of the model. For each step it
 * loads the shared weights, computes the loss gradients of its shard of the batch and writes
 * them into its slot of the shared gradient buffer. It never updates weights itself: the main
 * thread averages every shard's gradients and applies the one Adam update.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { reseedDropout } from '../training/dropout-seed.ts';
import { gatherRows } from '../training/gather.ts';
import { taskLoss } from '../training/task-loss.ts';
import { assignFlat, flatLayout, trainableVariables, writeFlat } from './flat-weights.ts';
import type {
  BeginMessage,
  FromWorker,
  GradientWorkerData,
  ToWorker,
} from './parallel-messages.ts';

const port = parentPort;
if (port === null) throw new Error('gradient.worker.ts must run in a worker thread');
const init = workerData as GradientWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

await initBackend(init.backend);
const model = buildModel(init.spec);
const variables = trainableVariables(model);
const layout = flatLayout(variables);
const weights = new Float32Array(init.weights);
const grads = new Float32Array(init.grads, init.index * layout.size * 4, layout.size);
const losses = new Float64Array(init.losses);
const inputShape = (model.inputs[0]?.shape.slice(1) ?? []) as number[];
const rowSize = inputShape.reduce((a, d) => a * d, 1);
let job: (BeginMessage & { xBuffer: Float32Array; yBuffer: Float32Array }) | undefined;

port.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'close') {
      model.dispose();
      port.close();
      return;
    }
    if (message.type === 'begin') {
      const xBuffer = new Float32Array(message.batchSize * rowSize);
      job = {
        ...message,
        xBuffer,
        yBuffer: new Float32Array(message.batchSize * message.labelWidth),
      };
      send({ type: 'ready' });
      return;
    }
    if (job === undefined) throw new Error('step before begin');
    step(job, message.start, message.end, message.dropoutSeed);
    send({ type: 'done' });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
send({ type: 'ready' });

function step(j: NonNullable<typeof job>, start: number, end: number, dropoutSeed: number): void {
  const n = end - start;
  assignFlat(variables, layout, weights);
  reseedDropout(model, dropoutSeed);
  const x = gatherRows(j.x, rowSize, j.order, start, end, j.xBuffer);
  const y =
    j.task === 'reconstruction'
      ? undefined
      : gatherRows(j.y, j.labelWidth, j.order, start, end, j.yBuffer);
  const { value, grads: named } = tf.tidy(() => {
    const input = tf.tensor(x, [n, ...inputShape]);
    const target = y === undefined ? input : tf.tensor2d(y, [n, j.labelWidth]);
    return tf.variableGrads(() => {
      const p = model.apply(input, { training: true }) as tf.Tensor;
      const t =
        j.task === 'reconstruction'
          ? target
          : tf.reshape(target, j.task === 'multiclass' ? [n, 1] : p.shape);
      return taskLoss(j.task, t, p, j.weighting);
    }, variables);
  });
  writeFlat(
    variables.map((v) => named[v.name] as tf.Tensor),
    layout,
    grads,
  );
  losses[init.index] = value.dataSync()[0] as number;
  tf.dispose([value, named]);
}
