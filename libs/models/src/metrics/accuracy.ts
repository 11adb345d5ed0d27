import { checkInputs } from './check-inputs.ts';

/**
 * Fraction of labels matched when a score above `threshold` means 1 (as Keras'
 * `binary_accuracy`: strictly greater). NaN for empty input.
 */
export function accuracy(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): number {
  checkInputs('accuracy', labels, scores);
  if (labels.length === 0) return Number.NaN;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    if ((scores[i] as number) > threshold === (labels[i] === 1)) correct++;
  }
  return correct / labels.length;
}
