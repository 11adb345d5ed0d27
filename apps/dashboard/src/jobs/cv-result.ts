import { parseFoldMetrics } from './fold-metrics.ts';
import type { FoldMetrics } from './fold-metrics.ts';
import { isRecord, num, rec, str } from './json-value.ts';

/** A CROSS_VALIDATION result: per-fold test metrics, mean ± sd, and how it was set up. */
export interface CvResultView extends FoldMetrics {
  architecture: string | null;
  task: string | null;
  backend: string | null;
  seed: number | null;
  epochs: number | null;
  /** Folds left out of a metric's mean because it was undefined there. */
  undefinedFolds: Record<string, number>;
}

/** A CROSS_VALIDATION result; null when it has no folds. */
export function parseCvResult(value: unknown): CvResultView | null {
  if (!isRecord(value)) return null;
  const folds = parseFoldMetrics(value);
  if (!folds) return null;
  const undefinedFolds: Record<string, number> = {};
  for (const [k, v] of Object.entries(rec(value.undefinedFolds))) {
    const n = num(v);
    if (n) undefinedFolds[k] = n;
  }
  return {
    ...folds,
    architecture: str(value.architecture),
    task: str(value.task),
    backend: str(value.backend),
    seed: num(value.seed),
    epochs: num(value.epochs),
    undefinedFolds,
  };
}
