import { checkInputs, descendingOrder } from './check-inputs.ts';

/**
 * Exact area under the precision–recall curve as average precision, sklearn's
 * `average_precision_score`: AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score thresholds from the
 * highest down (tied scores grouped into one threshold), R₀ = 0. No interpolation. NaN when
 * there is no positive label (recall is undefined); 1 when every label is positive.
 *
 * @example auprc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333…
 */
export function auprc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const positives = checkInputs('auprc', labels, scores);
  if (positives === 0) return Number.NaN;
  const order = descendingOrder(scores);
  let tp = 0;
  let seen = 0;
  let sum = 0;
  for (let i = 0; i < order.length;) {
    const score = scores[order[i] as number];
    const tpBefore = tp;
    for (; i < order.length && scores[order[i] as number] === score; i++) {
      tp += labels[order[i] as number] as number;
      seen++;
    }
    // (Rₙ − Rₙ₋₁) = (tp − tpBefore) / positives; Pₙ = tp / seen.
    sum += ((tp - tpBefore) * tp) / seen;
  }
  return sum / positives;
}
