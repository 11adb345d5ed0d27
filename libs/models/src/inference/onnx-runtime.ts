import { PredictorUnavailableError } from './predictor-unavailable.error.ts';

/** The part of onnxruntime-node's API Strand uses (typed here: the package is optional). */
export interface OnnxRuntime {
  env: { versions: { common: string } };
  InferenceSession: {
    create(model: Uint8Array, options: Record<string, unknown>): Promise<OnnxSession>;
  };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
}

interface OnnxSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown } | undefined>>;
  release(): Promise<void>;
}

// A non-literal specifier keeps tsc and Vite from resolving the optional package.
const ORT = 'onnxruntime-node';
let loaded: Promise<OnnxRuntime> | undefined;

/**
 * onnxruntime-node, an optional dependency (its CPU binaries are inside the npm package; the
 * repo's .npmrc skips its install script, which would try to download GPU providers). Throws
 * PredictorUnavailableError when it is not installed or does not load on this platform.
 */
export function loadOnnxRuntime(): Promise<OnnxRuntime> {
  loaded ??= import(/* @vite-ignore */ ORT).then(
    (module: { default?: OnnxRuntime } & OnnxRuntime) => module.default ?? module,
    (error: unknown) => {
      loaded = undefined;
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new PredictorUnavailableError(`onnxruntime-node does not load: ${why}`);
    },
  );
  return loaded;
}
