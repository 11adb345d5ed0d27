/**
 * The inference benchmark: an untrained DeepBind (64 filters × 12, dense 32, as the training
 * bench) predicting N random one-hot sequences × L bp in batches of 256 through Strand's
 * `predictProbabilities`, against the same network in PyTorch (torch/infer.py: eval mode,
 * no_grad, batches of 256, run with /usr/bin/python3 afterwards, never concurrently). Both sides
 * predict one untimed warm-up batch first. Strand predicts on one thread (one wasm backend), so
 * PyTorch gets one thread by default: the per-core comparison.
 *
 *   node --import tsx tools/bench/inference.ts [--vs-torch] [--backend wasm|cpu|tensorflow]
 *        [--n 20000] [--len 101] [--torch-threads 1]
 *
 * Prints JSON lines (sequences/s); with --vs-torch also PyTorch's and the ratio.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import {
  parseBackend,
  positiveInteger,
  randomOneHot,
  requireTorch,
  round,
  runTorchReference,
} from './bench-helpers.ts';
import { buildModel, initBackend, predictProbabilities } from '@strand/models';

const CONFIG = { filters: 64, kernelSize: 12, hiddenUnits: 32, dropout: 0.2 };
const BATCH = 256;

const { values: args } = parseArgs({
  options: {
    'vs-torch': { type: 'boolean', default: false },
    backend: { type: 'string' },
    n: { type: 'string', default: '20000' },
    len: { type: 'string', default: '101' },
    'torch-threads': { type: 'string', default: '1' },
  },
});
const n = positiveInteger('n', args.n);
const length = positiveInteger('len', args.len);
const torchThreads = positiveInteger('torch-threads', args['torch-threads']);

if (args['vs-torch']) requireTorch();

const backend = await initBackend(parseBackend(args.backend)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return process.exit(2);
});
const x = randomOneHot(n, length).x;
const model = buildModel({
  architecture: 'deepbind',
  config: CONFIG,
  inputLength: length,
  alphabetSize: 4,
  seed: 0,
});
const data = { x, count: n, length, alphabetSize: 4 };
// Untimed warm-up batch: first kernel calls pay one-off setup.
predictProbabilities(
  model,
  { ...data, x: x.subarray(0, BATCH * length * 4), count: BATCH },
  undefined,
  BATCH,
);
const started = performance.now();
predictProbabilities(model, data, undefined, BATCH);
const seconds = (performance.now() - started) / 1000;
model.dispose();

const strand = {
  engine: `tfjs-${tf.version.tfjs}-${backend}`,
  sequences: n,
  seconds: round(seconds, 4),
  sequences_per_s: round(n / seconds, 1),
};
console.log(JSON.stringify(strand));

if (args['vs-torch']) {
  const torch = runTorchReference<{ sequences_per_s: number }>('infer.py', {
    model: 'deepbind',
    config: JSON.stringify(CONFIG),
    n,
    len: length,
    batch: BATCH,
    threads: torchThreads,
  });
  console.log(JSON.stringify(torch));
  console.log(JSON.stringify({ ratio: round(strand.sequences_per_s / torch.sequences_per_s, 3) }));
}
