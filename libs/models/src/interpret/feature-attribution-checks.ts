import type * as tf from '@tensorflow/tfjs';
import type { FeatureAttributionOptions } from './feature-attribution.ts';
import { InterpretInputError } from './interpret-input.error.ts';

/** The baseline row of each input (see `FeatureAttributionOptions.baseline`). */
export function baselineRows(
  model: tf.LayersModel,
  inputs: readonly Float32Array[],
  options: FeatureAttributionOptions,
  sizes: number[],
): Float32Array[] {
  const baseline = options.baseline ?? 'mean';
  if (baseline === 'zeros') return sizes.map((size) => new Float32Array(size));
  if (baseline === 'mean') {
    const data = options.baselineData ?? inputs;
    const rows = checkAttributionInputs(model, data, sizes, 'options.baselineData');
    return sizes.map((size, i) => {
      const sums = new Float64Array(size);
      const values = data[i] as Float32Array;
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < size; j++)
          sums[j] = (sums[j] as number) + (values[r * size + j] as number);
      }
      return Float32Array.from(sums, (s) => s / rows);
    });
  }
  if (!Array.isArray(baseline) || baseline.length !== sizes.length) {
    throw new InterpretInputError(
      `featureAttribution: options.baseline must be 'mean', 'zeros' or one row per model input (${sizes.length})`,
    );
  }
  return baseline.map((row, i) => {
    if (!(row instanceof Float32Array) || row.length !== sizes[i]) {
      throw new InterpretInputError(
        `featureAttribution: options.baseline[${i}] has ${row.length} values; the input takes ${sizes[i]}`,
      );
    }
    return row;
  });
}

/** Checks one array per input holding whole rows, the same number for each; returns it. */
export function checkAttributionInputs(
  model: tf.LayersModel,
  inputs: readonly Float32Array[],
  sizes: number[],
  what: string,
): number {
  if (inputs.length !== sizes.length) {
    throw new InterpretInputError(
      `featureAttribution: ${what} has ${inputs.length} arrays; the model has ${sizes.length} inputs (${model.inputs.map((i) => i.name).join(', ')})`,
    );
  }
  let count: number | undefined;
  inputs.forEach((values, i) => {
    const size = sizes[i] as number;
    const rows = values.length / size;
    if (!Number.isInteger(rows) || (count !== undefined && rows !== count)) {
      throw new InterpretInputError(
        `featureAttribution: ${what}[${i}] has ${values.length} values, not ${count ?? 'a whole number of'} rows of ${size}`,
      );
    }
    for (let j = 0; j < values.length; j++) {
      if (!Number.isFinite(values[j])) {
        throw new InterpretInputError(
          `featureAttribution: ${what}[${i}] row ${Math.floor(j / size)} feature ${j % size} is ${values[j]}, not a finite number`,
        );
      }
    }
    count = rows;
  });
  if (count === undefined || count < 1) {
    throw new InterpretInputError(`featureAttribution: ${what} has no rows`);
  }
  return count;
}

/** Checks the method and numbers; returns the width of the model's output. */
export function checkAttributionOptions(
  model: tf.LayersModel,
  method: string,
  steps: number,
  output: number,
  batchRows: number,
): number {
  if (method !== 'integratedGradients' && method !== 'gradientTimesInput') {
    throw new InterpretInputError(
      `featureAttribution: method "${method}" is not 'integratedGradients' or 'gradientTimesInput'`,
    );
  }
  if (!Number.isInteger(steps) || steps < 1) {
    throw new InterpretInputError(`featureAttribution: steps ${steps} is not an integer ≥ 1`);
  }
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new InterpretInputError(
      `featureAttribution: batchRows ${batchRows} is not an integer ≥ 1`,
    );
  }
  const shape = model.outputs.length === 1 ? model.outputs[0]?.shape : undefined;
  if (shape === undefined || shape.length !== 2 || shape[1] === null) {
    const shown = model.outputs.map((o) => `[${o.shape.map(String).join(', ')}]`).join(', ');
    throw new InterpretInputError(
      `featureAttribution: the model's outputs ${shown} are not one [batch, tasks] output`,
    );
  }
  const width = shape[1] as number;
  if (!Number.isInteger(output) || output < 0 || output >= width) {
    throw new InterpretInputError(
      `featureAttribution: output ${output} is not a column of the model's ${width} outputs (0 to ${width - 1})`,
    );
  }
  return width;
}
