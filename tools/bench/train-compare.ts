/**
 * Training benchmark, Strand against PyTorch in the same run: `npm run bench:train` (DeepBind),
 * `bench:danq`, `bench:deepsea`, `bench:basset` (train-models.ts: sizes, data, epochs).
 *
 *   node --import tsx tools/bench/train-compare.ts --model deepsea [--vs-torch] [--repeat 1]
 *        [--n N] [--len L] [--epochs E] [--workers P] [--cpu 0] [--no-pin]
 *        [--backend wasm|cpu|tensorflow] [--only core|machine]
 *
 * Two comparisons, each side in a fresh child process, alternating (Strand, PyTorch, Strand,
 * PyTorch …) so a busy machine slows both alike:
 * - per core: Strand on one thread (one wasm backend) against PyTorch with 1 intra-op thread,
 *   both pinned to CPU `--cpu` with taskset (when it is installed; `--no-pin` leaves them free);
 * - per machine: Strand with P data-parallel workers against PyTorch with P threads, P = every
 *   core (`os.availableParallelism()`, or `--workers`).
 * Both sides build the same network (PyTorch: torch/models.py from the same config), train one
 * untimed warm-up batch on the same model, then time `--epochs` over `--n` sequences of batch 64
 * with Adam 1e-3 and binary cross-entropy. Each measurement prints a JSON line; then a table
 * with medians and ranges over `--repeat` rounds, effective GFLOP/s (model-flops.ts) and, last,
 * one JSON line `{ "ratio_per_core": …, "ratio_per_machine": …, … }` (Strand ÷ PyTorch
 * samples/s; medians). Without `--vs-torch` only Strand runs and the ratios are absent.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildModel, initBackend } from '@strand/models';
import { canPin, median, PYTHON, positiveInteger, requireTorch, round } from './bench-helpers.ts';
import { modelFlops } from './model-flops.ts';
import type { TrainBenchModel } from './train-models.ts';
import { TRAIN_BENCH_DEFAULTS, TRAIN_BENCH_MODELS, trainBenchSpec } from './train-models.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const { values: args } = parseArgs({
  options: {
    model: { type: 'string', default: 'deepbind' },
    'vs-torch': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    n: { type: 'string' },
    len: { type: 'string' },
    epochs: { type: 'string' },
    workers: { type: 'string' },
    cpu: { type: 'string', default: '0' },
    'no-pin': { type: 'boolean', default: false },
    backend: { type: 'string' },
    only: { type: 'string' },
  },
});
const model = args.model as TrainBenchModel;
if (!TRAIN_BENCH_MODELS.includes(model)) {
  console.error(`--model "${args.model}": expected ${TRAIN_BENCH_MODELS.join(', ')}`);
  process.exit(2);
}
const defaults = TRAIN_BENCH_DEFAULTS[model];
const n = positiveInteger('n', args.n ?? String(defaults.n));
const len = positiveInteger('len', args.len ?? String(defaults.len));
const epochs = positiveInteger('epochs', args.epochs ?? String(defaults.epochs));
const repeat = positiveInteger('repeat', args.repeat);
const machine = positiveInteger('workers', args.workers ?? String(os.availableParallelism()));
const cpu = Number(args.cpu);
if (args.only !== undefined && args.only !== 'core' && args.only !== 'machine') {
  console.error(`--only "${args.only}": expected core or machine`);
  process.exit(2);
}
const vsTorch = args['vs-torch'];
if (vsTorch) requireTorch();
const pin = !args['no-pin'] && canPin();

// FLOPs of the network (counted once, on the cpu backend: no kernels run).
await initBackend('cpu');
const probe = buildModel(trainBenchSpec(model, len));
const flops = modelFlops(probe);
probe.dispose();

interface Result {
  samples_per_s: number;
}
const run = (command: string[], cpuPin: boolean): Result => {
  const argv = cpuPin && pin ? ['taskset', '-c', String(cpu), ...command] : command;
  const child = spawnSync(argv[0] as string, argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    cwd: here('../..'),
  });
  if (child.status !== 0) {
    console.error(`${argv.join(' ')} failed (exit ${child.status}):\n${child.stderr.slice(-4000)}`);
    process.exit(1);
  }
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  console.log(line);
  return JSON.parse(line) as Result;
};
const sizes = ['--n', String(n), '--len', String(len), '--epochs', String(epochs)];
const strand = (workers: number): string[] => [
  process.execPath,
  '--import',
  'tsx',
  here('./train-run.ts'),
  '--model',
  model,
  '--workers',
  String(workers),
  ...sizes,
  ...(args.backend === undefined ? [] : ['--backend', args.backend]),
];
const torch = (threads: number): string[] => [
  PYTHON,
  here('./torch/train.py'),
  '--model',
  model,
  '--config',
  JSON.stringify(defaults.config),
  '--threads',
  String(threads),
  ...sizes,
];

const rates: Record<string, number[]> = {};
const add = (key: string, r: Result) => (rates[key] ??= []).push(r.samples_per_s);
for (let round = 0; round < repeat; round++) {
  if (args.only !== 'machine') {
    add('strand_core', run(strand(1), true));
    if (vsTorch) add('torch_core', run(torch(1), true));
  }
  if (args.only !== 'core') {
    add('strand_machine', run(strand(machine), false));
    if (vsTorch) add('torch_machine', run(torch(machine), false));
  }
}

console.log(
  `\n${model}: ${len} bp, ${n} sequences × ${epochs} epoch(s), batch 64; ${round(flops.train / 1e9, 3)} GFLOP per training sample; ${repeat} round(s)${pin ? `, per-core runs pinned to CPU ${cpu}` : ''}`,
);
console.log(
  `${'run'.padEnd(16)} ${'samples/s'.padStart(10)} ${'range'.padStart(19)} ${'GFLOP/s'.padStart(8)}`,
);
const summary: Record<string, number> = {};
for (const [key, xs] of Object.entries(rates)) {
  const m = median(xs);
  summary[key] = m;
  const range = `${round(Math.min(...xs), 2)}–${round(Math.max(...xs), 2)}`;
  const gflops = (m * flops.train) / 1e9;
  const label = key.endsWith('machine') ? `${key} ×${machine}` : key;
  console.log(
    `${label.padEnd(16)} ${String(round(m, 2)).padStart(10)} ${range.padStart(19)} ${gflops.toFixed(1).padStart(8)}`,
  );
}
const ratio = (a: string, b: string) =>
  summary[a] !== undefined && summary[b] !== undefined
    ? round(summary[a] / summary[b], 3)
    : undefined;
console.log(
  JSON.stringify({
    model,
    ratio_per_core: ratio('strand_core', 'torch_core'),
    ratio_per_machine: ratio('strand_machine', 'torch_machine'),
    strand_scaling: ratio('strand_machine', 'strand_core'),
    torch_scaling: ratio('torch_machine', 'torch_core'),
    workers: machine,
    gflop_per_sample: round(flops.train / 1e9, 4),
    samples_per_s: Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, round(v, 2)])),
  }),
);
