import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.kernel.ts';
import { equalConfig } from './equal.kernel.ts';
import { identityConfig } from './identity.kernel.ts';
import { reduceMiddleConfig } from './reduce-middle.kernel.ts';

/** Strand's wasm kernels; a replacement gets the kernel it replaces, to delegate to. */
function strandKernels(): tf.KernelConfig[] {
  const original = (name: string): tf.KernelConfig => {
    const config = tf.getKernel(name, 'wasm');
    if (config === undefined) throw new Error(`${name} is not registered for wasm: cannot replace it`);
    return config;
  };
  return [
    conv2dBackpropFilterConfig,
    equalConfig(original(tf.Equal)),
    reduceMiddleConfig('Max', original(tf.Max)),
    reduceMiddleConfig('Sum', original(tf.Sum)),
    identityConfig,
  ];
}

let registered = false;

/**
 * Registers Strand's kernels for the `wasm` backend (the ones it lacks, and faster versions of
 * some it has). Idempotent; `initBackend` calls it. `STRAND_WASM_KERNELS` narrows the set for
 * benchmarks and diagnosis: `none`, or a comma-separated list of kernel names.
 */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  const only = process.env['STRAND_WASM_KERNELS'];
  const wanted =
    only === undefined || only === '' || only === 'all'
      ? undefined
      : new Set(only.split(',').map((s) => s.trim()));
  for (const config of strandKernels()) {
    if (wanted !== undefined && !wanted.has(config.kernelName)) continue;
    if (tf.getKernel(config.kernelName, 'wasm') !== undefined) {
      tf.unregisterKernel(config.kernelName, 'wasm');
    }
    tf.registerKernel(config);
  }
}
