import type { OnnxRuntime } from './onnx-runtime.ts';

/** An ONNX Runtime session of one exported model: `threads` intra-op threads, sequential. */
export async function onnxSession(
  ort: OnnxRuntime,
  model: Uint8Array,
  threads: number,
  inputShape: readonly number[],
): Promise<{ predict(x: Float32Array, rows: number): Promise<Float32Array> }> {
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const rowSize = inputShape.reduce((a, d) => a * d, 1);
  const [input, output] = [session.inputNames[0] as string, session.outputNames[0] as string];
  return {
    predict: async (x, rows) => {
      const tensor = new ort.Tensor('float32', x.subarray(0, rows * rowSize), [
        rows,
        ...inputShape,
      ]);
      const result = await session.run({ [input]: tensor });
      return result[output]?.data as Float32Array;
    },
  };
}
