import { binaryCounts } from './confusion-matrix.ts';

/**
 * Matthews correlation coefficient (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN)) with a
 * score strictly above `threshold` meaning 1. 0 when a margin is empty (sklearn's convention).
 */
export function mcc(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold = 0.5): number {
  const { tp, fp, tn, fn } = binaryCounts(labels, scores, threshold);
  const denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return denominator === 0 ? 0 : (tp * tn - fp * fn) / denominator;
}
