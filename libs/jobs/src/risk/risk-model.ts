import { architectureTask, buildModel, predictOutputs, trainModel } from '@strand/models';
import type { EpochReport, RiskConfig, TrainingData } from '@strand/models';
import type * as tf from '@tensorflow/tfjs';
import { RiskPipelineError } from './risk-pipeline.error.ts';

/** How each model of the pipeline trains. */
export interface RiskTraining {
  config: RiskConfig;
  epochs: number;
  batchSize: number;
  learningRate: number;
  signal?: AbortSignal;
}

/** Scaled inputs of some samples: expression [n, genes] and burden [n, burden genes]. */
export interface RiskInputs {
  expression: Float32Array;
  burden: Float32Array;
  count: number;
}

function asData(inputs: RiskInputs, genes: number, y: Float32Array): TrainingData {
  return {
    x: inputs.expression,
    y,
    count: inputs.count,
    length: genes,
    alphabetSize: 1,
    labelWidth: 1,
    extraInputs: [inputs.burden],
  };
}

/**
 * Builds the `risk` architecture for these inputs and trains it on all of them (a fixed number
 * of epochs: small cohorts cannot spare an inner validation split for early stopping). The
 * caller disposes the model. Throws `CANCELLED` when the signal aborts.
 */
export async function trainRiskModel(
  inputs: RiskInputs,
  y: Uint8Array,
  genes: number,
  training: RiskTraining,
  seed: number,
  onEpoch: (report: EpochReport) => void,
): Promise<tf.LayersModel> {
  const model = buildModel({
    architecture: 'risk',
    config: training.config,
    inputLength: genes,
    alphabetSize: 1,
    seed,
  });
  try {
    const result = await trainModel(model, asData(inputs, genes, Float32Array.from(y)), {
      task: architectureTask('risk', training.config),
      epochs: training.epochs,
      batchSize: training.batchSize,
      learningRate: training.learningRate,
      seed,
      validationFraction: 0,
      onEpoch,
      shouldStop: () => training.signal?.aborted === true,
    });
    if (result.stopped) throw new RiskPipelineError('CANCELLED', 'the risk pipeline was cancelled');
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/** The model's probability of the positive class for each sample. */
export function predictRisk(
  model: tf.LayersModel,
  inputs: RiskInputs,
  genes: number,
): Float32Array {
  return predictOutputs(model, asData(inputs, genes, new Float32Array(0))).values;
}
