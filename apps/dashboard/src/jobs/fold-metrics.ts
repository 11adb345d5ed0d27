import { arr, isRecord, num, numberRecord } from './json-value.ts';

/** One fold of a cross-validation (or of a risk prediction): its sizes and test metrics. */
export interface FoldView {
  fold: number;
  train: number | null;
  test: number | null;
  /** Epochs trained, when the fold could stop early. */
  epochs: number | null;
  /** Metric → value; null where it is undefined on the fold (AUROC of one class). */
  metrics: Record<string, number | null>;
}

/** Per-fold metrics with their mean and sd over the folds. */
export interface FoldMetrics {
  folds: FoldView[];
  /** Every metric a fold or the mean has, in first-seen order. */
  metricNames: string[];
  mean: Record<string, number | null>;
  sd: Record<string, number | null>;
}

/**
 * The folds, mean and sd of a result (`folds: [{fold, train, test, epochs?, metrics}]`, `mean`,
 * `sd`); null when it has no folds. A fold without a number is numbered by its place.
 */
export function parseFoldMetrics(result: Record<string, unknown>): FoldMetrics | null {
  const rawFolds = arr(result.folds).filter(isRecord);
  if (rawFolds.length === 0) return null;
  const folds = rawFolds.map((f, i) => ({
    fold: num(f.fold) ?? i + 1,
    train: num(f.train),
    test: num(f.test),
    epochs: num(f.epochs),
    metrics: numberRecord(f.metrics),
  }));
  const mean = numberRecord(result.mean);
  const sd = numberRecord(result.sd);
  const metricNames: string[] = [];
  for (const names of [...folds.map((f) => Object.keys(f.metrics)), Object.keys(mean)]) {
    for (const name of names) if (!metricNames.includes(name)) metricNames.push(name);
  }
  return { folds, metricNames, mean, sd };
}
