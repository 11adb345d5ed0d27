/**
 * Kernels per step of the real training engine (`trainModel`, not a bare `minimize`): trains
 * the DeepBind benchmark model for one epoch under `tf.profile` and prints the kernel calls per
 * step by name, so per-step overhead outside the model (loss bookkeeping, optimizer, input
 * tensors) shows up too.
 *
 *   node --import tsx tools/bench/kernels/train-profile.ts [--batches 10] [--top 40] [--danq]
 *        [--model deepsea|basset] [--sort ms] [--batch 64]
 *
 * --danq profiles the DanQ benchmark's model (DANQ_DEFAULTS) instead of DeepBind's; --model one
 * of train-compare's paper-size models (train-models.ts). --sort ms orders kernels by time.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel, DANQ_DEFAULTS, initBackend, trainModel } from '@strand/models';
import type { TrainingData } from '@strand/models';
import { randomOneHot } from '../bench-helpers.ts';
import type { TrainBenchModel } from '../train-models.ts';
import {
  labelWidth,
  TRAIN_BENCH_DEFAULTS,
  TRAIN_BENCH_MODELS,
  trainBenchSpec,
} from '../train-models.ts';

const { values: args } = parseArgs({
  options: {
    batches: { type: 'string', default: '10' },
    top: { type: 'string', default: '40' },
    danq: { type: 'boolean', default: false },
    model: { type: 'string' },
    sort: { type: 'string', default: 'calls' },
    batch: { type: 'string', default: '64' },
  },
});
const batches = Number(args.batches);
const backend = await initBackend();
tf.env().set('IS_TEST', false);

const BATCH = Number(args.batch);
const bench = args.model as TrainBenchModel | undefined;
if (bench !== undefined && !TRAIN_BENCH_MODELS.includes(bench)) {
  console.error(`--model "${bench}": expected ${TRAIN_BENCH_MODELS.join(', ')}`);
  process.exit(2);
}
const len = bench ? TRAIN_BENCH_DEFAULTS[bench].len : 101;
const model = buildModel(
  bench
    ? trainBenchSpec(bench, len)
    : args.danq
      ? {
          architecture: 'danq',
          config: { ...DANQ_DEFAULTS },
          inputLength: 101,
          alphabetSize: 4,
          seed: 0,
        }
      : {
          architecture: 'deepbind',
          config: { filters: 64, kernelSize: 12, hiddenUnits: 32, dropout: 0.2 },
          inputLength: 101,
          alphabetSize: 4,
          seed: 0,
        },
);
const options = {
  batchSize: BATCH,
  learningRate: 1e-3,
  seed: 0,
  validationFraction: 0,
  epochs: 1,
  ...(bench ? { task: TRAIN_BENCH_DEFAULTS[bench].task } : {}),
};
const width = bench ? labelWidth(bench) : 1;
const dataOf = (count: number): TrainingData => {
  const data: TrainingData = { ...randomOneHot(count, len), labelWidth: width };
  if (width > 1)
    data.y = Float32Array.from({ length: count * width }, (_, i) => ((i * 7919) % 3 === 0 ? 1 : 0));
  return data;
};
await trainModel(model, dataOf(BATCH), options); // warm-up: one-off kernel setup
const data = dataOf(batches * BATCH);
const profile = await tf.profile(() => trainModel(model, data, options).then(() => undefined));

const byKernel = new Map<string, { ms: number; calls: number }>();
for (const k of profile.kernels) {
  const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
  entry.ms += Number(k.kernelTimeMs) / batches;
  entry.calls += 1 / batches;
  byKernel.set(k.name, entry);
}
const kernelMs = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);
console.log(
  JSON.stringify({
    backend,
    batches,
    kernelsPerStep: Math.round((10 * profile.kernels.length) / batches) / 10,
    kernelMsPerStep: Math.round(kernelMs * 1000) / 1000,
    newTensorsPerStep: Math.round(profile.newTensors / batches),
  }),
);
console.log(`\nper step (mean of ${batches})\nkernel                         calls         ms`);
const top = [...byKernel.entries()]
  .sort((a, b) => (args.sort === 'ms' ? b[1].ms - a[1].ms : b[1].calls - a[1].calls))
  .slice(0, Number(args.top));
for (const [name, { ms, calls }] of top) {
  console.log(`${name.padEnd(30)} ${calls.toFixed(1).padStart(5)} ${ms.toFixed(3).padStart(10)}`);
}
model.dispose();
