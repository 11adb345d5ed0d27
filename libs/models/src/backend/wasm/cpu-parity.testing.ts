import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { expect } from 'vitest';
import { initBackend } from '../init-backend.ts';

/*
 * Spec helpers for Strand's wasm kernels: run the same computation on cpu and on wasm from the
 * same seeded data and compare, and count what a call leaves behind on the wasm heap.
 */

/** Deterministic float32 values in [-1, 1) (a small LCG, so specs need no tfjs RNG). */
export function seeded(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Runs `f` on `backend`, returns its output's values and dtype; disposes every tensor made. */
export async function runOn(
  backend: 'cpu' | 'wasm',
  f: () => tf.Tensor,
): Promise<{ values: tf.TypedArray; dtype: tf.DataType; shape: number[] }> {
  await initBackend('wasm'); // registers Strand's kernels once; later calls are no-ops
  await tf.setBackend(backend);
  const t = tf.tidy(f);
  const out = { values: t.dataSync() as tf.TypedArray, dtype: t.dtype, shape: t.shape };
  t.dispose();
  return out;
}

/** Asserts wasm and cpu agree on `f` within `tolerance` (relative above 1), dtype and shape. */
export async function expectParity(f: () => tf.Tensor, tolerance = 1e-4): Promise<void> {
  const cpu = await runOn('cpu', f);
  const wasm = await runOn('wasm', f);
  expect(wasm.dtype).toBe(cpu.dtype);
  expect(wasm.shape).toEqual(cpu.shape);
  expect(wasm.values.length).toBe(cpu.values.length);
  for (let i = 0; i < cpu.values.length; i++) {
    const [w, c] = [wasm.values[i], cpu.values[i]];
    if (Number.isNaN(c)) {
      expect(w, `element ${i}`).toBeNaN();
      continue;
    }
    if (w === c) continue; // equal infinities too, whose difference is NaN
    expect(Math.abs(w - c), `element ${i}: wasm ${w}, cpu ${c}`).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(c)),
    );
  }
}

/** Tensors (engine) and data buffers (wasm heap) alive now; equal before and after = no leak. */
export function liveCounts(): { tensors: number; wasmBuffers: number } {
  const wasm = tf.engine().findBackend('wasm') as BackendWasm;
  return { tensors: tf.memory().numTensors, wasmBuffers: wasm.numDataIds() };
}
