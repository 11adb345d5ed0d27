/**
 * A/B of the real training engine in one process: `trainModel` epochs on the DeepBind
 * benchmark (2,000 × 101 bp, batch 64, as `npm run bench:train`) alternate between all of
 * Strand's wasm kernels and the same set with the listed ones swapped back for the wasm
 * originals (or left out where wasm has none: `StrandAdamUpdate` out = tfjs' Adam). On a shared
 * machine both sides see the same load; prints the median samples/s of each side and the gain.
 *
 *   node --import tsx tools/bench/kernels/train-ab.ts --ab StrandAdamUpdate [--rounds 8]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { buildModel, initBackend, trainModel } from '@strand/models';
import { randomOneHot, subset } from '../bench-helpers.ts';

const { values: args } = parseArgs({
  options: {
    ab: { type: 'string', default: '' },
    rounds: { type: 'string', default: '8' },
    n: { type: 'string', default: '2000' },
  },
});
const rounds = Number(args.rounds);
const n = Number(args.n);
const names = args.ab === '' ? [] : args.ab.split(',');

await tf.setBackend('wasm');
const originals = names.map((name) => tf.getKernel(name, 'wasm'));
const backend = await initBackend('wasm');
const strand = names.map((name) => {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) throw new Error(`--ab ${name}: wasm has no kernel of that name`);
  return config;
});
/** Puts the given configs in place of the named kernels; undefined leaves a kernel out. */
const use = (configs: (tf.KernelConfig | undefined)[]): void => {
  configs.forEach((config, i) => {
    const name = names[i] as string;
    if (tf.getKernel(name, 'wasm') !== undefined) tf.unregisterKernel(name, 'wasm');
    if (config !== undefined) tf.registerKernel(config);
  });
};
tf.env().set('IS_TEST', false);

const model = buildModel({
  architecture: 'deepbind',
  config: { filters: 64, kernelSize: 12, hiddenUnits: 32, dropout: 0.2 },
  inputLength: 101,
  alphabetSize: 4,
  seed: 0,
});
const data = randomOneHot(n, 101);
const options = { batchSize: 64, learningRate: 1e-3, seed: 0, validationFraction: 0, epochs: 1 };
const epoch = async (): Promise<number> => {
  const { history } = await trainModel(model, data, options);
  return history[0]?.samplesPerSecond ?? NaN;
};
await trainModel(model, subset(data, 64), options); // one-off kernel setup, both sides
use(originals);
await trainModel(model, subset(data, 64), options);
use(strand);

const withAll: number[] = [];
const without: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Alternate which side goes first, so neither always follows the other's garbage.
  for (const side of r % 2 === 0 ? ['all', 'without'] : ['without', 'all']) {
    if (side === 'without') use(originals);
    (side === 'all' ? withAll : without).push(await epoch());
    use(strand);
  }
}
const median = (xs: number[]): number =>
  [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] ?? NaN;
const round = (v: number): number => Math.round(v);
console.log(
  JSON.stringify({
    backend,
    without: names.join(',') || '(nothing)',
    rounds,
    samplesPerSecond: round(median(withAll)),
    samplesPerSecondWithout: round(median(without)),
    gain: Math.round((1000 * median(withAll)) / median(without)) / 1000,
    all: withAll.map(round),
    allWithout: without.map(round),
  }),
);
model.dispose();
