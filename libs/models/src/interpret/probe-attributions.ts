import * as tf from '@tensorflow/tfjs';
import { oneHotEncodeBatch } from '@strand/genomics';
import { InterpretInputError } from './interpret-input.error.ts';

/** One probe's gradient × input at the model's current weights. */
export interface ProbeAttribution {
  /** The attributed output for the probe (see probeAttributions). */
  output: number;
  /** [length, 4] row-major (A, C, G, T): ∂output/∂x × x, so non-zero only at the probe's bases. */
  scores: Float32Array;
}

/**
 * Gradient × input (Shrikumar et al. 2016) of a few probe sequences in one forward and one
 * backward pass, for watching a model learn: cheap enough to run after every epoch. The
 * attributed output is the model's first output: its one value per sequence (a binary or
 * regression head); of several columns (multitask, softmax), the column the model predicts
 * highest for that probe; of a profile ([batch, length, …]), its sum.
 *
 * @example probeAttributions(model, ['ACGT…', …])[0].scores // Float32Array of length × 4
 */
export function probeAttributions(model: tf.LayersModel, sequences: string[]): ProbeAttribution[] {
  if (sequences.length === 0) return [];
  const input = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || input?.length !== 3 || input[2] !== 4) {
    throw new InterpretInputError(
      "probe attributions: the model's input is not one one-hot DNA sequence [batch, length, 4]",
    );
  }
  const length = sequences[0].length;
  sequences.forEach((s, i) => {
    if (s.length !== length || (input[1] !== null && s.length !== input[1])) {
      throw new InterpretInputError(
        `probe attributions: probe ${i + 1} has length ${s.length}; the model reads ${input[1] ?? length}`,
      );
    }
  });
  const x = oneHotEncodeBatch(sequences, length);
  const [outputs, scores] = tf.tidy(() => {
    const batch = tf.tensor3d(x, [sequences.length, length, 4]);
    const first = (o: tf.Tensor | tf.Tensor[]) => (Array.isArray(o) ? o[0] : o);
    const predicted = first(model.apply(batch, { training: false }) as tf.Tensor | tf.Tensor[]);
    // The attributed column per row, fixed from the prediction: a constant mask, no gradient.
    const columns =
      predicted.rank === 2 && predicted.shape[1] !== 1
        ? tf.oneHot(tf.argMax(predicted, 1), predicted.shape[1]!)
        : null;
    const attributed = (p: tf.Tensor): tf.Tensor1D =>
      (columns ? p.mul(columns) : p).reshape([p.shape[0]!, -1]).sum(1) as tf.Tensor1D;
    const grad = tf.grad((inp: tf.Tensor) =>
      attributed(first(model.apply(inp, { training: false }) as tf.Tensor | tf.Tensor[])).sum(),
    );
    return [attributed(predicted), grad(batch).mul(batch)];
  });
  const out = outputs.dataSync();
  const all = scores.dataSync() as Float32Array;
  tf.dispose([outputs, scores]);
  const size = length * 4;
  return sequences.map((_, i) => ({
    output: out[i],
    scores: all.slice(i * size, (i + 1) * size),
  }));
}
