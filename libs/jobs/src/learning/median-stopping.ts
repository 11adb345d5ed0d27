import { median } from './summary-stats.ts';

/** Whether larger values of the sweep's metric are better. */
export type Direction = 'maximize' | 'minimize';

/** Median stopping (Golovin et al., "Google Vizier", KDD 2017, §3.2.2), on best-so-far values. */
export interface MedianStoppingRule {
  /** Epochs a trial trains before it may be stopped. */
  after: number;
  /** Completed trials needed before any trial is stopped; default 2. */
  minCompleted?: number;
}

/** Best value of `curve` over its first `epochs` entries (NaN entries skipped; NaN if none). */
export function bestSoFar(curve: readonly number[], epochs: number, direction: Direction): number {
  let best = Number.NaN;
  for (const v of curve.slice(0, epochs)) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(best) || (direction === 'maximize' ? v > best : v < best)) best = v;
  }
  return best;
}

/**
 * True when a running trial should stop after `epoch`: it has trained at least `after` epochs
 * and its best value so far is worse than the median of the completed trials' best values up to
 * the same epoch (a completed trial shorter than that counts with its best overall). A trial
 * with no defined value yet counts as worst.
 */
export function medianStops(
  curve: readonly number[],
  epoch: number,
  completed: readonly (readonly number[])[],
  direction: Direction,
  rule: MedianStoppingRule,
): boolean {
  if (epoch < rule.after || completed.length < (rule.minCompleted ?? 2)) return false;
  const others = completed
    .map((c) => bestSoFar(c, epoch, direction))
    .filter((v) => !Number.isNaN(v));
  if (others.length === 0) return false;
  const mid = median(others);
  const mine = bestSoFar(curve, epoch, direction);
  if (Number.isNaN(mine)) return true;
  return direction === 'maximize' ? mine < mid : mine > mid;
}

/** Whether `a` is a better value of the metric than `b`. */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'maximize' ? a > b : a < b;
}

/**
 * The sweep's best trial: the completed one with the best defined value (the first of equals);
 * null when no completed trial has one. Pruned and failed trials never win.
 */
export function bestTrial<T extends { status: string; value: number }>(
  trials: readonly T[],
  direction: Direction,
): T | null {
  return trials
    .filter((t) => t.status === 'completed' && !Number.isNaN(t.value))
    .reduce<T | null>(
      (b, t) => (b === null || isBetter(t.value, b.value, direction) ? t : b),
      null,
    );
}
