import type { OnnxRuntime } from './onnx-runtime.ts';

/**
 * An ONNX Runtime session of one exported model: `threads` intra-op threads, sequential, that
 * sleep rather than spin between batches. Spinning threads took the core the JS thread needs to
 * cut and encode the next batch: with spinning off, 2-thread inference of the bench:score
 * DeepBind went from 76–81k to 94–99k variants/s and the whole scoring pipeline from 27–28k to
 * 29–30k.
 */
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
    extra: { session: { intra_op: { allow_spinning: '0' } } },
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
