/**
 * The DeepBind training benchmark: the same work as shared/bench/torch_reference.py (N random
 * one-hot sequences × L bp, 64 filters of width 12, dense 32, dropout 0.2, batch 64, Adam 1e-3,
 * E epochs, no validation), trained through Strand's `trainModel` on the chosen backend.
 *
 *   node --import tsx tools/bench/train-deepbind.ts [--vs-torch] [--backend wasm|cpu|tensorflow]
 *        [--n 2000] [--len 101] [--epochs 2] [--torch-threads 2] [--workers 1]
 *
 * Prints one JSON line; with --vs-torch also runs the PyTorch reference afterwards (not
 * concurrently, so neither steals the other's cores), then prints its JSON and
 * `{ "ratio": strand samples/s ÷ torch samples/s }`. PyTorch uses 2 threads (the reference's
 * default); the WASM backend uses one core, so `--torch-threads 1` gives the per-core ratio.
 * `--workers N` (N > 1) trains with the data-parallel pool (`DataParallelTrainer`): N worker
 * threads, one backend (one core) each; worker start-up is timed apart (`startup_s`).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '@strand/models';
import {
  parseBackend,
  positiveInteger,
  randomOneHot,
  requireTorch,
  round,
  runTorchReference,
  subset,
} from './bench-helpers.ts';
import { buildModel, DataParallelTrainer, initBackend, trainModel } from '@strand/models';

const FILTERS = 64;
const KERNEL = 12;
const BATCH = 64;
const TORCH_SCRIPT = fileURLToPath(
  new URL('../../../shared/bench/torch_reference.py', import.meta.url),
);

const { values: args } = parseArgs({
  options: {
    'vs-torch': { type: 'boolean', default: false },
    backend: { type: 'string' },
    n: { type: 'string', default: '2000' },
    len: { type: 'string', default: '101' },
    epochs: { type: 'string', default: '2' },
    'torch-threads': { type: 'string', default: '2' },
    workers: { type: 'string', default: '1' },
  },
});
const n = positiveInteger('n', args.n);
const length = positiveInteger('len', args.len);
const epochs = positiveInteger('epochs', args.epochs);
const torchThreads = positiveInteger('torch-threads', args['torch-threads']);
const workers = positiveInteger('workers', args.workers);

// Check for PyTorch before spending a minute on the TF.js side.
if (args['vs-torch']) requireTorch();

const backend = await initBackend(parseBackend(args.backend)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return process.exit(2);
});
const data = randomOneHot(n, length);
const spec: ModelSpec = {
  architecture: 'deepbind',
  config: { filters: FILTERS, kernelSize: KERNEL, hiddenUnits: 32, dropout: 0.2 },
  inputLength: length,
  alphabetSize: 4,
  seed: 0,
};
const options = { batchSize: BATCH, learningRate: 1e-3, seed: 0, validationFraction: 0 };
const warmUp = subset(data, Math.min(BATCH, n));

let seconds: number;
let startup: number | undefined;
if (workers === 1) {
  const model = buildModel(spec);
  // One untimed warm-up step on one batch: the first call of each kernel pays one-off setup
  // (WASM kernel init, XNNPACK operator creation) that a long training run amortises.
  await trainModel(model, warmUp, { ...options, epochs: 1 });
  const started = performance.now();
  await trainModel(model, data, { ...options, epochs });
  seconds = (performance.now() - started) / 1000;
  model.dispose();
} else {
  const starting = performance.now();
  const trainer = await DataParallelTrainer.start(spec, { workers, backend });
  startup = (performance.now() - starting) / 1000;
  await trainer.train(warmUp, { ...options, epochs: 1 }); // the same warm-up, in every worker
  const started = performance.now();
  await trainer.train(data, { ...options, epochs });
  seconds = (performance.now() - started) / 1000;
  await trainer.close();
  trainer.model.dispose();
}

const strand = {
  engine: `tfjs-${tf.version.tfjs}-${backend}`,
  backend,
  workers,
  samples: n * epochs,
  seconds: round(seconds, 4),
  samples_per_s: round((n * epochs) / seconds, 1),
  ...(startup === undefined ? {} : { startup_s: round(startup, 3) }),
};
console.log(JSON.stringify(strand));

if (args['vs-torch']) {
  const torch = runTorchReference<{ samples_per_s: number }>(
    { path: TORCH_SCRIPT },
    {
      n,
      len: length,
      epochs,
      filters: FILTERS,
      kernel: KERNEL,
      batch: BATCH,
      threads: torchThreads,
    },
  );
  console.log(JSON.stringify(torch));
  console.log(JSON.stringify({ ratio: round(strand.samples_per_s / torch.samples_per_s, 3) }));
}
