/**
 * First-layer filter motifs, the DeepBind / Basset approach (Alipanahi et al., Nat. Biotechnol.
 * 2015, Supplementary "motif visualisation"; Kelley, Snoek & Rinn, Genome Res. 2016): a filter's
 * motif is the base count matrix of the input windows where its activation exceeds
 * `threshold` × its maximum over the set.
 *
 * Importance (the choice the brief left open): the drop in the model's mean prediction over the
 * positives (rows labelled 1, or every row without labels) when the filter's whole output is
 * zeroed — Basset's filter "influence" by nullification, here zeroing rather than mean-filling
 * since after a ReLU 0 is "filter silent". Positive: the filter pushes predictions up.
 *
 * Two passes over the sequences (batches of 256): the first takes each filter's maximum and the
 * nullification predictions, the second collects windows. Memory stays one batch of activations.
 */
import * as tf from '@tensorflow/tfjs';
import { informationContent, oneHotEncodeBatch } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { PREDICT_BATCH_SIZE } from '../training/predict.ts';
import { splitAtConv } from './filter-layers.ts';
import { InterpretInputError } from './interpret-input.error.ts';
import { sequenceInputLength } from './sequence-model.ts';

/** Options of `filterMotifs`. */
export interface FilterMotifsOptions {
  /** The 1-D convolution whose filters are read; default 'conv1'. */
  layer?: string;
  /** Share of a filter's maximum activation a window must exceed; default 0.5. */
  threshold?: number;
  /** One 0/1 label per sequence; importance is measured on the 1s. Default: every sequence. */
  labels?: ArrayLike<number>;
}

/** One filter's motif and importance. */
export interface FilterMotif {
  filter: number;
  /** Counts of the windows that passed (id `<layer>:<filter>`, name `filter <n>`). */
  pfm: Pfm;
  /** Windows that passed the threshold. */
  sites: number;
  /** Of `pfm`, in bits (0 without sites). */
  informationContent: number;
  maxActivation: number;
  /** Mean prediction on positives minus the same with this filter's output zeroed. */
  importance: number;
}

/** All filters of the layer, in filter order, and the unperturbed mean prediction. */
export interface FilterMotifsResult {
  meanPrediction: number;
  filters: FilterMotif[];
}

/** Reads the motifs and importance of every filter of a first convolution layer (see file). */
export function filterMotifs(
  model: tf.LayersModel,
  sequences: readonly string[],
  options: FilterMotifsOptions = {},
): FilterMotifsResult {
  const { layer = 'conv1', threshold = 0.5, labels } = options;
  const what = 'filterMotifs';
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new InterpretInputError(`${what}: threshold ${threshold} is not in [0, 1]`);
  }
  if (labels !== undefined && labels.length !== sequences.length) {
    throw new InterpretInputError(
      `${what}: ${labels.length} labels for ${sequences.length} sequences`,
    );
  }
  if (sequences.length === 0) throw new InterpretInputError(`${what}: no sequences`);
  const length = sequenceInputLength(model, what);
  const split = splitAtConv(model, layer, what);
  const { filters } = split;
  const x = oneHotEncodeBatch(sequences, length);
  const isPositive = (row: number) => labels === undefined || labels[row] === 1;
  const batches = (visit: (start: number, n: number, input: tf.Tensor3D) => void) => {
    for (let start = 0; start < sequences.length; start += PREDICT_BATCH_SIZE) {
      const n = Math.min(PREDICT_BATCH_SIZE, sequences.length - start);
      const rows = x.subarray(start * length * 4, (start + n) * length * 4);
      tf.tidy(() => visit(start, n, tf.tensor3d(rows, [n, length, 4])));
    }
  };

  // Pass 1: maxima, and predictions with nothing / each filter zeroed, summed over positives.
  const max = new Float32Array(filters);
  const sums = new Float64Array(filters + 1);
  let positives = 0;
  batches((start, n, input) => {
    const activation = split.activations.predict(input) as tf.Tensor3D;
    const keep = tf.buffer([n, 1, 1], 'float32');
    for (let k = 0; k < n; k++) keep.set(isPositive(start + k) ? 1 : 0, k, 0, 0);
    const weight = keep.toTensor();
    positives += weight.sum().dataSync()[0];
    const batchMax = activation.max([0, 1]).dataSync();
    for (let f = 0; f < filters; f++) max[f] = Math.max(max[f], batchMax[f]);
    const predictions = [split.rest(activation)];
    const eye = tf.oneHot(tf.range(0, filters, 1, 'int32'), filters).reshape([filters, 1, 1, -1]);
    for (let f = 0; f < filters; f++) {
      const mask = tf.scalar(1).sub(eye.gather(f)) as tf.Tensor3D;
      predictions.push(split.rest(activation.mul(mask)));
    }
    const totals = tf
      .stack(predictions)
      .reshape([filters + 1, n])
      .mul(weight.reshape([1, n]))
      .sum(1)
      .dataSync();
    for (let k = 0; k <= filters; k++) sums[k] += totals[k];
  });
  if (positives === 0) throw new InterpretInputError(`${what}: no sequence is labelled 1`);

  // Pass 2: windows above threshold × max, counted from the one-hot rows (N adds 0.25 each).
  const counts = Array.from({ length: filters }, () => new Float64Array(split.kernelSize * 4));
  const sites = new Uint32Array(filters);
  batches((start, n, input) => {
    const activation = split.activations.predict(input) as tf.Tensor3D;
    const [, positions] = activation.shape;
    const values = activation.dataSync();
    for (let k = 0; k < n; k++) {
      const row = (start + k) * length * 4;
      for (let p = 0; p < positions; p++) {
        for (let f = 0; f < filters; f++) {
          const a = values[(k * positions + p) * filters + f];
          if (!(a > 0 && a > threshold * max[f])) continue;
          sites[f]++;
          const from = p * split.stride - split.padLeft;
          for (let j = 0; j < split.kernelSize; j++) {
            const at = from + j;
            if (at < 0 || at >= length) continue;
            for (let b = 0; b < 4; b++) counts[f][j * 4 + b] += x[row + at * 4 + b];
          }
        }
      }
    }
  });

  const meanPrediction = sums[0] / positives;
  return {
    meanPrediction,
    filters: counts.map((flat, f) => {
      const pfm: Pfm = {
        id: `${layer}:${f}`,
        name: `filter ${f}`,
        counts: Array.from({ length: split.kernelSize }, (_, j) =>
          Array.from(flat.subarray(j * 4, j * 4 + 4)),
        ),
      };
      return {
        filter: f,
        pfm,
        sites: sites[f],
        informationContent: informationContent(pfm),
        maxActivation: max[f],
        importance: meanPrediction - sums[f + 1] / positives,
      };
    }),
  };
}
