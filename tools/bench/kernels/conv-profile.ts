/**
 * Where the time of one training step goes for the compute-bound benchmark models (DeepSEA at
 * 1,000 bp, Basset at 600 bp, paper sizes): trains a few batches through `trainModel` under
 * `tf.profile` and prints, per kernel name and input shapes, the calls and milliseconds per
 * step, sorted by time, with the share of the step's wall time.
 *
 *   node --import tsx tools/bench/kernels/conv-profile.ts [--model deepsea|basset|danq|deepbind]
 *        [--batch 64]
 *        [--steps 2] [--top 30]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel, initBackend, trainModel } from '@strand/models';
import { randomOneHot } from '../bench-helpers.ts';
import type { TrainBenchModel } from '../train-models.ts';
import { labelWidth, TRAIN_BENCH_DEFAULTS, trainBenchSpec } from '../train-models.ts';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'deepsea' },
    batch: { type: 'string', default: '64' },
    steps: { type: 'string', default: '2' },
    top: { type: 'string', default: '30' },
  },
});
const steps = Number(args.steps);
const batch = Number(args.batch);
const backend = await initBackend();
const name = args.model as TrainBenchModel;
const spec = trainBenchSpec(name, TRAIN_BENCH_DEFAULTS[name].len);
const model = buildModel(spec);
const options = {
  batchSize: batch,
  learningRate: 1e-3,
  seed: 0,
  validationFraction: 0,
  epochs: 1,
  task: TRAIN_BENCH_DEFAULTS[name].task,
};
const labels = (count: number) => {
  const d = randomOneHot(count, spec.inputLength);
  const tasks = labelWidth(name);
  const y = new Float32Array(count * tasks).map((_, i) => (i * 7919) % 2);
  return { ...d, y, labelWidth: tasks };
};
await trainModel(model, labels(batch), options); // warm-up: one-off kernel setup
const data = labels(steps * batch);
const started = performance.now();
const profile = await tf.profile(() => trainModel(model, data, options).then(() => undefined));
const wallMs = (performance.now() - started) / steps;

const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of profile.kernels) {
  const key = `${k.name} ${k.inputShapes.map((s) => `[${s?.join(',') ?? ''}]`).join(' ')}`;
  const entry = byKernel.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += Number(k.kernelTimeMs) / steps;
  entry.calls += 1 / steps;
  byKernel.set(key, entry);
}
const kernelMs = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
console.log(
  JSON.stringify({
    backend,
    model: args.model,
    batch,
    steps,
    wallMsPerStep: Math.round(wallMs),
    kernelMsPerStep: Math.round(kernelMs),
    kernelsPerStep: Math.round(profile.kernels.length / steps),
  }),
);
console.log(`\nper step (mean of ${steps})\n${'ms'.padStart(9)} ${'%'.padStart(5)} calls  kernel`);
const top = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(args.top));
for (const [name, { ms, calls }] of top) {
  const share = (100 * ms) / wallMs;
  console.log(
    `${ms.toFixed(1).padStart(9)} ${share.toFixed(1).padStart(5)} ${calls.toFixed(1).padStart(5)}  ${name}`,
  );
}
model.dispose();
