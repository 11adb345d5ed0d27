import type * as tf from '@tensorflow/tfjs';
import { UnsupportedKernelInputError } from './wasm/unsupported-kernel-input.error.ts';

/**
 * `StrandAdamUpdate`: one Adam step for any number of variables in ONE kernel call, the update
 * tfjs' `AdamOptimizer.applyGradients` spells out in ~13 small kernels per variable (each paying
 * tfjs' per-kernel overhead). Inputs, all float32:
 *   accBeta1, accBeta2             scalars β₁ᵗ, β₂ᵗ (the optimizer's accBeta variables)
 *   value{i}, m{i}, v{i}, gradient{i}   for i < attrs.count, all of one size per i
 * Outputs, in this order: β₁ᵗ·β₁, β₂ᵗ·β₂, then new value{i}, m{i}, v{i} for each i; the caller
 * assigns them. Nothing is written in place (tensors may share memory: Identity clones do)
 * unless `attrs.inPlace` asks for it and the backend supports it (wasm): then a value, m or v
 * that no other tensor holds (reference count 1) is updated in its own memory and returned as
 * its own output, which saves a step of a 47 M-weight DeepSEA from allocating 564 MB (and the
 * heap from fragmenting). The backend's operator caches keyed by tensor id are told
 * (wasm/overwrite.ts).
 *
 * The arithmetic is tfjs-core 4.22's `AdamOptimizer.applyGradients`, operation by operation in
 * float32, so the result is the same to the bit where the backend rounds each op as IEEE does:
 *   m' = m·β₁ + g·(1 − β₁)          v' = v·β₂ + (g·g)·(1 − β₂)
 *   value' = ((m' / (1 − β₁ᵗ)) / (√(v' / (1 − β₂ᵗ)) + ε)) · (−lr) + value
 */
export const ADAM_UPDATE = 'StrandAdamUpdate';

/** Attributes of `StrandAdamUpdate`. */
export interface AdamUpdateAttrs {
  count: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Update value, m and v in their own memory where nothing else holds them (see above). */
  inPlace?: boolean;
}

/** The float32 constants of one update, rounded as tfjs rounds its scalar tensors. */
export interface AdamConstants {
  beta1: number;
  oneMinusBeta1: number;
  beta2: number;
  oneMinusBeta2: number;
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  negLearningRate: number;
  epsilon: number;
  nextAccBeta1: number;
  nextAccBeta2: number;
}

/**
 * tfjs turns each JS number operand into a float32 scalar (`1 - this.beta1` is computed in
 * double first) and rounds each result to float32: Math.fround of one double operation on
 * float32 values is that correctly rounded float32 result.
 */
export function adamConstants(
  attrs: AdamUpdateAttrs,
  accBeta1: number,
  accBeta2: number,
): AdamConstants {
  const f = Math.fround;
  return {
    beta1: f(attrs.beta1),
    oneMinusBeta1: f(1 - attrs.beta1),
    beta2: f(attrs.beta2),
    oneMinusBeta2: f(1 - attrs.beta2),
    oneMinusAccBeta1: f(1 - accBeta1),
    oneMinusAccBeta2: f(1 - accBeta2),
    negLearningRate: f(-attrs.learningRate),
    epsilon: f(attrs.epsilon),
    nextAccBeta1: f(accBeta1 * f(attrs.beta1)),
    nextAccBeta2: f(accBeta2 * f(attrs.beta2)),
  };
}

/** One variable's inputs to the update. */
export interface AdamSlot {
  value: tf.TensorInfo;
  m: tf.TensorInfo;
  v: tf.TensorInfo;
  gradient: tf.TensorInfo;
}

/**
 * The checked inputs of a `StrandAdamUpdate` call: the two scalars and one slot per variable.
 * Throws `UnsupportedKernelInputError` naming the input that is missing, not float32 or of the
 * wrong size.
 */
export function adamInputs(
  inputs: tf.NamedTensorInfoMap,
  attrs: AdamUpdateAttrs,
  backend: string,
): { accBeta1: tf.TensorInfo; accBeta2: tf.TensorInfo; slots: AdamSlot[] } {
  const refuse = (what: string, hint: string): never => {
    throw new UnsupportedKernelInputError(ADAM_UPDATE, what, hint, backend);
  };
  if (!Number.isInteger(attrs.count) || attrs.count < 0) {
    refuse(`count ${attrs.count}`, 'give the number of variables (a non-negative integer)');
  }
  const input = (name: string, size?: number): tf.TensorInfo => {
    const t = inputs[name];
    if (t === undefined) return refuse(`a call without input "${name}"`, 'pass every input');
    if (t.dtype !== 'float32') refuse(`dtype "${t.dtype}" of "${name}"`, 'use float32 variables');
    const actual = t.shape.reduce((p, d) => p * d, 1);
    if (size !== undefined && actual !== size) {
      refuse(`"${name}" of ${actual} values`, `give it as many as value (${size})`);
    }
    return t;
  };
  const accBeta1 = input('accBeta1', 1);
  const accBeta2 = input('accBeta2', 1);
  const slots: AdamSlot[] = [];
  for (let i = 0; i < attrs.count; i++) {
    const value = input(`value${i}`);
    const size = value.shape.reduce((p, d) => p * d, 1);
    slots.push({
      value,
      m: input(`m${i}`, size),
      v: input(`v${i}`, size),
      gradient: input(`gradient${i}`, size),
    });
  }
  return { accBeta1, accBeta2, slots };
}
