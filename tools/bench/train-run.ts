/**
 * One side of a training benchmark: Strand trains a benchmark model (train-models.ts) on random
 * one-hot data and prints one JSON line. Run by train-compare.ts as a child process (so each
 * measurement starts from a fresh process and can be pinned with taskset); runnable alone:
 *
 *   node --import tsx tools/bench/train-run.ts --model deepsea [--workers 1] [--n 256]
 *        [--len 1000] [--epochs 1] [--batch 64] [--backend wasm|cpu|tensorflow]
 *
 * `--workers 1` trains on this thread (`trainModel`); N > 1 trains data-parallel on N worker
 * threads (`DataParallelTrainer`, one backend — one core — each), start-up timed apart. Both
 * first train one untimed batch on the same model: the first call of each kernel pays one-off
 * setup (kernel init, XNNPACK operators, V8 compiling the SIMD module) that a real run amortises.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { buildModel, DataParallelTrainer, initBackend, trainModel } from '@strand/models';
import type { TrainingData } from '@strand/models';
import { parseBackend, positiveInteger, randomOneHot, round, subset } from './bench-helpers.ts';
import type { TrainBenchModel } from './train-models.ts';
import {
  labelWidth,
  TRAIN_BENCH_DEFAULTS,
  TRAIN_BENCH_MODELS,
  trainBenchSpec,
} from './train-models.ts';

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'deepsea' },
    workers: { type: 'string', default: '1' },
    n: { type: 'string' },
    len: { type: 'string' },
    epochs: { type: 'string' },
    batch: { type: 'string', default: '64' },
    backend: { type: 'string' },
  },
});
const name = args.model as TrainBenchModel;
if (!TRAIN_BENCH_MODELS.includes(name)) {
  console.error(`--model "${args.model}": expected ${TRAIN_BENCH_MODELS.join(', ')}`);
  process.exit(2);
}
const defaults = TRAIN_BENCH_DEFAULTS[name];
const n = positiveInteger('n', args.n ?? String(defaults.n));
const len = positiveInteger('len', args.len ?? String(defaults.len));
const epochs = positiveInteger('epochs', args.epochs ?? String(defaults.epochs));
const batch = positiveInteger('batch', args.batch);
const workers = positiveInteger('workers', args.workers);

const backend = await initBackend(parseBackend(args.backend)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return process.exit(2);
});
const spec = trainBenchSpec(name, len);
const width = labelWidth(name);
const data: TrainingData = { ...randomOneHot(n, len), labelWidth: width };
if (width > 1) data.y = randomLabels(n * width);
const options = {
  batchSize: batch,
  learningRate: 1e-3,
  seed: 0,
  validationFraction: 0,
  task: defaults.task,
};
const warmUp: TrainingData = {
  ...subset(data, Math.min(batch, n)),
  y: data.y.slice(0, Math.min(batch, n) * width),
  labelWidth: width,
};

let seconds: number;
let startup: number | undefined;
if (workers === 1) {
  const model = buildModel(spec);
  await trainModel(model, warmUp, { ...options, epochs: 1 });
  const started = performance.now();
  await trainModel(model, data, { ...options, epochs });
  seconds = (performance.now() - started) / 1000;
  model.dispose();
} else {
  const starting = performance.now();
  const trainer = await DataParallelTrainer.start(spec, { workers, backend });
  startup = (performance.now() - starting) / 1000;
  await trainer.train(warmUp, { ...options, epochs: 1 });
  const started = performance.now();
  await trainer.train(data, { ...options, epochs });
  seconds = (performance.now() - started) / 1000;
  await trainer.close();
  trainer.model.dispose();
}

console.log(
  JSON.stringify({
    side: 'strand',
    engine: `tfjs-${tf.version.tfjs}-${backend}`,
    workers,
    samples: n * epochs,
    seconds: round(seconds, 4),
    samples_per_s: round((n * epochs) / seconds, 2),
    ...(startup === undefined ? {} : { startup_s: round(startup, 3) }),
  }),
);

/** Random 0/1 labels for a multitask head (fixed: xorshift32 as randomOneHot). */
function randomLabels(size: number): Float32Array {
  let state = 0x1234567;
  const y = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    y[i] = (state >>> 0) % 2;
  }
  return y;
}
