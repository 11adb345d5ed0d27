import type * as tf from '@tensorflow/tfjs';
import { TrainingInputError } from './training-input.error.ts';
import type { TrainingData } from './training-data.ts';

/**
 * The loss (and metrics) of one output head: a single-output task's loss, or `multinomial` for a
 * profile head (logits over positions [positions, tracks] against per-position counts; see
 * `multinomialLoss`).
 */
export type HeadLoss = 'binary' | 'multitask' | 'multiclass' | 'regression' | 'multinomial';

/**
 * One output of a multi-output model and how it trains. Head i trains model output i; the
 * total loss is Σ weightᵢ·lossᵢ. Each row of `data.y` holds every head's targets side by side;
 * a head reads its `columns` of it.
 */
export interface OutputHead {
  /** Names the head's metrics (`val_<name>_loss`, `val_<name>_pearson`, …): [a-z][a-z0-9_]*. */
  name: string;
  loss: HeadLoss;
  /** λ of this head in the total loss; default 1. */
  weight?: number;
  /**
   * Multiply `weight` by the mean total count per track of the training rows (only with
   * `target: 'log1p-total'`). BPNet's λ = ½ · mean total counts is `weight: 0.5` with this.
   */
  weightByMeanTotal?: boolean;
  /** Columns [from, to) of each `data.y` row; default all (0 to `data.labelWidth`). */
  columns?: readonly [number, number];
  /**
   * `values` (default): the columns are the targets. `log1p-total`: the columns are counts
   * [positions, tracks] and the target of track t is log(1 + Σ positions) (a counts head).
   */
  target?: 'values' | 'log1p-total';
}

/** BPNet's default λ relative to the mean total counts (the paper's ½ · mean total counts). */
export const PROFILE_COUNTS_WEIGHT = 0.5;

/**
 * The heads of a BPNet-style profile model (outputs: profile logits [positions, tracks], then
 * log counts [tracks]) trained on per-position counts `y` [positions × tracks]: a multinomial
 * profile loss plus λ · MSE of log(1 + total counts), λ = countsWeight × mean total counts per
 * track of the training rows (Avsec et al. 2021 use ½ · mean total counts, the default).
 */
export function profileHeads(countsWeight = PROFILE_COUNTS_WEIGHT): OutputHead[] {
  return [
    { name: 'profile', loss: 'multinomial' },
    {
      name: 'counts',
      loss: 'regression',
      target: 'log1p-total',
      weight: countsWeight,
      weightByMeanTotal: true,
    },
  ];
}

/** A head checked against the model and the data: where its targets and predictions live. */
export interface HeadLayout {
  name: string;
  loss: HeadLoss;
  /** The absolute λ (after `weightByMeanTotal`). */
  weight: number;
  /** The model output it trains, and that output's shape after the batch axis. */
  output: number;
  outputShape: number[];
  /** Values per row of the output. */
  outputWidth: number;
  /** `data.y` columns [from, to). */
  from: number;
  to: number;
  target: 'values' | 'log1p-total';
  /** Profile positions and tracks of the columns (1 × width for plain targets). */
  positions: number;
  tracks: number;
  /** Values per row of the target after its transform (equals outputWidth, or 1 for multiclass). */
  targetWidth: number;
}

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Checks `heads` against the model outputs and `data` (label width and every label value) and
 * lays them out; `trainRows` give the mean totals for `weightByMeanTotal`. Throws
 * `TrainingInputError` naming the head and the value.
 */
export function layoutHeads(
  heads: readonly OutputHead[],
  model: tf.LayersModel,
  data: TrainingData,
  trainRows: ArrayLike<number>,
): HeadLayout[] {
  if (heads.length !== model.outputs.length) {
    throw new TrainingInputError(
      `options.heads has ${heads.length} heads but the model ${model.outputs.length} outputs; one head per output`,
    );
  }
  const labelWidth = data.labelWidth ?? 1;
  const names = new Set<string>();
  return heads.map((head, i) => {
    const where = `options.heads[${i}]`;
    if (!NAME.test(head.name)) {
      throw new TrainingInputError(`${where}.name "${head.name}" is not [a-z][a-z0-9_]*`);
    }
    if (names.has(head.name)) {
      throw new TrainingInputError(`${where}.name "${head.name}" is used by another head`);
    }
    names.add(head.name);
    const weight = head.weight ?? 1;
    if (!(weight >= 0 && Number.isFinite(weight))) {
      throw new TrainingInputError(`${where}.weight = ${weight} is not a number ≥ 0`);
    }
    const [from, to] = head.columns ?? [0, labelWidth];
    if (!(
      Number.isInteger(from) &&
      Number.isInteger(to) &&
      from >= 0 &&
      from < to &&
      to <= labelWidth
    )) {
      throw new TrainingInputError(
        `${where}.columns [${from}, ${to}) is not a column range within data.labelWidth = ${labelWidth}`,
      );
    }
    const target = head.target ?? 'values';
    if (head.weightByMeanTotal === true && target !== 'log1p-total') {
      throw new TrainingInputError(`${where}.weightByMeanTotal needs target 'log1p-total'`);
    }
    const outputShape = (model.outputs[i]?.shape ?? []).slice(1) as number[];
    const outputWidth = outputShape.reduce((a, d) => a * d, 1);
    const shown = `model output ${i} [null, ${outputShape.join(', ')}]`;
    const columns = to - from;
    const layout: HeadLayout = {
      name: head.name,
      loss: head.loss,
      weight,
      output: i,
      outputShape,
      outputWidth,
      from,
      to,
      target,
      positions: 1,
      tracks: columns,
      targetWidth: columns,
    };
    const fail = (problem: string): never => {
      throw new TrainingInputError(`${where} ("${head.name}"): ${problem}`);
    };
    if (head.loss === 'multinomial') {
      if (target !== 'values') fail(`a multinomial head takes target 'values'`);
      if (outputShape.length < 1 || outputShape.length > 2) {
        fail(`${shown} is not per-position logits [positions] or [positions, tracks]`);
      }
      layout.positions = outputShape[0] as number;
      layout.tracks = outputShape[1] ?? 1;
      if (columns !== outputWidth) {
        fail(
          `${columns} target columns but ${shown} has positions × tracks = ${outputWidth} values`,
        );
      }
    } else if (target === 'log1p-total') {
      if (columns % outputWidth !== 0) {
        fail(`${columns} count columns do not split into the ${outputWidth} tracks of ${shown}`);
      }
      layout.tracks = outputWidth;
      layout.positions = columns / outputWidth;
      layout.targetWidth = outputWidth;
    } else if (head.loss === 'multiclass') {
      if (columns !== 1) fail(`a multiclass head takes one class-index column, got ${columns}`);
      layout.targetWidth = 1;
    } else if (head.loss === 'binary' && (outputWidth !== 1 || columns !== 1)) {
      fail(`${shown} with ${columns} target columns is not one probability per row`);
    } else if (columns !== outputWidth) {
      fail(`${columns} target columns but ${shown} has ${outputWidth} values per row`);
    }
    checkHeadLabels(layout, data, where, labelWidth);
    if (head.weightByMeanTotal === true) {
      layout.weight = weight * meanTotal(data.y, labelWidth, layout, trainRows);
    }
    return layout;
  });
}

/** Mean over rows and tracks of the head's counts summed over positions. */
function meanTotal(
  y: Float32Array,
  labelWidth: number,
  head: HeadLayout,
  rows: ArrayLike<number>,
): number {
  if (rows.length === 0) return 0;
  let sum = 0;
  for (let r = 0; r < rows.length; r++) {
    const base = (rows[r] as number) * labelWidth;
    for (let c = head.from; c < head.to; c++) sum += y[base + c] as number;
  }
  return sum / (rows.length * head.tracks);
}

function checkHeadLabels(
  head: HeadLayout,
  data: TrainingData,
  where: string,
  labelWidth: number,
): void {
  const counts = head.loss === 'multinomial' || head.target === 'log1p-total';
  for (let r = 0; r < data.count; r++) {
    for (let c = head.from; c < head.to; c++) {
      const index = r * labelWidth + c;
      const v = data.y[index] as number;
      let problem: string | undefined;
      if (counts) problem = v >= 0 && Number.isFinite(v) ? undefined : 'is not a count ≥ 0';
      else if (head.loss === 'regression') {
        problem = Number.isFinite(v) ? undefined : 'is not a finite number';
      } else if (head.loss === 'multiclass') {
        problem =
          Number.isInteger(v) && v >= 0 && v < head.outputWidth
            ? undefined
            : `is not a class index 0..${head.outputWidth - 1}`;
      } else problem = v === 0 || v === 1 ? undefined : 'is not 0 or 1';
      if (problem !== undefined) {
        throw new TrainingInputError(
          `data.y[${index}] = ${v} ${problem} (${where}, "${head.name}")`,
        );
      }
    }
  }
}

/**
 * A head's targets for rows of `y` in JS: [rows, targetWidth] row-major (log(1 + total) per
 * track for `log1p-total`, else the columns as they are).
 */
export function headTargets(head: HeadLayout, y: Float32Array, labelWidth: number): Float32Array {
  const rows = y.length / labelWidth;
  const out = new Float32Array(rows * head.targetWidth);
  for (let r = 0; r < rows; r++) {
    const base = r * labelWidth + head.from;
    if (head.target === 'log1p-total') {
      for (let t = 0; t < head.tracks; t++) {
        let total = 0;
        for (let p = 0; p < head.positions; p++) total += y[base + p * head.tracks + t] as number;
        out[r * head.targetWidth + t] = Math.log1p(total);
      }
    } else out.set(y.subarray(base, base + head.targetWidth), r * head.targetWidth);
  }
  return out;
}
