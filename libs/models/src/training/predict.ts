import * as tf from '@tensorflow/tfjs';
import { gatherRows } from './gather.ts';
import type { TrainingData } from './training-data.ts';
import { TrainingInputError } from './training-input.error.ts';

/** Batch size for inference: big enough to amortise per-op overhead, small enough for RAM. */
export const PREDICT_BATCH_SIZE = 256;

/**
 * The single output (a probability, for Strand's models) for every row of `data.x`, or only for
 * `rows` in their order, predicted in batches of `batchSize` in inference mode (dropout off).
 */
export function predictProbabilities(
  model: tf.LayersModel,
  data: Pick<TrainingData, 'x' | 'count' | 'length' | 'alphabetSize'>,
  rows?: ArrayLike<number>,
  batchSize = PREDICT_BATCH_SIZE,
): Float32Array {
  const rowSize = data.length * data.alphabetSize;
  const count = rows === undefined ? data.count : rows.length;
  const out = new Float32Array(count);
  const buffer = rows === undefined ? undefined : new Float32Array(batchSize * rowSize);
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(start + batchSize, count);
    const values =
      rows === undefined || buffer === undefined
        ? data.x.subarray(start * rowSize, end * rowSize)
        : gatherRows(data.x, rowSize, rows, start, end, buffer);
    // The tidy returns a tensor, never the typed array: tidy walks returned containers.
    const probs = tf.tidy(() =>
      model.predict(tf.tensor3d(values, [end - start, data.length, data.alphabetSize])),
    ) as tf.Tensor;
    if (probs.size !== end - start) {
      probs.dispose();
      const shape = `[${probs.shape.join(', ')}]`;
      throw new TrainingInputError(`model output ${shape} is not one value per sequence`);
    }
    out.set(probs.dataSync(), start);
    probs.dispose();
  }
  return out;
}
