/**
 * ONNX Runtime in a worker thread: onnxruntime-node runs a session synchronously on the thread
 * that calls it (behind a setImmediate), so a predictor on the main thread would stop all other
 * work — reading the VCF, cutting and encoding windows, writing scores — for every batch. Here
 * the session runs beside it. Messages: `{ rows, x }` → `{ values }` (transferred) or
 * `{ error }`; the session is created from the model bytes in workerData.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadOnnxRuntime } from './onnx-runtime.ts';
import { onnxSession } from './onnx-session.ts';

const port = parentPort;
if (port === null) throw new Error('onnx.worker.ts must run in a worker thread');
const { model, threads, inputShape } = workerData as {
  model: Uint8Array;
  threads: number;
  inputShape: number[];
};
try {
  const session = await onnxSession(await loadOnnxRuntime(), model, threads, inputShape);
  port.on('message', ({ x, rows }: { x: Float32Array; rows: number }) => {
    session.predict(x, rows).then(
      (values) => {
        const copy = values.slice(); // ORT owns its output buffer
        port.postMessage({ values: copy }, [copy.buffer]);
      },
      (error: unknown) => port.postMessage({ error: String(error) }),
    );
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
