import * as tf from '@tensorflow/tfjs';
import { cpuAdamUpdateConfig } from './adam-update.kernel.ts';

/**
 * Registers Strand's own kernels for the `cpu` backend (today only `StrandAdamUpdate`, which
 * cpu runs as the reference for the wasm one). Idempotent; registering needs no backend
 * instance (the kernel has no setup), so this may run before or after `initBackend`.
 */
export function registerCpuKernels(): void {
  for (const config of [cpuAdamUpdateConfig]) {
    if (tf.getKernel(config.kernelName, 'cpu') === undefined) tf.registerKernel(config);
  }
}
