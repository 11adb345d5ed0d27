/**
 * The big convolutions' kernels alone, on DeepSEA's and Basset's shapes (batch `--batch`):
 * forward Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter of each conv1d layer, and the
 * dense layer on its 50,880-wide input, with the CPU time (user + system, so waiting for a core
 * on a shared machine does not count) and effective GFLOP/s of each. `--only NAME` keeps the
 * cases whose label contains NAME.
 *
 *   node --import tsx tools/bench/kernels/conv-kernels.ts [--batch 16] [--rounds 3] [--only conv2]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@strand/models';
import { median } from '../bench-helpers.ts';

const { values: args } = parseArgs({
  options: {
    batch: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const N = Number(args.batch);
const rounds = Number(args.rounds);
await initBackend();

interface Case {
  label: string;
  flops: number;
  run: () => tf.Tensor;
}
/** Conv1d layer: input width W, C channels → Co filters of width k, padding. */
function convCases(
  name: string,
  W: number,
  C: number,
  Co: number,
  k: number,
  pad: 'valid' | 'same',
): Case[] {
  const oW = pad === 'valid' ? W - k + 1 : W;
  const flops = 2 * N * oW * k * C * Co;
  const x = tf.randomNormal([N, 1, W, C]);
  const f = tf.randomNormal([1, k, C, Co]);
  const dy = tf.randomNormal([N, 1, oW, Co]);
  return [
    {
      label: `${name} forward`,
      flops,
      run: () => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, pad),
    },
    {
      label: `${name} input gradient`,
      flops,
      run: () => tf.conv2dTranspose(dy as tf.Tensor4D, f as tf.Tensor4D, [N, 1, W, C], 1, pad),
    },
    {
      label: `${name} filter gradient`,
      flops,
      run: () =>
        tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, {
          strides: [1, 1],
          pad,
          dataFormat: 'NHWC',
          dimRoundingMode: undefined,
          filterShape: [1, k, C, Co],
        } as unknown as tf.NamedAttrMap) as tf.Tensor,
    },
  ];
}
function denseCases(name: string, inputs: number, units: number): Case[] {
  const x = tf.randomNormal([N, inputs]);
  const w = tf.randomNormal([inputs, units]);
  const dy = tf.randomNormal([N, units]);
  const flops = 2 * N * inputs * units;
  return [
    { label: `${name} forward`, flops, run: () => tf.matMul(x, w) },
    { label: `${name} input gradient`, flops, run: () => tf.matMul(dy, w, false, true) },
    { label: `${name} weight gradient`, flops, run: () => tf.matMul(x, dy, true, false) },
  ];
}
const cases: Case[] = [
  ...convCases('deepsea conv2', 248, 320, 480, 8, 'valid'),
  ...convCases('deepsea conv3', 60, 480, 960, 8, 'valid'),
  ...denseCases('deepsea dense1', 50880, 925),
  ...convCases('basset conv1', 600, 4, 300, 19, 'same'),
  ...convCases('basset conv2', 200, 300, 200, 11, 'same'),
  ...convCases('basset conv3', 50, 200, 200, 7, 'same'),
].filter((c) => args.only === undefined || c.label.includes(args.only));

console.log(`batch ${N}, median of ${rounds} (CPU ms)`);
for (const c of cases) {
  c.run().dispose(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.cpuUsage();
    const out = c.run();
    out.dataSync();
    const used = process.cpuUsage(started);
    out.dispose();
    times.push((used.user + used.system) / 1000);
  }
  const ms = median(times);
  console.log(
    `${c.label.padEnd(30)} ${ms.toFixed(1).padStart(8)} ms ${(c.flops / ms / 1e6).toFixed(1).padStart(6)} GFLOP/s`,
  );
}
