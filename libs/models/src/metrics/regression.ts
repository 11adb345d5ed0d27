import { MetricInputError } from './metric-input.error.ts';

/**
 * Regression metrics: exact double-precision sums over paired targets and predictions.
 * NaN for empty input; Pearson, Spearman and R² are NaN when the targets (or, for the
 * correlations, either side) are constant, where they are undefined.
 */

/** Mean squared error. */
export function meanSquaredError(
  targets: ArrayLike<number>,
  predictions: ArrayLike<number>,
): number {
  checkPairs('meanSquaredError', targets, predictions);
  let sum = 0;
  for (let i = 0; i < targets.length; i++) {
    const d = (targets[i] as number) - (predictions[i] as number);
    sum += d * d;
  }
  return targets.length === 0 ? Number.NaN : sum / targets.length;
}

/** Mean absolute error. */
export function meanAbsoluteError(
  targets: ArrayLike<number>,
  predictions: ArrayLike<number>,
): number {
  checkPairs('meanAbsoluteError', targets, predictions);
  let sum = 0;
  for (let i = 0; i < targets.length; i++) {
    sum += Math.abs((targets[i] as number) - (predictions[i] as number));
  }
  return targets.length === 0 ? Number.NaN : sum / targets.length;
}

/** Pearson's r: covariance / (σx·σy), from centred sums (two passes, no cancellation). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPairs('pearson', x, y);
  const n = x.length;
  if (n === 0) return Number.NaN;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ: Pearson's r of the ranks, tied values sharing their average rank (scipy). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPairs('spearman', x, y);
  return pearson(averageRanks(x), averageRanks(y));
}

/** Coefficient of determination R² = 1 − SS_res / SS_tot (sklearn's `r2_score`). */
export function rSquared(targets: ArrayLike<number>, predictions: ArrayLike<number>): number {
  checkPairs('rSquared', targets, predictions);
  if (targets.length === 0) return Number.NaN;
  const m = mean(targets);
  let residual = 0;
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i] as number;
    residual += (t - (predictions[i] as number)) ** 2;
    total += (t - m) ** 2;
  }
  return total === 0 ? Number.NaN : 1 - residual / total;
}

/** 1-based ranks; a run of equal values gets the mean of the ranks it spans. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number),
  );
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) {
      end++;
    }
    const rank = (start + 1 + end) / 2; // mean of ranks start+1 .. end
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

function checkPairs(metric: string, a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) {
    throw new MetricInputError(
      `${metric}: ${a.length} targets but ${b.length} predictions; they must pair up`,
    );
  }
  for (const [name, values] of [
    ['targets', a],
    ['predictions', b],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new MetricInputError(
          `${metric}: ${name}[${i}] = ${values[i]} is not a finite number`,
        );
      }
    }
  }
}
