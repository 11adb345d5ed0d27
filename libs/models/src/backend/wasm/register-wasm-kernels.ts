import * as tf from '@tensorflow/tfjs';
import { ADAM_UPDATE } from '../adam-update.ts';
import { adamUpdateConfig } from './adam-update.kernel.ts';
import {
  BATCH_NORM_TRAIN,
  BATCH_NORM_TRAIN_GRAD,
  batchNormTrainConfig,
  batchNormTrainGradConfig,
} from './batch-norm-train.kernel.ts';
import { arithConfig } from './arith.kernel.ts';
import { batchMatMulConfig } from './batch-mat-mul.kernel.ts';
import { castConfig } from './cast.kernel.ts';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.kernel.ts';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.kernel.ts';
import { conv2dConfig } from './conv2d.kernel.ts';
import { equalConfig } from './equal.kernel.ts';
import { identityConfig } from './identity.kernel.ts';
import { maxPoolGradConfig } from './max-pool-grad.kernel.ts';
import { reduceMiddleConfig } from './reduce-middle.kernel.ts';
import { tileConfig } from './tile.kernel.ts';

/** Marks Strand's configs in tfjs's registry, which is global to the thread. */
const STRAND = Symbol.for('strand.wasmKernel');
type Marked = tf.KernelConfig & { [STRAND]?: true };

/**
 * Registers Strand's kernels for the `wasm` backend: the ones it lacks, faster versions of some
 * it has (each replacement delegates what it does not handle to the kernel it replaces), and
 * Strand's own fused `StrandAdamUpdate` (without it, StrandAdamOptimizer runs tfjs' Adam).
 * Idempotent per thread; `initBackend` calls it before selecting wasm, so setup functions run.
 * `STRAND_WASM_KERNELS` narrows the set for benchmarks and diagnosis: `none`, or a
 * comma-separated list of kernel names.
 */
export function registerWasmKernels(): void {
  const only = process.env['STRAND_WASM_KERNELS'];
  const wanted =
    only === undefined || only === '' || only === 'all'
      ? undefined
      : new Set(only.split(',').map((s) => s.trim()));
  const factories: [string, (original: tf.KernelConfig | undefined) => tf.KernelConfig][] = [
    [tf.Conv2DBackpropFilter, () => conv2dBackpropFilterConfig],
    [tf.Conv2D, (original) => conv2dConfig(required(tf.Conv2D, original))],
    [
      tf.Conv2DBackpropInput,
      (original) => conv2dBackpropInputConfig(required(tf.Conv2DBackpropInput, original)),
    ],
    [tf.Equal, (original) => equalConfig(required(tf.Equal, original))],
    [tf.Max, (original) => reduceMiddleConfig('Max', required(tf.Max, original))],
    [tf.MaxPoolGrad, (original) => maxPoolGradConfig(required(tf.MaxPoolGrad, original))],
    [tf.Sum, (original) => reduceMiddleConfig('Sum', required(tf.Sum, original))],
    [tf.Mean, (original) => reduceMiddleConfig('Mean', required(tf.Mean, original))],
    [tf.Identity, () => identityConfig],
    [tf.Tile, (original) => tileConfig(required(tf.Tile, original))],
    [tf.Cast, (original) => castConfig(required(tf.Cast, original))],
    [tf.BatchMatMul, (original) => batchMatMulConfig(required(tf.BatchMatMul, original))],
    [tf.Add, (original) => arithConfig('Add', required(tf.Add, original))],
    [tf.Multiply, (original) => arithConfig('Multiply', required(tf.Multiply, original))],
    [ADAM_UPDATE, () => adamUpdateConfig],
    [BATCH_NORM_TRAIN, () => batchNormTrainConfig],
    [BATCH_NORM_TRAIN_GRAD, () => batchNormTrainGradConfig],
  ];
  for (const [name, make] of factories) {
    if (wanted !== undefined && !wanted.has(name)) continue;
    const current = tf.getKernel(name, 'wasm') as Marked | undefined;
    if (current?.[STRAND] === true) continue;
    const config: Marked = { ...make(current), [STRAND]: true };
    if (current !== undefined) tf.unregisterKernel(name, 'wasm');
    tf.registerKernel(config);
  }
}

function required(name: string, config: tf.KernelConfig | undefined): tf.KernelConfig {
  if (config === undefined)
    throw new Error(`${name} is not registered for wasm: cannot replace it`);
  return config;
}
