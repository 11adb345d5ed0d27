import type { ArchitectureTask } from '../architectures/architecture-definition.ts';
import { accuracy } from '../metrics/accuracy.ts';
import { auprc } from '../metrics/auprc.ts';
import { auroc } from '../metrics/auroc.ts';
import { binaryCrossEntropy, BCE_EPSILON } from '../metrics/binary-cross-entropy.ts';
import { confusionMatrix } from '../metrics/confusion-matrix.ts';
import { macroF1 } from '../metrics/f1.ts';
import { multinomialNll, profileShapeCorrelations } from '../metrics/profile.ts';
import {
  meanAbsoluteError,
  meanSquaredError,
  pearson,
  rSquared,
  spearman,
} from '../metrics/regression.ts';
import type { HeadLayout } from './output-heads.ts';
import { headTargets } from './output-heads.ts';
import { TrainingInputError } from './training-input.error.ts';

/** Per-task metrics (`val_auroc_t1`, …) are reported up to this many tasks, to keep rows small. */
export const MAX_PER_TASK_METRICS = 32;

/**
 * Exact validation metrics of one task kind. `labels` is [rows, labelWidth] and `outputs`
 * [rows, width] row-major (for reconstruction, `labels` is the input itself):
 * - binary: val_loss (BCE), val_auroc, val_auprc, val_accuracy;
 * - multitask: the same averaged over tasks (NaN tasks skipped), plus val_auroc_tN, val_auprc_tN;
 * - multiclass: val_loss (cross-entropy), val_accuracy (arg max), val_macro_f1, val_auroc (macro
 *   one-vs-rest) and per class val_auroc_c0, val_auroc_c1, … (class indices), and up to
 *   MAX_CONFUSION_CLASSES classes the confusion counts val_confusion_<actual>_<predicted>;
 * - regression: val_loss (= val_mse), val_mse, val_mae, val_pearson, val_spearman, val_r2
 *   (correlations and R² averaged over outputs; per output as val_r2_tN, val_pearson_tN);
 * - reconstruction: val_loss (= val_mse), val_mse, val_mae, val_r2 over all values;
 * - profile: several outputs; use `headMetrics`.
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
  if (task === 'profile') {
    throw new TrainingInputError(
      "task 'profile' has several outputs, each with its own metrics: use headMetrics",
    );
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

/**
 * Exact metrics of predicted profiles (`logits`) against observed per-position `counts`, both
 * [rows, positions, tracks] row-major: val_loss (the multinomial NLL, as the training loss), and
 * val_pearson / val_spearman, the profile-shape correlations per row averaged over rows and then
 * over tracks (per track as val_pearson_tN, val_spearman_tN when there are several).
 */
export function profileMetrics(
  counts: Float32Array,
  logits: Float32Array,
  positions: number,
  tracks: number,
): Record<string, number> {
  const { pearson: r, spearman: rho } = profileShapeCorrelations(counts, logits, positions, tracks);
  const result: Record<string, number> = {
    val_loss: multinomialNll(counts, logits, positions, tracks),
    val_pearson: nanMean(r),
    val_spearman: nanMean(rho),
  };
  if (tracks > 1 && tracks <= MAX_PER_TASK_METRICS) {
    r.forEach((v, t) => (result[`val_pearson_t${t + 1}`] = v));
    rho.forEach((v, t) => (result[`val_spearman_t${t + 1}`] = v));
  }
  return result;
}

/**
 * Exact validation metrics of a multi-output model (see `layoutHeads`): each head's metrics as
 * `val_<head>_<metric>` (a multinomial head's from `profileMetrics`, any other head's from
 * `taskMetrics` of its loss on its targets), and val_loss = Σ λ · val_<head>_loss, the training
 * loss's counterpart. `labels` is [rows, labelWidth]; `outputs` is [rows, Σ output widths], the
 * outputs side by side in order (as `predictOutputs` gives them).
 */
export function headMetrics(
  heads: readonly HeadLayout[],
  labels: Float32Array,
  labelWidth: number,
  outputs: Float32Array,
): Record<string, number> {
  const rows = labels.length / labelWidth;
  const width = heads.reduce((sum, head) => sum + head.outputWidth, 0);
  if (!Number.isInteger(rows) || outputs.length !== rows * width) {
    throw new TrainingInputError(
      `headMetrics: ${labels.length} labels (width ${labelWidth}) and ${outputs.length} outputs (width ${width}) are not the same rows`,
    );
  }
  const result: Record<string, number> = { val_loss: 0 };
  let offset = 0;
  for (const head of heads) {
    const predicted = new Float32Array(rows * head.outputWidth);
    for (let r = 0; r < rows; r++) {
      const at = r * width + offset;
      predicted.set(outputs.subarray(at, at + head.outputWidth), r * head.outputWidth);
    }
    offset += head.outputWidth;
    const targets = headTargets(head, labels, labelWidth);
    const metrics =
      head.loss === 'multinomial'
        ? profileMetrics(targets, predicted, head.positions, head.tracks)
        : taskMetrics(head.loss, targets, predicted, head.outputWidth);
    for (const [key, value] of Object.entries(metrics)) {
      result[key.replace(/^val_/, `val_${head.name}_`)] = value;
    }
    result['val_loss'] =
      (result['val_loss'] as number) + head.weight * (metrics['val_loss'] as number);
  }
  return result;
}

/** Confusion-matrix cells (`val_confusion_<actual>_<predicted>`) are reported up to this many classes. */
export const MAX_CONFUSION_CLASSES = 10;

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
  // One-vs-rest AUROC of each class's probability (sklearn's roc_auc_score multi_class='ovr',
  // average='macro'); NaN for a class absent from (or alone in) the rows.
  const perClass = Array.from({ length: k }, (_, c) => {
    const isClass = new Float32Array(n);
    const score = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      isClass[i] = labels[i] === c ? 1 : 0;
      score[i] = outputs[i * k + c] as number;
    }
    return n === 0 ? Number.NaN : auroc(isClass, score);
  });
  const result: Record<string, number> = {
    val_loss: n === 0 ? Number.NaN : loss / n,
    val_accuracy: n === 0 ? Number.NaN : correct / n,
    val_macro_f1: macroF1(labels, predicted, k),
    val_auroc: nanMean(perClass),
  };
  if (k <= MAX_PER_TASK_METRICS) perClass.forEach((v, c) => (result[`val_auroc_c${c}`] = v));
  if (k <= MAX_CONFUSION_CLASSES) {
    const matrix = confusionMatrix(labels, predicted, k);
    matrix.forEach((row, a) =>
      row.forEach((count, p) => (result[`val_confusion_${a}_${p}`] = count)),
    );
  }
  return result;
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
