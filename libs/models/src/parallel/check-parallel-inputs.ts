import type * as tf from '@tensorflow/tfjs';
import { checkTrainingData } from '../training/training-data.ts';
import type { TrainingData } from '../training/training-data.ts';
import { TrainingInputError } from '../training/training-input.error.ts';
import type { DataParallelTrainOptions } from './parallel-options.ts';

/**
 * Throws `TrainingInputError` for data, options or a model data-parallel training cannot take;
 * returns the input row size and the label width.
 */
export function checkParallelInputs(
  model: tf.LayersModel,
  data: TrainingData,
  o: DataParallelTrainOptions,
): { rowSize: number; labelWidth: number } {
  const task = o.task ?? 'binary';
  checkTrainingData(data, 'data', task);
  for (const [name, value] of Object.entries({ epochs: o.epochs, batchSize: o.batchSize })) {
    if (!Number.isInteger(value) || value < 1) {
      throw new TrainingInputError(`options.${name} = ${value} is not a positive integer`);
    }
  }
  if (!(o.learningRate > 0 && Number.isFinite(o.learningRate))) {
    throw new TrainingInputError(`options.learningRate = ${o.learningRate} is not positive`);
  }
  if (!Number.isFinite(o.seed)) {
    throw new TrainingInputError(`options.seed = ${o.seed} is not a number`);
  }
  if (data.extraInputs !== undefined || model.inputs.length !== 1) {
    throw new TrainingInputError('data-parallel training takes single-input models only');
  }
  if (model.outputs.length !== 1 || task === 'profile') {
    throw new TrainingInputError(
      `data-parallel training takes single-output models only; this one has ${model.outputs.length} outputs (train it with trainModel)`,
    );
  }
  const shape = model.inputs[0]?.shape ?? [];
  const rowSize = shape.slice(1).reduce<number>((a, d) => a * (d ?? 0), 1);
  if (rowSize !== data.length * data.alphabetSize || shape[1] !== data.length) {
    throw new TrainingInputError(
      `model input [${shape.map(String).join(', ')}] does not take data of length ${data.length} × alphabet ${data.alphabetSize}`,
    );
  }
  return { rowSize, labelWidth: task === 'reconstruction' ? 0 : (data.labelWidth ?? 1) };
}
