import { checkInputs } from './check-inputs.ts';
import { MetricInputError } from './metric-input.error.ts';

/** Counts of a binary classification at one threshold. */
export interface BinaryCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Binary counts when a score strictly above `threshold` means 1 (as `accuracy`). */
export function binaryCounts(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): BinaryCounts {
  checkInputs('binaryCounts', labels, scores);
  const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = (scores[i] as number) > threshold;
    if (labels[i] === 1) {
      if (predicted) counts.tp++;
      else counts.fn++;
    } else if (predicted) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

/**
 * The k × k confusion matrix of class indices 0..k−1: `matrix[actual][predicted]` (sklearn's
 * `confusion_matrix` layout).
 *
 * @example confusionMatrix([0, 1, 1], [0, 0, 1], 2) // [[1, 0], [1, 1]]
 */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classes: number,
): number[][] {
  if (labels.length !== predictions.length) {
    throw new MetricInputError(
      `confusionMatrix: ${labels.length} labels but ${predictions.length} predictions; they must pair up`,
    );
  }
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const actual = checkClass('labels', i, labels[i] as number, classes);
    const predicted = checkClass('predictions', i, predictions[i] as number, classes);
    (matrix[actual] as number[])[predicted]++;
  }
  return matrix;
}

function checkClass(what: string, i: number, value: number, classes: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= classes) {
    throw new MetricInputError(
      `confusionMatrix: ${what}[${i}] = ${value} is not a class index from 0 to ${classes - 1}`,
    );
  }
  return value;
}
