import { checkInputs } from './check-inputs.ts';
import { MetricInputError } from './metric-input.error.ts';

/** Probabilities are clipped to [ε, 1 − ε] so a confident mistake costs ≈16.1, not ∞ (Keras' ε). */
export const BCE_EPSILON = 1e-7;

/**
 * Mean binary cross-entropy −[y·ln p + (1 − y)·ln(1 − p)] of probabilities `probs` against
 * labels in [0, 1] (soft labels allowed), with p clipped to [ε, 1 − ε]. NaN for empty input.
 */
export function binaryCrossEntropy(labels: ArrayLike<number>, probs: ArrayLike<number>): number {
  checkInputs('binaryCrossEntropy', labels, probs, true);
  if (labels.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const raw = probs[i] as number;
    if (raw < 0 || raw > 1) {
      throw new MetricInputError(`binaryCrossEntropy: probs[${i}] = ${raw} is not in [0, 1]`);
    }
    const p = Math.min(Math.max(raw, BCE_EPSILON), 1 - BCE_EPSILON);
    const y = labels[i] as number;
    sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  return sum / labels.length;
}
