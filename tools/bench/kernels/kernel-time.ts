/**
 * Each Strand wasm kernel against what runs without it (the wasm kernel it replaces, or the cpu
 * kernel bridged for one wasm lacks), on the shapes of the DeepBind training step. Calls
 * alternate between the two so a busy machine slows both alike; prints medians and the ratio.
 *
 *   node --import tsx tools/bench/kernels/kernel-time.ts [--rounds 60]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { initBackend } from '@strand/models';
import { cpuBridgeConfig } from './cpu-bridge.ts';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '60' } } });
const rounds = Number(args.rounds);

interface Case {
  label: string;
  kernel: string;
  inputs: () => tf.NamedTensorMap;
  attrs: tf.NamedAttrMap;
  /** Fewer rounds for a slow baseline. */
  rounds?: number;
}

// The wasm kernels as tfjs registers them, captured before Strand replaces some.
await tf.setBackend('wasm');
const CASES: Case[] = [
  {
    label: 'Conv2DBackpropFilter x[64,1,101,4] dy[64,1,90,64]',
    kernel: tf.Conv2DBackpropFilter,
    inputs: () => ({ x: tf.randomNormal([64, 1, 101, 4]), dy: tf.randomNormal([64, 1, 90, 64]) }),
    attrs: { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: [1, 12, 4, 64] },
    rounds: 3,
  },
  {
    label: 'Equal [64,90,64] vs [64,1,64]',
    kernel: tf.Equal,
    inputs: () => {
      const a = tf.randomNormal([64, 90, 64]);
      return { a, b: a.max(1, true) };
    },
    attrs: {},
  },
  {
    label: 'Equal [64,90,64] vs same shape',
    kernel: tf.Equal,
    inputs: () => ({ a: tf.randomNormal([64, 90, 64]), b: tf.randomNormal([64, 90, 64]) }),
    attrs: {},
  },
  {
    label: 'Max [64,90,64] axis 1',
    kernel: tf.Max,
    inputs: () => ({ x: tf.randomNormal([64, 90, 64]) }),
    attrs: { reductionIndices: [1], keepDims: false },
  },
  {
    label: 'Sum [64,90,64] axes 0,1',
    kernel: tf.Sum,
    inputs: () => ({ x: tf.randomNormal([64, 90, 64]) }),
    attrs: { axis: [0, 1], keepDims: false },
  },
  {
    label: 'BatchMatMul [64,64]ᵀ · [64,32] (dense weight grad)',
    kernel: tf.BatchMatMul,
    inputs: () => ({ a: tf.randomNormal([64, 64]), b: tf.randomNormal([64, 32]) }),
    attrs: { transposeA: true, transposeB: false },
  },
  {
    label: 'Conv2D x[64,1,101,4] filter[1,12,4,64] (conv1d)',
    kernel: tf.Conv2D,
    inputs: () => ({
      x: tf.randomNormal([64, 1, 101, 4]),
      filter: tf.randomNormal([1, 12, 4, 64]),
    }),
    attrs: { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
  },
  {
    label: 'Add [64,90,64] + [1,1,64] (conv bias)',
    kernel: tf.Add,
    inputs: () => ({ a: tf.randomNormal([64, 90, 64]), b: tf.randomNormal([1, 1, 64]) }),
    attrs: {},
  },
  {
    label: 'Multiply [64,90,64] · [64,1,64] (max-pool grad)',
    kernel: tf.Multiply,
    inputs: () => ({ a: tf.randomNormal([64, 90, 64]), b: tf.randomNormal([64, 1, 64]) }),
    attrs: {},
  },
  {
    label: 'Cast [64,90,64] float32 → float32 (relu grad)',
    kernel: tf.Cast,
    inputs: () => ({ x: tf.randomNormal([64, 90, 64]) }),
    attrs: { dtype: 'float32' },
  },
  {
    label: 'Identity [64,90,64]',
    kernel: tf.Identity,
    inputs: () => ({ x: tf.randomNormal([64, 90, 64]) }),
    attrs: {},
  },
];
const before = new Map(
  CASES.map((c) => [c.kernel, tf.getKernel(c.kernel, 'wasm') ?? cpuBridgeConfig(c.kernel)]),
);
await initBackend('wasm');
const backend = tf.backend();

console.log('kernel case                                        without ms   Strand ms   speed-up');
for (const c of CASES) {
  const strand = tf.getKernel(c.kernel, 'wasm');
  const baseline = before.get(c.kernel);
  if (strand === undefined || baseline === undefined || strand === baseline) continue;
  const inputs = c.inputs();
  const run = (config: tf.KernelConfig): number => {
    const t0 = performance.now();
    const out = config.kernelFunc({ inputs, backend, attrs: c.attrs });
    const ms = performance.now() - t0;
    for (const t of [out].flat()) backend.disposeData(t.dataId);
    return ms;
  };
  const n = c.rounds ?? rounds;
  run(baseline);
  run(strand);
  const [a, b]: number[][] = [[], []];
  for (let i = 0; i < n; i++) {
    a.push(run(baseline));
    for (let k = 0; k < Math.max(1, Math.floor(rounds / n)); k++) b.push(run(strand));
  }
  const [ma, mb] = [median(a), median(b)];
  console.log(
    `${c.label.padEnd(50)} ${ma.toFixed(3).padStart(10)} ${mb.toFixed(3).padStart(11)} ${(ma / mb).toFixed(1).padStart(9)}×`,
  );
  tf.dispose(inputs);
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[Math.floor(sorted.length / 2)];
}
