import * as tf from '@tensorflow/tfjs';
import { PREDICT_BATCH_SIZE } from '../training/predict.ts';
import { InterpretInputError } from './interpret-input.error.ts';
import { encodeForModel } from './sequence-model.ts';

/** Result of `inSilicoMutagenesis`. */
export interface MutagenesisResult {
  /** The model's prediction for the sequence as given. */
  ref: number;
  /** [length, 4] row-major (A, C, G, T): pred(mutant) − ref; 0 where the base is already that. */
  scores: Float32Array;
}

/** Options of `inSilicoMutagenesis`. */
export interface MutagenesisOptions {
  /** Mutants per forward pass; default 256. */
  batchSize?: number;
}

/**
 * In silico saturation mutagenesis: predicts every single-base substitution of `seq` (3 per
 * position; an ambiguous base such as N gets all 4) in batches, in inference mode.
 * @example const { ref, scores } = inSilicoMutagenesis(model, 'ACGT...');
 */
export function inSilicoMutagenesis(
  model: tf.LayersModel,
  seq: string,
  options: MutagenesisOptions = {},
): MutagenesisResult {
  const { batchSize = PREDICT_BATCH_SIZE } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new InterpretInputError(
      `inSilicoMutagenesis: batchSize ${batchSize} is not an integer ≥ 1`,
    );
  }
  const x = encodeForModel(model, seq, 'inSilicoMutagenesis');
  const length = seq.length;
  const size = length * 4;
  // Each mutant is (position, base), skipping the base a position already is exactly.
  const mutants: number[] = [];
  for (let i = 0; i < length; i++) {
    for (let b = 0; b < 4; b++) if (x[i * 4 + b] !== 1) mutants.push(i * 4 + b);
  }
  const predict = (rows: Float32Array, n: number): Float32Array => {
    const out = tf.tidy(() => model.predict(tf.tensor3d(rows, [n, length, 4])) as tf.Tensor);
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return values;
  };
  const ref = predict(x, 1)[0];
  const scores = new Float32Array(size);
  const buffer = new Float32Array(Math.min(batchSize, Math.max(mutants.length, 1)) * size);
  for (let start = 0; start < mutants.length; start += batchSize) {
    const n = Math.min(batchSize, mutants.length - start);
    for (let k = 0; k < n; k++) {
      const cell = mutants[start + k];
      const row = cell >> 2;
      buffer.set(x, k * size);
      buffer.fill(0, k * size + row * 4, k * size + row * 4 + 4);
      buffer[k * size + cell] = 1;
    }
    const predicted = predict(buffer.subarray(0, n * size), n);
    for (let k = 0; k < n; k++) scores[mutants[start + k]] = predicted[k] - ref;
  }
  return { ref, scores };
}
