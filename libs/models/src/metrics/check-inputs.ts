import { MetricInputError } from './metric-input.error.ts';

/**
 * Validates a metric's inputs: equal lengths, binary labels (exactly 0 or 1 unless `softLabels`)
 * and finite scores. Returns the number of positive labels.
 */
export function checkInputs(
  metric: string,
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  softLabels = false,
): number {
  if (labels.length !== scores.length) {
    throw new MetricInputError(
      `${metric}: ${labels.length} labels but ${scores.length} scores; they must pair up`,
    );
  }
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const ok = softLabels ? label >= 0 && label <= 1 : label === 0 || label === 1;
    if (!ok) {
      const expected = softLabels ? 'in [0, 1]' : '0 or 1';
      throw new MetricInputError(`${metric}: labels[${i}] = ${label} is not ${expected}`);
    }
    if (!Number.isFinite(scores[i])) {
      throw new MetricInputError(`${metric}: scores[${i}] = ${scores[i]} is not a finite number`);
    }
    positives += label;
  }
  return positives;
}

/** Indices of `scores` ordered by descending score (ties keep index order). */
export function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}
