import type * as tf from '@tensorflow/tfjs';
import { OnnxExportError } from '../onnx/onnx-export.error.ts';
import { onnxPredictor } from './onnx-predictor.ts';
import { PredictorUnavailableError } from './predictor-unavailable.error.ts';
import { tfjsPredictor } from './tfjs-predictor.ts';

/**
 * Inference on rows of one model input, by whichever engine runs it fastest here: ONNX Runtime
 * (the model exported to ONNX, onnx/export-onnx.ts; native MLAS kernels on its own threads, so
 * `predict` leaves the JS thread free) or TF.js. Measured with `npm run bench:score`: DeepBind,
 * DeepSEA and Basset predict 4–6× faster in ONNX Runtime than on TF.js' wasm backend, equal
 * within 3e-7.
 */
export interface Predictor {
  /** `onnxruntime-<version>` or `tfjs-<backend>`. */
  readonly engine: string;
  /** The model's input shape after the batch axis (e.g. [length, 4]). */
  readonly inputShape: readonly number[];
  /** Values per output row. */
  readonly outputWidth: number;
  /** Outputs of `rows` rows of x (row-major, the model's input shape each): [rows, outputWidth]. */
  predict(x: Float32Array, rows: number): Promise<Float32Array>;
  /** Frees the engine's session (not the model). */
  dispose(): Promise<void>;
}

export interface PredictorOptions {
  /**
   * `auto` (default): ONNX Runtime when it is installed and the model exports, else TF.js;
   * `onnx` demands ONNX Runtime (throws PredictorUnavailableError); `tfjs` skips it. The
   * environment variable STRAND_INFERENCE (auto | onnx | tfjs) wins over this option.
   */
  engine?: 'auto' | 'onnx' | 'tfjs';
  /** ONNX Runtime's intra-op threads; default 1 (one core, like one wasm backend). */
  threads?: number;
}

/** A predictor for a single-input model (see `Predictor`). */
export async function createPredictor(
  model: tf.LayersModel,
  options: PredictorOptions = {},
): Promise<Predictor> {
  const env = process.env['STRAND_INFERENCE'];
  const engine = env === undefined || env === '' ? (options.engine ?? 'auto') : env;
  if (engine !== 'auto' && engine !== 'onnx' && engine !== 'tfjs') {
    throw new PredictorUnavailableError(
      `STRAND_INFERENCE="${engine}": expected auto, onnx or tfjs`,
    );
  }
  if (engine === 'tfjs') return tfjsPredictor(model);
  try {
    return await onnxPredictor(model, options.threads ?? 1);
  } catch (error) {
    const expected = error instanceof OnnxExportError || error instanceof PredictorUnavailableError;
    if (engine === 'auto' && expected) return tfjsPredictor(model);
    if (engine === 'onnx' && error instanceof OnnxExportError) {
      throw new PredictorUnavailableError(`ONNX Runtime cannot run this model: ${error.message}`);
    }
    throw error;
  }
}
