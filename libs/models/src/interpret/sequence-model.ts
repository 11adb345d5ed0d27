import type * as tf from '@tensorflow/tfjs';
import { oneHotEncode } from '@strand/genomics';
import { InterpretInputError } from './interpret-input.error.ts';

/**
 * Checks that `model` takes one one-hot sequence input [length, 4] and gives one value per
 * sequence, and returns that length. `what` names the caller in messages.
 */
export function sequenceInputLength(model: tf.LayersModel, what: string): number {
  const input = model.inputs.length === 1 ? model.inputs[0].shape : undefined;
  if (input === undefined || input.length !== 3 || input[2] !== 4 || input[1] === null) {
    const shapes = model.inputs.map((i) => `[${i.shape.map(String).join(', ')}]`).join(', ');
    throw new InterpretInputError(
      `${what}: the model's inputs ${shapes} are not one one-hot sequence [batch, length, 4]`,
    );
  }
  const output = model.outputs.length === 1 ? model.outputs[0].shape : undefined;
  if (output === undefined || output.length !== 2 || output[1] !== 1) {
    const shapes = model.outputs.map((o) => `[${o.shape.map(String).join(', ')}]`).join(', ');
    throw new InterpretInputError(
      `${what}: the model's outputs ${shapes} are not one value per sequence [batch, 1]`,
    );
  }
  return input[1];
}

/** One-hot encodes `seq` after checking it fits the model's input length. */
export function encodeForModel(model: tf.LayersModel, seq: string, what: string): Float32Array {
  const length = sequenceInputLength(model, what);
  if (seq.length !== length) {
    throw new InterpretInputError(
      `${what}: sequence of length ${seq.length} does not fit the model's input length ${length}`,
    );
  }
  return oneHotEncode(seq);
}
