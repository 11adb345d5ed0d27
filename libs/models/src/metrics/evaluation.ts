/**
 * A trained model's evaluation, compact enough to store beside it and draw: ROC and PR curves
 * (at most CURVE_POINTS points each), calibration bins and confusion counts for classification;
 * a capped sample of predicted-vs-observed points with Pearson, Spearman and R² for regression.
 * Pure: labels and outputs in, plain JSON-ready object out (undefined values become null: JSON
 * and GraphQL have no NaN).
 */
import { auprc } from './auprc.ts';
import { auroc } from './auroc.ts';
import { descendingOrder } from './check-inputs.ts';
import { MetricInputError } from './metric-input.error.ts';
import { pearson, rSquared, spearman } from './regression.ts';

/** Points kept per ROC or PR curve. */
export const CURVE_POINTS = 200;
/** Predicted-vs-observed points kept per regression output (fewer each when there are many). */
export const SCATTER_POINTS = 2_000;
/** Equal-width probability bins of a calibration curve. */
export const CALIBRATION_BINS = 10;
/** Tasks, classes or outputs evaluated; more are left out (and counted in `omitted`). */
export const MAX_EVALUATED = 32;

export type EvaluatedTask = 'binary' | 'multitask' | 'multiclass' | 'regression';

/** A curve as two equal-length coordinate lists. */
export interface Curve {
  x: number[];
  y: number[];
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin; null when it is empty. */
  meanPredicted: number | null;
  /** Fraction of positives in the bin; null when it is empty. */
  observed: number | null;
}

/** One binary problem: a binary task, one task of a multitask model, or a class one-vs-rest. */
export interface ClassEvaluation {
  name: string;
  positives: number;
  negatives: number;
  /** Null when the rows hold one class only. */
  auroc: number | null;
  auprc: number | null;
  /** False-positive rate (x) against true-positive rate (y), from (0,0) to (1,1). */
  roc: Curve;
  /** Recall (x) against precision (y), starting at recall 0, precision 1. */
  pr: Curve;
  calibration: CalibrationBin[];
}

export interface ConfusionEvaluation {
  name: string;
  /** Row and column labels: actual (rows) × predicted (columns). */
  labels: string[];
  counts: number[][];
  /** How a prediction was called: `score > 0.5` (as val_accuracy) or `arg max`. */
  rule: string;
}

export interface RegressionEvaluation {
  name: string;
  /** Rows with a defined target. */
  count: number;
  pearson: number | null;
  spearman: number | null;
  r2: number | null;
  /** Sampled rows (every k-th): observed[i] against predicted[i]. */
  observed: number[];
  predicted: number[];
}

export interface Evaluation {
  task: EvaluatedTask;
  rows: number;
  classes: ClassEvaluation[];
  confusion: ConfusionEvaluation[];
  regression: RegressionEvaluation[];
  /** Tasks, classes or outputs beyond MAX_EVALUATED, left out. */
  omitted: number;
}

/**
 * Evaluates `outputs` [rows, width] row-major against `labels`: [rows, width] for binary (width
 * 1), multitask and regression (NaN labels are missing and skipped); [rows] class indices for
 * multiclass, whose outputs are class probabilities. `names` names tasks, classes or outputs
 * (index names `task 1`, `class 0`, `output 1` otherwise); for binary, the two classes
 * (negative, positive).
 *
 * @example
 * evaluate('binary', new Float32Array([1, 0, 1, 0]), new Float32Array([0.9, 0.8, 0.7, 0.1]), 1)
 *   .classes[0].roc // { x: [0, 0, 0.5, 0.5, 1], y: [0, 0.5, 0.5, 1, 1] }
 */
export function evaluate(
  task: EvaluatedTask,
  labels: ArrayLike<number>,
  outputs: ArrayLike<number>,
  width: number,
  names: readonly string[] = [],
): Evaluation {
  if (!Number.isInteger(width) || width < 1) {
    throw new MetricInputError(`evaluate: width = ${width} is not a positive integer`);
  }
  const rows = outputs.length / width;
  const labelWidth = task === 'multiclass' ? 1 : width;
  if (!Number.isInteger(rows) || labels.length !== rows * labelWidth) {
    throw new MetricInputError(
      `evaluate: ${labels.length} labels and ${outputs.length} outputs of width ${width} are not the same rows`,
    );
  }
  const evaluated = Math.min(width, MAX_EVALUATED);
  const result: Evaluation = {
    task,
    rows,
    classes: [],
    confusion: [],
    regression: [],
    omitted: width - evaluated,
  };
  if (task === 'multiclass') {
    const counts = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    for (let r = 0; r < rows; r++) {
      const actual = labels[r] as number;
      if (!Number.isInteger(actual) || actual < 0 || actual >= width) {
        throw new MetricInputError(`evaluate: labels[${r}] = ${actual} is not a class of ${width}`);
      }
      (counts[actual] as number[])[argMax(outputs, r * width, width)]! += 1;
    }
    const classNames = Array.from({ length: width }, (_, c) => nameOf(names, c, 'class', 0));
    result.confusion.push({ name: 'classes', labels: classNames, counts, rule: 'arg max' });
    for (let c = 0; c < evaluated; c++) {
      const isClass = new Float32Array(rows);
      for (let r = 0; r < rows; r++) isClass[r] = labels[r] === c ? 1 : 0;
      result.classes.push(
        binaryEvaluation(classNames[c] as string, isClass, column(outputs, width, c)),
      );
    }
    return result;
  }
  for (let t = 0; t < evaluated; t++) {
    const { y, p } = definedPairs(column(labels, width, t), column(outputs, width, t));
    if (task === 'regression') {
      result.regression.push(regressionEvaluation(nameOf(names, t, 'output', 1), y, p, evaluated));
      continue;
    }
    const binary = task === 'binary' && names.length === 2;
    const name =
      task === 'binary'
        ? binary
          ? (names[1] as string)
          : 'positive'
        : nameOf(names, t, 'task', 1);
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 0 && y[i] !== 1) {
        throw new MetricInputError(`evaluate: a label of ${name} is ${y[i]}, not 0 or 1`);
      }
    }
    result.classes.push(binaryEvaluation(name, y, p));
    const counts = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < y.length; i++)
      (counts[y[i] as number] as number[])[(p[i] as number) > 0.5 ? 1 : 0]! += 1;
    const classLabels = binary ? [names[0] as string, names[1] as string] : ['0', '1'];
    result.confusion.push({ name, labels: classLabels, counts, rule: 'score > 0.5' });
  }
  return result;
}

/** ROC and PR curves (down-sampled) and calibration of scores `p` for 0/1 labels `y`. */
export function binaryEvaluation(name: string, y: Float32Array, p: Float32Array): ClassEvaluation {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i] as number;
  const negatives = y.length - positives;
  const roc: Curve = { x: [0], y: [0] };
  const pr: Curve = { x: [0], y: [1] };
  const order = descendingOrder(p);
  let tp = 0;
  let fp = 0;
  // One point per distinct score: tied scores move the curve in one step.
  for (let i = 0; i < order.length;) {
    const score = p[order[i] as number];
    for (; i < order.length && p[order[i] as number] === score; i++) {
      if (y[order[i] as number] === 1) tp++;
      else fp++;
    }
    roc.x.push(negatives > 0 ? fp / negatives : 0);
    roc.y.push(positives > 0 ? tp / positives : 0);
    pr.x.push(positives > 0 ? tp / positives : 0);
    pr.y.push(tp / (tp + fp));
  }
  const both = positives > 0 && negatives > 0;
  return {
    name,
    positives,
    negatives,
    auroc: both ? defined(auroc(y, p)) : null,
    auprc: both ? defined(auprc(y, p)) : null,
    roc: downsample(roc, CURVE_POINTS),
    pr: downsample(pr, CURVE_POINTS),
    calibration: calibration(y, p),
  };
}

/** Equal-width bins over [0, 1]: count, mean prediction and fraction of positives in each. */
export function calibration(y: ArrayLike<number>, p: ArrayLike<number>, bins = CALIBRATION_BINS) {
  const count = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    // The nudge puts a float32 edge (0.7f is 0.69999999) in the bin it names.
    const b = Math.min(bins - 1, Math.max(0, Math.floor(v * bins + 1e-6)));
    count[b]! += 1;
    predicted[b]! += v;
    observed[b]! += y[i] as number;
  }
  return count.map((n, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: n,
    meanPredicted: n > 0 ? (predicted[b] as number) / n : null,
    observed: n > 0 ? (observed[b] as number) / n : null,
  }));
}

/**
 * At most `max` points of a curve, evenly spaced by index, the first and last always kept.
 * @example downsample({ x: [0, 1, 2, 3, 4], y: [0, 1, 2, 3, 4] }, 3) // x: [0, 2, 4]
 */
export function downsample(curve: Curve, max: number): Curve {
  const n = curve.x.length;
  if (n <= max) return curve;
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < max; i++) {
    const at = Math.round((i * (n - 1)) / (max - 1));
    x.push(curve.x[at] as number);
    y.push(curve.y[at] as number);
  }
  return { x, y };
}

function regressionEvaluation(
  name: string,
  y: Float32Array,
  p: Float32Array,
  outputs: number,
): RegressionEvaluation {
  const cap = Math.max(100, Math.floor(SCATTER_POINTS / outputs));
  const step = Math.max(1, Math.ceil(y.length / cap));
  const observed: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < y.length; i += step) {
    observed.push(y[i] as number);
    predicted.push(p[i] as number);
  }
  return {
    name,
    count: y.length,
    pearson: defined(pearson(y, p)),
    spearman: defined(spearman(y, p)),
    r2: defined(rSquared(y, p)),
    observed,
    predicted,
  };
}

/** The rows whose label is defined (a multitask or regression label may be NaN: missing). */
function definedPairs(y: Float32Array, p: Float32Array): { y: Float32Array; p: Float32Array } {
  let n = 0;
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) n++;
  if (n === y.length) return { y, p };
  const ys = new Float32Array(n);
  const ps = new Float32Array(n);
  for (let i = 0, j = 0; i < y.length; i++) {
    if (Number.isNaN(y[i])) continue;
    ys[j] = y[i] as number;
    ps[j++] = p[i] as number;
  }
  return { y: ys, p: ps };
}

function column(values: ArrayLike<number>, width: number, t: number): Float32Array {
  const out = new Float32Array(values.length / width);
  for (let i = 0; i < out.length; i++) out[i] = values[i * width + t] as number;
  return out;
}

function argMax(values: ArrayLike<number>, at: number, width: number): number {
  let best = 0;
  for (let c = 1; c < width; c++)
    if ((values[at + c] as number) > (values[at + best] as number)) best = c;
  return best;
}

function nameOf(names: readonly string[], i: number, kind: string, base: number): string {
  return names[i] ?? `${kind} ${i + base}`;
}

function defined(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
