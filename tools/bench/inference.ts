/**
 * The inference benchmark: an untrained DeepBind (64 filters × 12, dense 32, as the training
 * bench) predicting N random one-hot sequences × L bp in batches of 256 through Strand's
 * `predictProbabilities`, against the same network in PyTorch (eval mode, no_grad, batches of
 * 256; a script written to a temp file and run with /usr/bin/python3 afterwards).
 *
 *   node --import tsx tools/bench/inference.ts [--vs-torch] [--backend wasm|cpu|tensorflow]
 *        [--n 20000] [--len 101] [--torch-threads 2]
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

const FILTERS = 64;
const KERNEL = 12;
const BATCH = 256;

const TORCH_SCRIPT = `
import argparse, json, time
import torch
p = argparse.ArgumentParser()
for name in ["n", "len", "filters", "kernel", "batch", "threads"]:
    p.add_argument(f"--{name}", type=int)
a = p.parse_args()
torch.manual_seed(0)
torch.set_num_threads(a.threads)
model = torch.nn.Sequential(
    torch.nn.Conv1d(4, a.filters, a.kernel), torch.nn.ReLU(), torch.nn.AdaptiveMaxPool1d(1),
    torch.nn.Flatten(), torch.nn.Linear(a.filters, 32), torch.nn.ReLU(), torch.nn.Dropout(0.2),
    torch.nn.Linear(32, 1), torch.nn.Sigmoid()).eval()
x = torch.rand(a.n, 4, a.len)
with torch.no_grad():
    model(x[:a.batch])  # warm-up, as the TF.js side
    t0 = time.perf_counter()
    out = [model(x[i:i + a.batch]) for i in range(0, a.n, a.batch)]
    seconds = time.perf_counter() - t0
print(json.dumps({"engine": f"pytorch-{torch.__version__}-cpu", "threads": a.threads,
                  "sequences": a.n, "seconds": round(seconds, 4),
                  "sequences_per_s": round(a.n / seconds, 1)}))
`;

const { values: args } = parseArgs({
  options: {
    'vs-torch': { type: 'boolean', default: false },
    backend: { type: 'string' },
    n: { type: 'string', default: '20000' },
    len: { type: 'string', default: '101' },
    'torch-threads': { type: 'string', default: '2' },
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
  config: { filters: FILTERS, kernelSize: KERNEL, hiddenUnits: 32, dropout: 0.2 },
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
  const flags = { n, len: length, filters: FILTERS, kernel: KERNEL, batch: BATCH };
  const torch = runTorchReference<{ sequences_per_s: number }>(
    { source: TORCH_SCRIPT, name: 'inference_reference.py' },
    { ...flags, threads: torchThreads },
  );
  console.log(JSON.stringify(torch));
  console.log(JSON.stringify({ ratio: round(strand.sequences_per_s / torch.sequences_per_s, 3) }));
}
