import { MetricInputError } from './metric-input.error.ts';
import { pearson, spearman } from './regression.ts';

/**
 * Profile metrics (BPNet, Avsec et al. 2021): observed per-position counts against a model's
 * per-position logits. Both are [rows, positions, tracks] row-major; the predicted profile of a
 * row and track is the softmax of its logits over positions.
 */

/**
 * The multinomial negative log-likelihood of the observed counts given the predicted profile,
 * −Σₚ kₚ·log softmax(logits)ₚ, averaged over rows and tracks. The term log(N! / Πₚ kₚ!) of the
 * full likelihood is left out: it depends on the counts alone (no gradient), and leaving it out
 * keeps this equal to the training loss (see `multinomialLoss`). A row with N reads weighs N
 * times a row with one read, as the paper's loss does.
 */
export function multinomialNll(
  counts: ArrayLike<number>,
  logits: ArrayLike<number>,
  positions: number,
  tracks: number,
): number {
  const rows = checkProfiles('multinomialNll', counts, logits, positions, tracks);
  if (rows === 0) return Number.NaN;
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < tracks; t++) {
      const base = r * positions * tracks + t;
      const lse = logSumExp(logits, base, positions, tracks);
      for (let p = 0; p < positions; p++) {
        const k = counts[base + p * tracks] as number;
        if (k !== 0) sum -= k * ((logits[base + p * tracks] as number) - lse);
      }
    }
  }
  return sum / (rows * tracks);
}

/**
 * How well the predicted profile shapes match the observed ones: per track, Pearson's r of the
 * predicted probabilities against the counts and Spearman's ρ of the logits (the same ranks as
 * the probabilities, without softmax underflow ties) against the counts, each computed per row
 * and averaged over rows. Rows whose counts are constant on a track (e.g. no reads) have no
 * defined correlation and are skipped; a track with none left gets NaN.
 */
export function profileShapeCorrelations(
  counts: ArrayLike<number>,
  logits: ArrayLike<number>,
  positions: number,
  tracks: number,
): { pearson: number[]; spearman: number[] } {
  const rows = checkProfiles('profileShapeCorrelations', counts, logits, positions, tracks);
  const observed = new Float64Array(positions);
  const scores = new Float64Array(positions);
  const probabilities = new Float64Array(positions);
  const result = { pearson: [] as number[], spearman: [] as number[] };
  for (let t = 0; t < tracks; t++) {
    const r1 = { sum: 0, n: 0 };
    const rho = { sum: 0, n: 0 };
    for (let r = 0; r < rows; r++) {
      const base = r * positions * tracks + t;
      const lse = logSumExp(logits, base, positions, tracks);
      for (let p = 0; p < positions; p++) {
        observed[p] = counts[base + p * tracks] as number;
        scores[p] = logits[base + p * tracks] as number;
        probabilities[p] = Math.exp((scores[p] as number) - lse);
      }
      // A constant side has no correlation; test it exactly (a computed mean of equal values
      // can be off by an ulp, which would turn "undefined" into a spurious r of about 0).
      if (isConstant(observed) || isConstant(scores)) continue;
      accumulate(r1, pearson(observed, probabilities));
      accumulate(rho, spearman(observed, scores));
    }
    result.pearson.push(r1.n === 0 ? Number.NaN : r1.sum / r1.n);
    result.spearman.push(rho.n === 0 ? Number.NaN : rho.sum / rho.n);
  }
  return result;
}

function isConstant(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

function accumulate(mean: { sum: number; n: number }, value: number): void {
  if (Number.isNaN(value)) return;
  mean.sum += value;
  mean.n++;
}

/** log Σₚ exp(logits at base + p·stride), shifted by the maximum so exp cannot overflow. */
function logSumExp(
  logits: ArrayLike<number>,
  base: number,
  positions: number,
  stride: number,
): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < positions; p++) max = Math.max(max, logits[base + p * stride] as number);
  let sum = 0;
  for (let p = 0; p < positions; p++) sum += Math.exp((logits[base + p * stride] as number) - max);
  return max + Math.log(sum);
}

/** Validates the shapes and values; returns the number of rows. */
function checkProfiles(
  metric: string,
  counts: ArrayLike<number>,
  logits: ArrayLike<number>,
  positions: number,
  tracks: number,
): number {
  for (const [name, value] of [
    ['positions', positions],
    ['tracks', tracks],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new MetricInputError(`${metric}: ${name} = ${value} is not a positive integer`);
    }
  }
  if (counts.length !== logits.length) {
    throw new MetricInputError(
      `${metric}: ${counts.length} counts but ${logits.length} logits; they must pair up`,
    );
  }
  const rowSize = positions * tracks;
  if (counts.length % rowSize !== 0) {
    throw new MetricInputError(
      `${metric}: ${counts.length} values are not whole rows of positions × tracks = ${rowSize}`,
    );
  }
  for (let i = 0; i < counts.length; i++) {
    const k = counts[i] as number;
    if (!(k >= 0 && Number.isFinite(k))) {
      throw new MetricInputError(`${metric}: counts[${i}] = ${k} is not a finite count ≥ 0`);
    }
    if (!Number.isFinite(logits[i])) {
      throw new MetricInputError(`${metric}: logits[${i}] = ${logits[i]} is not a finite number`);
    }
  }
  return counts.length / rowSize;
}
