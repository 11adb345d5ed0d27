import { checkInputs, descendingOrder } from './check-inputs.ts';

/**
 * Exact area under the ROC curve: the trapezoid rule over the ROC walked from the highest score
 * down, with tied scores grouped into one step (a diagonal segment). This equals the
 * Mann–Whitney U statistic / (positives · negatives) with ties counted ½, and sklearn's
 * `roc_auc_score`. NaN when labels hold only one class (the curve is undefined).
 *
 * @example auroc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function auroc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const positives = checkInputs('auroc', labels, scores);
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const order = descendingOrder(scores);
  // Integer counts keep the sum exact; one division at the end.
  let tp = 0;
  let fp = 0;
  let twiceArea = 0;
  for (let i = 0; i < order.length;) {
    const score = scores[order[i] as number];
    const tpBefore = tp;
    const fpBefore = fp;
    for (; i < order.length && scores[order[i] as number] === score; i++) {
      if (labels[order[i] as number] === 1) tp++;
      else fp++;
    }
    twiceArea += (fp - fpBefore) * (tp + tpBefore);
  }
  return twiceArea / (2 * positives * negatives);
}
