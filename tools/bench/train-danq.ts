/**
 * The DanQ training benchmark: Strand's DanQ (conv 64×19 → max pool 13 → dropout → BiLSTM 32 →
 * dropout → dense 64 → sigmoid; DANQ_DEFAULTS) on N random one-hot sequences × L bp, batch 64,
 * Adam 1e-3, E epochs, no validation, against the same network in PyTorch (a script written to
 * a temp file, run with /usr/bin/python3 after the TF.js side, never concurrently).
 *
 *   node --import tsx tools/bench/train-danq.ts [--vs-torch] [--backend wasm|cpu|tensorflow]
 *        [--n 1000] [--len 101] [--epochs 1] [--torch-threads 2] [--workers 1]
 *
 * `--workers N` (N > 1) trains with the data-parallel pool (one backend, one core per worker);
 * start-up is timed apart. Prints JSON lines; with --vs-torch also PyTorch's and the ratio
 * strand samples/s ÷ torch samples/s.
 */
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
import {
  buildModel,
  DANQ_DEFAULTS,
  DataParallelTrainer,
  initBackend,
  trainModel,
} from '@strand/models';

const BATCH = 64;

// The same network as DanQ in libs/models/src/architectures/danq.ts, PyTorch layout [N, C, L].
const TORCH_SCRIPT = `
import argparse, json, time
import torch
p = argparse.ArgumentParser()
for name in ["n", "len", "filters", "kernel", "pool", "lstm", "hidden", "epochs", "batch", "threads"]:
    p.add_argument(f"--{name}", type=int)
a = p.parse_args()
torch.manual_seed(0)
torch.set_num_threads(a.threads)

class DanQ(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv1d(4, a.filters, a.kernel)
        self.pool = torch.nn.MaxPool1d(a.pool)
        self.drop1 = torch.nn.Dropout(0.2)
        self.lstm = torch.nn.LSTM(a.filters, a.lstm, batch_first=True, bidirectional=True)
        self.drop2 = torch.nn.Dropout(0.5)
        steps = (a.len - a.kernel + 1) // a.pool
        self.dense = torch.nn.Linear(steps * 2 * a.lstm, a.hidden)
        self.out = torch.nn.Linear(a.hidden, 1)
    def forward(self, x):
        h = self.drop1(self.pool(torch.relu(self.conv(x)))).transpose(1, 2)
        h, _ = self.lstm(h)
        h = self.drop2(h).flatten(1)
        return self.out(torch.relu(self.dense(h)))

x = torch.rand(a.n, 4, a.len)
y = torch.rand(a.n, 1).round()
model = DanQ()
opt = torch.optim.Adam(model.parameters(), 1e-3)
loss_fn = torch.nn.BCEWithLogitsLoss()
t0 = time.perf_counter()
for _ in range(a.epochs):
    for i in range(0, a.n, a.batch):
        opt.zero_grad()
        loss = loss_fn(model(x[i:i + a.batch]), y[i:i + a.batch])
        loss.backward()
        opt.step()
seconds = time.perf_counter() - t0
print(json.dumps({"engine": f"pytorch-{torch.__version__}-cpu", "threads": a.threads,
                  "samples": a.n * a.epochs, "seconds": round(seconds, 4),
                  "samples_per_s": round(a.n * a.epochs / seconds, 1)}))
`;

const { values: args } = parseArgs({
  options: {
    'vs-torch': { type: 'boolean', default: false },
    backend: { type: 'string' },
    n: { type: 'string', default: '1000' },
    len: { type: 'string', default: '101' },
    epochs: { type: 'string', default: '1' },
    'torch-threads': { type: 'string', default: '2' },
    workers: { type: 'string', default: '1' },
  },
});
const n = positiveInteger('n', args.n);
const length = positiveInteger('len', args.len);
const epochs = positiveInteger('epochs', args.epochs);
const torchThreads = positiveInteger('torch-threads', args['torch-threads']);
const workers = positiveInteger('workers', args.workers);
const c = DANQ_DEFAULTS;

if (args['vs-torch']) requireTorch();

const backend = await initBackend(parseBackend(args.backend)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  return process.exit(2);
});
const data = randomOneHot(n, length);
const spec: ModelSpec = {
  architecture: 'danq',
  config: { ...c },
  inputLength: length,
  alphabetSize: 4,
  seed: 0,
};
const options = { batchSize: BATCH, learningRate: 1e-3, seed: 0, validationFraction: 0 };
const task = 'multitask' as const; // DanQ's registry task; one task here
const warmUp = subset(data, Math.min(BATCH, n));

let seconds: number;
let startup: number | undefined;
if (workers === 1) {
  const model = buildModel(spec);
  // An untimed warm-up batch pays the kernels' one-off setup.
  await trainModel(model, warmUp, { ...options, task, epochs: 1 });
  const started = performance.now();
  await trainModel(model, data, { ...options, task, epochs });
  seconds = (performance.now() - started) / 1000;
  model.dispose();
} else {
  const starting = performance.now();
  const trainer = await DataParallelTrainer.start(spec, { workers, backend });
  startup = (performance.now() - starting) / 1000;
  await trainer.train(warmUp, { ...options, task, epochs: 1 });
  const started = performance.now();
  await trainer.train(data, { ...options, task, epochs });
  seconds = (performance.now() - started) / 1000;
  await trainer.close();
  trainer.model.dispose();
}

const strand = {
  engine: `tfjs-${tf.version.tfjs}-${backend}`,
  model: 'danq',
  workers,
  samples: n * epochs,
  seconds: round(seconds, 4),
  samples_per_s: round((n * epochs) / seconds, 1),
  ...(startup === undefined ? {} : { startup_s: round(startup, 3) }),
};
console.log(JSON.stringify(strand));

if (args['vs-torch']) {
  const flags = { n, len: length, filters: c.filters, kernel: c.kernelSize, pool: c.poolSize };
  const more = { lstm: c.lstmUnits, hidden: c.hiddenUnits, epochs, batch: BATCH };
  const torch = runTorchReference<{ samples_per_s: number }>(
    { source: TORCH_SCRIPT, name: 'danq_reference.py' },
    { ...flags, ...more, threads: torchThreads },
  );
  console.log(JSON.stringify(torch));
  console.log(JSON.stringify({ ratio: round(strand.samples_per_s / torch.samples_per_s, 3) }));
}
