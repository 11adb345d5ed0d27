import type * as tf from '@tensorflow/tfjs';
import { exportOnnx } from '../onnx/export-onnx.ts';
import { spawnTsWorker } from '../parallel/spawn-ts-worker.ts';
import { loadOnnxRuntime } from './onnx-runtime.ts';
import type { Predictor } from './predictor.ts';
import { PredictorUnavailableError } from './predictor-unavailable.error.ts';

const WORKER = new URL('./onnx.worker.ts', import.meta.url);

/**
 * ONNX Runtime inference of `model` (exported to ONNX in memory) in a worker thread
 * (onnx.worker.ts), `threads` intra-op threads: `predict` copies the rows once, transfers the
 * copy to the worker and resolves with its outputs, leaving this thread free meanwhile. Batches
 * are answered in order.
 */
export async function onnxPredictor(model: tf.LayersModel, threads: number): Promise<Predictor> {
  const bytes = exportOnnx(model); // throws OnnxExportError for what it cannot represent
  const ort = await loadOnnxRuntime(); // here first: a clear error when it is not installed
  const inputShape = model.inputs[0]?.shape.slice(1) as number[];
  const outputWidth = (model.outputs[0]?.shape.slice(1) as number[]).reduce((a, d) => a * d, 1);
  const rowSize = inputShape.reduce((a, d) => a * d, 1);
  const worker = spawnTsWorker(WORKER, { model: bytes, threads, inputShape });
  const waiting: { resolve: (v: Float32Array) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready?: true; error?: string }) =>
      m.ready ? resolve() : reject(new PredictorUnavailableError(`ONNX Runtime: ${m.error}`)),
    );
    worker.once('error', reject);
  });
  worker.on('message', (m: { values?: Float32Array; error?: string }) => {
    const next = waiting.shift();
    if (m.values !== undefined) next?.resolve(m.values);
    else next?.reject(new PredictorUnavailableError(`ONNX Runtime: ${m.error}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new PredictorUnavailableError(`ONNX Runtime worker exited (${code})`)),
  );
  return {
    engine: `onnxruntime-${ort.env.versions.common}`,
    inputShape,
    outputWidth,
    predict: (x, rows) => {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        // A copy of the rows (the caller reuses `x`), handed over rather than cloned again.
        const rowsOf = x.slice(0, rows * rowSize);
        worker.postMessage({ x: rowsOf, rows }, [rowsOf.buffer]);
      });
    },
    dispose: async () => {
      failure ??= new PredictorUnavailableError('predictor disposed');
      await worker.terminate();
    },
  };
}
