import * as tf from '@tensorflow/tfjs';
import { gatherRows } from './gather.ts';
import type { TrainingData } from './training-data.ts';
import type { TrainingStream } from './training-stream.ts';
import { TrainingInputError } from './training-input.error.ts';

/** Batch size for inference: big enough to amortise per-op overhead, small enough for RAM. */
export const PREDICT_BATCH_SIZE = 256;

/** The values of each model input per row: product of its shape after the batch axis. */
export function inputRowSizes(model: tf.LayersModel): number[] {
  return model.inputs.map((input) =>
    input.shape.slice(1).reduce<number>((a, d) => a * (d ?? 0), 1),
  );
}

/** Builds the model's input tensors from row-major row batches. */
export function inputTensors(
  model: tf.LayersModel,
  batches: Float32Array[],
  n: number,
): tf.Tensor[] {
  return model.inputs.map((input, i) =>
    tf.tensor(batches[i] as Float32Array, [n, ...(input.shape.slice(1) as number[])]),
  );
}

/** Values per row of each model output: the product of its shape after the batch axis. */
export function outputWidths(model: tf.LayersModel): number[] {
  return model.outputs.map((output) =>
    output.shape.slice(1).reduce<number>((a, d) => a * (d ?? 0), 1),
  );
}

/**
 * Every output value of the model for every row of `data`, or only for `rows` in their order:
 * [rows, width] row-major, predicted in batches in inference mode (dropout off). A model with
 * several outputs (BPNet: profile, counts) gives them side by side in each row, in output
 * order; `outputWidths` says how many values each holds (width is their sum). Multimodal models
 * take `data.extraInputs` as their further inputs.
 */
export function predictOutputs(
  model: tf.LayersModel,
  data: Pick<TrainingData, 'x' | 'count' | 'length' | 'alphabetSize' | 'extraInputs'>,
  rows?: ArrayLike<number>,
  batchSize = PREDICT_BATCH_SIZE,
): { values: Float32Array; width: number; outputWidths: number[] } {
  const sources = [data.x, ...(data.extraInputs ?? [])];
  const sizes = inputRowSizes(model);
  const widths = outputWidths(model);
  const width = widths.reduce((a, w) => a + w, 0);
  const count = rows === undefined ? data.count : rows.length;
  const out = new Float32Array(count * width);
  const buffers = sizes.map((size) =>
    rows === undefined ? undefined : new Float32Array(batchSize * size),
  );
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(start + batchSize, count);
    const values = sizes.map((size, i) => {
      const source = sources[i] as Float32Array;
      const buffer = buffers[i];
      return rows === undefined || buffer === undefined
        ? source.subarray(start * size, end * size)
        : gatherRows(source, size, rows, start, end, buffer);
    });
    predictInto(model, values, end - start, widths, out, start);
  }
  return { values: out, width, outputWidths: widths };
}

/** Predicts `n` rows of inputs and writes every output side by side at out row `at`. */
function predictInto(
  model: tf.LayersModel,
  values: Float32Array[],
  n: number,
  widths: number[],
  out: Float32Array,
  at: number,
): void {
  const width = widths.reduce((a, w) => a + w, 0);
  // The tidy returns tensors, never the typed array: tidy walks returned containers.
  const predicted = tf.tidy(() => {
    const inputs = inputTensors(model, values, n);
    // One call for the batch: model.predict splits it into slices of 32 (2.4× slower here).
    return model.predictOnBatch(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs);
  });
  if (!Array.isArray(predicted)) {
    out.set(predicted.dataSync(), at * width);
    predicted.dispose();
    return;
  }
  let offset = 0;
  predicted.forEach((tensor, o) => {
    const part = tensor.dataSync();
    const w = widths[o] as number;
    for (let r = 0; r < n; r++) {
      out.set(part.subarray(r * w, (r + 1) * w), (at + r) * width + offset);
    }
    offset += w;
  });
  tf.dispose(predicted);
}

/**
 * predictOutputs for a stream, read in stored order: every output value of every row, and the
 * rows' targets as the stream gives them ([count, labelWidth]), for metrics.
 */
export async function predictStream(
  model: tf.LayersModel,
  stream: TrainingStream,
  batchSize = PREDICT_BATCH_SIZE,
): Promise<{ values: Float32Array; width: number; outputWidths: number[]; y: Float32Array }> {
  const widths = outputWidths(model);
  const width = widths.reduce((a, w) => a + w, 0);
  const labelWidth = stream.labelWidth ?? 1;
  const out = new Float32Array(stream.count * width);
  const y = new Float32Array(stream.count * labelWidth);
  let at = 0;
  for await (const batch of stream.batches(batchSize, 0)) {
    if (at + batch.count > stream.count) {
      throw new TrainingInputError(`the stream gave more than its ${stream.count} rows`);
    }
    predictInto(model, [batch.x, ...(batch.extraInputs ?? [])], batch.count, widths, out, at);
    y.set(batch.y.subarray(0, batch.count * labelWidth), at * labelWidth);
    at += batch.count;
  }
  if (at !== stream.count) {
    throw new TrainingInputError(`the stream gave ${at} rows; it says it has ${stream.count}`);
  }
  return { values: out, width, outputWidths: widths, y };
}

/**
 * The single output (a probability, for Strand's binary models) for every row of `data.x`, or
 * only for `rows` in their order, predicted in batches of `batchSize` in inference mode.
 */
export function predictProbabilities(
  model: tf.LayersModel,
  data: Pick<TrainingData, 'x' | 'count' | 'length' | 'alphabetSize' | 'extraInputs'>,
  rows?: ArrayLike<number>,
  batchSize = PREDICT_BATCH_SIZE,
): Float32Array {
  const shape = model.outputs[0]?.shape ?? [];
  if (model.outputs.length !== 1 || shape.length !== 2 || shape[1] !== 1) {
    throw new TrainingInputError(
      `model output [${shape.map(String).join(', ')}] is not one value per sequence`,
    );
  }
  return predictOutputs(model, data, rows, batchSize).values;
}
