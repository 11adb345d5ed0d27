import { binaryCounts, confusionMatrix } from './confusion-matrix.ts';

/**
 * Binary F1 = 2·TP / (2·TP + FP + FN) with a score strictly above `threshold` meaning 1. NaN when
 * there is neither a positive label nor a positive prediction (precision and recall undefined).
 */
export function f1Score(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold = 0.5,
): number {
  const { tp, fp, fn } = binaryCounts(labels, scores, threshold);
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? Number.NaN : (2 * tp) / denominator;
}

/**
 * Macro-averaged F1 over classes 0..k−1 of predicted class indices: the unweighted mean of each
 * class's one-vs-rest F1; a class absent from both labels and predictions counts 0 (as sklearn's
 * `f1_score(average='macro', zero_division=0)`).
 */
export function macroF1(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classes: number,
): number {
  const matrix = confusionMatrix(labels, predictions, classes);
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const tp = (matrix[c] as number[])[c] as number;
    let actual = 0;
    let predicted = 0;
    for (let o = 0; o < classes; o++) {
      actual += (matrix[c] as number[])[o] as number;
      predicted += (matrix[o] as number[])[c] as number;
    }
    sum += actual + predicted === 0 ? 0 : (2 * tp) / (actual + predicted);
  }
  return sum / classes;
}
