import { accuracy, auprc, auroc, binaryCrossEntropy, f1Score, mcc } from '@strand/models';

/** The metrics reported per fold, pooled, and as mean / sd over folds. */
export const RISK_METRICS = ['auroc', 'auprc', 'accuracy', 'f1', 'mcc', 'loss'] as const;
export type RiskMetric = (typeof RISK_METRICS)[number];

/** Binary metrics of risks (probabilities) against 0/1 labels, threshold 0.5. */
export function riskMetrics(labels: Uint8Array, risks: Float32Array): Record<RiskMetric, number> {
  return {
    auroc: auroc(labels, risks),
    auprc: auprc(labels, risks),
    accuracy: accuracy(labels, risks),
    f1: f1Score(labels, risks),
    mcc: mcc(labels, risks),
    loss: binaryCrossEntropy(labels, risks),
  };
}

/**
 * Mean and sample sd (n − 1) of each metric over folds; a fold whose metric is undefined (NaN,
 * e.g. MCC with one predicted class) is left out of that metric's summary.
 */
export function summariseFolds(folds: readonly Record<RiskMetric, number>[]): {
  mean: Record<RiskMetric, number>;
  sd: Record<RiskMetric, number>;
} {
  const mean = {} as Record<RiskMetric, number>;
  const sd = {} as Record<RiskMetric, number>;
  for (const name of RISK_METRICS) {
    const values = folds.map((f) => f[name]).filter(Number.isFinite);
    const m = values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
    mean[name] = m;
    sd[name] =
      values.length > 1
        ? Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1))
        : values.length === 1
          ? 0
          : Number.NaN;
  }
  return { mean, sd };
}
