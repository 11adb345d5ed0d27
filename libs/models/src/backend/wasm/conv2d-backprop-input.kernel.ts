import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv1dGemm } from './conv1d-gemm.ts';
import { heapF32 } from './simd/heap.ts';

/**
 * `Conv2DBackpropInput` for wasm when it is a stride-1 conv1d's input gradient (x [N, 1, W, C],
 * filter [1, fW, C, Co], NHWC, float32):
 *
 *   dx[b, iw, ci] = Σ_kw Σ_co dy[b, iw + left − kw, co] · W[kw, ci, co]
 *
 * is itself a conv1d of dy with the filter flipped along its width and transposed,
 * W'[fW − 1 − kw, co, ci] = W[kw, ci, co], padded fW − 1 − left on the left: the same GEMM as
 * the forward pass (conv1d-gemm.ts). The wasm kernel it replaces loops naively: on DeepSEA's
 * second convolution (batch 16, 241 × 480 → 248 × 320) it took 3.4 s, 45% of a training step.
 * Strided, padded-in-height, over-padded or NCHW cases go to the kernel it replaces.
 */
export function conv2dBackpropInputConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } =
        args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
      if (
        dataFormat !== 'NHWC' ||
        dy.dtype !== 'float32' ||
        filter.dtype !== 'float32' ||
        inputShape[1] !== 1 ||
        filter.shape[0] !== 1
      ) {
        return original.kernelFunc(args);
      }
      const info = tf.backend_util.computeConv2DInfo(
        inputShape,
        filter.shape as [number, number, number, number],
        strides,
        1,
        pad,
        dimRoundingMode,
      );
      const { padInfo } = info;
      // A left padding wider than the filter would crop dy: rare, left to the wasm kernel.
      const cropped = padInfo.left > info.filterWidth - 1;
      if (info.strideWidth !== 1 || info.outHeight !== 1 || padInfo.top !== 0 || cropped) {
        return original.kernelFunc(args);
      }
      const wasm = args.backend as BackendWasm;
      const { filterWidth: fW, inChannels: C, outChannels: Co } = info;
      const flipped = flipTranspose(wasm, filter, fW, C, Co);
      const dx = wasm.makeOutput([...inputShape], 'float32');
      const [pdy, pw, pdx] = [dy, flipped, dx].map((t) => wasm.getMemoryOffset(t.dataId));
      conv1dGemm(wasm, pdy as number, pw as number, pdx as number, {
        batch: info.batchSize,
        width: info.outWidth,
        channels: Co,
        filterWidth: fW,
        outChannels: C,
        stride: 1,
        left: fW - 1 - padInfo.left,
        outWidth: info.inWidth,
      });
      wasm.disposeData(flipped.dataId);
      return dx;
    },
  };
}

/** W [1, fW, C, Co] → W' [fW, Co, C] with W'[fW − 1 − kw] = W[kw]ᵀ (wasm Transpose, then a block reversal). */
function flipTranspose(
  wasm: BackendWasm,
  filter: tf.TensorInfo,
  fW: number,
  C: number,
  Co: number,
): tf.TensorInfo {
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (transpose === undefined) throw new Error('Transpose is not registered for wasm');
  const transposed = transpose.kernelFunc({
    inputs: { x: filter },
    backend: wasm,
    attrs: { perm: [0, 1, 3, 2] },
  }) as tf.TensorInfo;
  const flipped = wasm.makeOutput([fW, Co, C], 'float32');
  const heap = heapF32(wasm);
  const [from, to] = [transposed, flipped].map((t) => wasm.getMemoryOffset(t.dataId) / 4) as [
    number,
    number,
  ];
  const block = Co * C;
  for (let kw = 0; kw < fW; kw++) {
    const source = from + kw * block;
    heap.copyWithin(to + (fW - 1 - kw) * block, source, source + block);
  }
  wasm.disposeData(transposed.dataId);
  return flipped;
}
