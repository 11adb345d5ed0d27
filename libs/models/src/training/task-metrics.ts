import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import { accuracy } from '../metrics/accuracy.ts';
import { auprc } from '../metrics/auprc.ts';
import { auroc } from '../metrics/auroc.ts';
import { binaryCrossEntropy, BCE_EPSILON } from '../metrics/binary-cross-entropy.ts';
import { macroF1 } from '../metrics/f1.ts';
import {
  meanAbsoluteError,
  meanSquaredError,
  pearson,
  rSquared,
  spearman,
} from '../metrics/regression.ts';

/** Per-task metrics (`val_auroc_t1`, …) are reported up to this many tasks, to keep rows small. */
export const MAX_PER_TASK_METRICS = 32;

/**
 * Exact validation metrics of one task kind. `labels` is [rows, labelWidth] and `outputs`
 * [rows, width] row-major (for reconstruction, `labels` is the input itself):
 * - binary: val_loss (BCE), val_auroc, val_auprc, val_accuracy;
 * - multitask: the same averaged over tasks (NaN tasks skipped), plus val_auroc_tN, val_auprc_tN;
 * - multiclass: val_loss (cross-entropy), val_accuracy (arg max), val_macro_f1;
 * - regression: val_loss (= val_mse), val_mse, val_mae, val_pearson, val_spearman, val_r2
 *   (correlations and R² averaged over outputs; per output as val_r2_tN, val_pearson_tN);
 * - reconstruction: val_loss (= val_mse), val_mse, val_mae, val_r2 over all values.
 */
export function taskMetrics(
  task: ArchitectureTask,
  labels: Float32Array,
  outputs: Float32Array,
  width: number,
): Record<string, number> {
  if (task === 'binary') {
    return {
      val_loss: binaryCrossEntropy(labels, outputs),
      val_auroc: auroc(labels, outputs),
      val_auprc: auprc(labels, outputs),
      val_accuracy: accuracy(labels, outputs),
    };
  }
  if (task === 'multiclass') return multiclassMetrics(labels, outputs, width);
  if (task === 'reconstruction') {
    const mse = meanSquaredError(labels, outputs);
    return {
      val_loss: mse,
      val_mse: mse,
      val_mae: meanAbsoluteError(labels, outputs),
      val_r2: rSquared(labels, outputs),
    };
  }
  const columns = Array.from({ length: width }, (_, t) => ({
    y: column(labels, width, t),
    p: column(outputs, width, t),
  }));
  const perTask = (name: string, f: (y: Float32Array, p: Float32Array) => number) => {
    const values = columns.map(({ y, p }) => f(y, p));
    const result: Record<string, number> = { [`val_${name}`]: nanMean(values) };
    if (width > 1 && width <= MAX_PER_TASK_METRICS) {
      values.forEach((v, t) => (result[`val_${name}_t${t + 1}`] = v));
    }
    return result;
  };
  if (task === 'multitask') {
    return {
      val_loss: binaryCrossEntropy(labels, outputs),
      ...perTask('auroc', auroc),
      ...perTask('auprc', auprc),
      val_accuracy: accuracy(labels, outputs),
    };
  }
  const mse = meanSquaredError(labels, outputs);
  return {
    val_loss: mse,
    val_mse: mse,
    val_mae: meanAbsoluteError(labels, outputs),
    ...perTask('pearson', pearson),
    val_spearman: nanMean(columns.map(({ y, p }) => spearman(y, p))),
    ...perTask('r2', rSquared),
  };
}

function multiclassMetrics(labels: Float32Array, outputs: Float32Array, k: number) {
  const predicted = new Float32Array(labels.length);
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++)
      if ((outputs[i * k + c] as number) > (outputs[i * k + best] as number)) best = c;
    predicted[i] = best;
    const label = labels[i] as number;
    if (best === label) correct++;
    loss -= Math.log(
      Math.min(Math.max(outputs[i * k + label] as number, BCE_EPSILON), 1 - BCE_EPSILON),
    );
  }
  const n = labels.length;
  return {
    val_loss: n === 0 ? Number.NaN : loss / n,
    val_accuracy: n === 0 ? Number.NaN : correct / n,
    val_macro_f1: macroF1(labels, predicted, k),
  };
}

function column(values: Float32Array, width: number, t: number): Float32Array {
  const out = new Float32Array(values.length / width);
  for (let i = 0; i < out.length; i++) out[i] = values[i * width + t] as number;
  return out;
}

/** Mean of the defined values (a task with one class in validation has NaN AUROC). */
function nanMean(values: number[]): number {
  const defined = values.filter((v) => !Number.isNaN(v));
  return defined.length === 0 ? Number.NaN : defined.reduce((a, b) => a + b, 0) / defined.length;
}
