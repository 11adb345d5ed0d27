import * as tf from '@tensorflow/tfjs';
import { predictOutputs } from '../training/predict.ts';
import type { Predictor } from './predictor.ts';

/** TF.js inference on the current backend (synchronous underneath; see predictOutputs). */
export function tfjsPredictor(model: tf.LayersModel): Predictor {
  const shape = model.inputs[0]?.shape.slice(1) as number[];
  const [length, alphabetSize] = shape.length === 2 ? (shape as [number, number]) : [1, 1];
  const outputWidth = model.outputs.reduce(
    (sum, o) => sum + o.shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1),
    0,
  );
  return {
    engine: `tfjs-${tf.getBackend()}`,
    inputShape: shape,
    outputWidth,
    predict: (x, rows) =>
      Promise.resolve(
        predictOutputs(model, { x, count: rows, length, alphabetSize }, undefined, rows).values,
      ),
    dispose: () => Promise.resolve(),
  };
}
