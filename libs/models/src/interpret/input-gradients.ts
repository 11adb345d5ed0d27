import * as tf from '@tensorflow/tfjs';
import { encodeForModel } from './sequence-model.ts';

/** Per position × base attributions of one sequence and the model's output for it. */
export interface Attribution {
  /** The model's prediction for the sequence. */
  output: number;
  /** [length, 4] row-major (A, C, G, T). */
  scores: Float32Array;
}

/**
 * ∂output/∂input for a batch [n, length, 4] in inference mode: the gradient of the summed
 * outputs, which is each row's own gradient because rows do not interact at inference.
 * Call inside `tf.tidy`.
 */
export function outputGradient(model: tf.LayersModel, x: tf.Tensor3D): tf.Tensor3D {
  const grad = tf.grad((input: tf.Tensor) =>
    (model.apply(input, { training: false }) as tf.Tensor).sum(),
  );
  return grad(x) as tf.Tensor3D;
}

/** The gradient of the output at `seq`, transformed by `combine(gradient, input)`. */
function attribute(
  model: tf.LayersModel,
  seq: string,
  what: string,
  combine: (gradient: tf.Tensor3D, input: tf.Tensor3D) => tf.Tensor,
): Attribution {
  const x = encodeForModel(model, seq, what);
  const [output, scores] = tf.tidy(() => {
    const input = tf.tensor3d(x, [1, seq.length, 4]);
    const predicted = model.predict(input) as tf.Tensor;
    return [predicted, combine(outputGradient(model, input), input)];
  });
  const result = { output: output.dataSync()[0], scores: scores.dataSync() as Float32Array };
  tf.dispose([output, scores]);
  return result;
}

/**
 * Saliency map (Simonyan et al. 2014): |∂output/∂input| per position × base.
 * @example saliency(model, seq).scores // Float32Array of length × 4
 */
export function saliency(model: tf.LayersModel, seq: string): Attribution {
  return attribute(model, seq, 'saliency', (gradient) => gradient.abs());
}

/** Gradient × input (Shrikumar et al. 2016): ∂output/∂input times the one-hot input. */
export function gradientTimesInput(model: tf.LayersModel, seq: string): Attribution {
  return attribute(model, seq, 'gradientTimesInput', (gradient, input) => gradient.mul(input));
}
