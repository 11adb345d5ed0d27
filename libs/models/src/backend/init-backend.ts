import * as tf from '@tensorflow/tfjs';
import { BackendNotInitialisedError } from './backend-not-initialised.error.ts';
import { BackendUnavailableError } from './backend-unavailable.error.ts';
import { limitHeapGrowth } from './heap-growth.ts';
import { installFusedBatchNorm } from '../training/fused-batch-norm.ts';
import { registerWasmKernels } from './wasm/register-wasm-kernels.ts';
import { enableRelaxedSimd } from './wasm/simd/relaxed-simd.ts';

/** The TF.js backends Strand can run on, fastest first. */
export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

const ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];
const TFJS_NODE = '@tensorflow/tfjs-node';

let chosen: BackendName | undefined;
let pending: Promise<BackendName> | undefined;

/**
 * Chooses and initialises the TF.js backend for this thread, fastest available first
 * (`tensorflow` → `wasm` → `cpu`). `STRAND_BACKEND` (or an explicit `prefer`) demands one backend
 * and throws a `BackendUnavailableError` naming it when it cannot load; the environment variable
 * wins over the argument so an operator can force a backend from outside. Idempotent: later calls
 * return the first choice.
 *
 * @example const backend = await initBackend(); // 'wasm' where tfjs-node is not installed
 */
export function initBackend(prefer: BackendName | 'auto' = 'auto'): Promise<BackendName> {
  if (chosen !== undefined) return Promise.resolve(chosen);
  limitHeapGrowth();
  pending ??= choose(prefer).then(
    (name) => (chosen = name),
    (error: unknown) => {
      pending = undefined; // let a later call try again
      throw error;
    },
  );
  return pending;
}

/** The backend `initBackend` chose; throws `BackendNotInitialisedError` before that. */
export function currentBackend(): BackendName {
  if (chosen === undefined) throw new BackendNotInitialisedError();
  return chosen;
}

async function choose(prefer: BackendName | 'auto'): Promise<BackendName> {
  const env = process.env['STRAND_BACKEND'];
  if (env !== undefined && env !== '') {
    if (!isBackendName(env)) {
      throw new BackendUnavailableError(env, 'STRAND_BACKEND', 'expected tensorflow, wasm or cpu');
    }
    return demand(env, 'STRAND_BACKEND');
  }
  if (prefer !== 'auto') return demand(prefer, 'initBackend');
  for (const name of ORDER) {
    if ((await activate(name)) === undefined) return name;
  }
  // Unreachable in practice: the cpu backend ships inside @tensorflow/tfjs.
  throw new BackendUnavailableError('cpu', 'initBackend', 'no backend could be initialised');
}

async function demand(name: BackendName, source: string): Promise<BackendName> {
  const failure = await activate(name);
  if (failure !== undefined) throw new BackendUnavailableError(name, source, failure);
  return name;
}

/** Loads and selects one backend; returns why it failed, or undefined on success. */
async function activate(name: BackendName): Promise<string | undefined> {
  try {
    // Both packages register their backend as an import side effect. A non-literal specifier
    // keeps tsc and Vite from resolving the optional tfjs-node, which is absent in offline builds.
    if (name === 'tensorflow') await import(/* @vite-ignore */ TFJS_NODE);
    if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    if (tf.findBackendFactory(name) === null) {
      return `its package registered no "${name}" backend (a second copy of @tensorflow/tfjs-core?)`;
    }
    // Kernels must be in the registry before setBackend so their setup functions run.
    if (name === 'wasm') {
      registerWasmKernels();
      installFusedBatchNorm();
      await enableRelaxedSimd(); // before Strand's SIMD module is first compiled
    }
    if (!(await tf.setBackend(name))) return 'its initialisation failed';
    await tf.ready();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

function isBackendName(value: string): value is BackendName {
  return (ORDER as readonly string[]).includes(value);
}
