/**
 * Per-step time of the DeepBind benchmark (`optimizer.minimize`, batch 64 × 101 bp) and a
 * per-kernel profile of one step, on the backend `initBackend` picks.
 *
 *   node --import tsx tools/bench/kernels/step-time.ts [--steps 200] [--torch]
 *   STRAND_BACKEND=cpu …                 force a backend
 *   STRAND_WASM_KERNELS=none …           wasm without Strand's kernels (missing ones bridged to cpu)
 *   STRAND_WASM_KERNELS=Conv2DBackpropFilter …   only the listed Strand kernels
 *
 * --ab Identity,Max  alternates steps between all of Strand's kernels and the same set with the
 *                    listed ones swapped back for the wasm originals, and prints both medians: on a
 *                    shared machine, the fair way to see what one kernel is worth. A kernel wasm
 *                    does not have (StrandAdamUpdate, Conv2DBackpropFilter) is unregistered
 *                    instead: `--ab StrandAdamUpdate` compares the fused Adam with tfjs' Adam.
 * --torch also runs the PyTorch reference (tools/bench/torch/train.py, 1 thread; Debian's
 * python3-torch) and prints the ratio, so the comparison comes from one run on one machine.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '@strand/models';
import { runTorchReference } from '../bench-helpers.ts';
import { TRAIN_BENCH_DEFAULTS } from '../train-models.ts';
import { cpuBridgeConfig } from './cpu-bridge.ts';
import { buildDeepBind, DEEPBIND, makeStep, randomBatch } from './deepbind-model.ts';

const { values: args } = parseArgs({
  options: {
    steps: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    top: { type: 'string', default: '15' },
    'profile-steps': { type: 'string', default: '20' },
    torch: { type: 'boolean', default: false },
    ab: { type: 'string' },
  },
});
const steps = Number(args.steps);
const warmup = Number(args.warmup);

// For --ab: the wasm kernels as tfjs registers them, captured before Strand replaces some.
const abNames = args.ab?.split(',') ?? [];
const originals: (tf.KernelConfig | undefined)[] = [];
if (abNames.length > 0) {
  await tf.setBackend('wasm');
  for (const name of abNames) originals.push(tf.getKernel(name, 'wasm'));
}
const backend = await initBackend();
const strand = abNames.map((name) => {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) throw new Error(`--ab ${name}: wasm has no kernel of that name`);
  return config;
});
/** Puts the given configs in place of the named kernels; undefined leaves a kernel out. */
const use = (configs: (tf.KernelConfig | undefined)[]): void => {
  configs.forEach((config, i) => {
    const name = abNames[i] as string;
    if (tf.getKernel(name, 'wasm') !== undefined) tf.unregisterKernel(name, 'wasm');
    if (config !== undefined) tf.registerKernel(config);
  });
};
if (backend === 'wasm') {
  for (const name of ['Conv2DBackpropFilter']) {
    if (tf.getKernel(name, 'wasm') === undefined) tf.registerKernel(cpuBridgeConfig(name));
  }
}
tf.env().set('IS_TEST', false);

const model = buildDeepBind();
const { x, y } = randomBatch();
const step = makeStep(model, x, y);
for (let i = 0; i < warmup; i++) step();

const times: number[] = [];
const withoutTimes: number[] = [];
for (let i = 0; i < steps; i++) {
  if (abNames.length > 0) {
    use(originals);
    const t0 = performance.now();
    step();
    withoutTimes.push(performance.now() - t0);
    use(strand);
  }
  const t0 = performance.now();
  step();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
const mean = times.reduce((s, t) => s + t, 0) / times.length;

// Kernel times of single steps are noisy (GC, the other core's load): average several.
const profileSteps = Number(args['profile-steps']);
const byKernel = new Map<string, { ms: number; calls: number }>();
let kernelsPerStep = 0;
for (let i = 0; i < profileSteps; i++) {
  const profile = await tf.profile(() => step());
  kernelsPerStep = profile.kernels.length;
  for (const k of profile.kernels) {
    const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 };
    entry.ms += Number(k.kernelTimeMs) / profileSteps;
    entry.calls += 1 / profileSteps;
    byKernel.set(k.name, entry);
  }
}
const kernelMs = [...byKernel.values()].reduce((s, e) => s + e.ms, 0);

const result: Record<string, unknown> = {
  backend,
  strandKernels: process.env['STRAND_WASM_KERNELS'] ?? 'all',
  batch: DEEPBIND.batch,
  steps,
  medianMs: round(median),
  meanMs: round(mean),
  p90Ms: round(times[Math.floor(times.length * 0.9)] ?? NaN),
  kernelsPerStep,
  kernelMsPerStep: round(kernelMs),
  tensorsAfter: tf.memory().numTensors,
};
if (abNames.length > 0) {
  withoutTimes.sort((a, b) => a - b);
  const withoutMedian = withoutTimes[Math.floor(withoutTimes.length / 2)];
  result['abWithoutMedianMs'] = round(withoutMedian);
  result['abGainMs'] = round(withoutMedian - median);
}
if (args.torch) {
  const torch = runTorchReference<{ samples_per_s: number }>('train.py', {
    model: 'deepbind',
    config: JSON.stringify(TRAIN_BENCH_DEFAULTS.deepbind.config),
    len: 101,
    n: 2000,
    epochs: 2,
    threads: 1,
  });
  const torchMs = (1000 * DEEPBIND.batch) / torch.samples_per_s;
  result['torchMs'] = round(torchMs);
  result['speedVsTorch'] = round(torchMs / median);
}
console.log(JSON.stringify(result));

console.log(
  `\nper step, mean of ${profileSteps} profiled steps\nkernel                         calls         ms   share`,
);
const top = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(args.top));
for (const [name, { ms, calls }] of top) {
  const share = ((100 * ms) / kernelMs).toFixed(1).padStart(5);
  console.log(
    `${name.padEnd(30)} ${String(Math.round(calls)).padStart(5)} ${ms.toFixed(3).padStart(10)}  ${share}%`,
  );
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
