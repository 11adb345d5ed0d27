import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { gemm } from './simd/gemm.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `Conv2D` for wasm when it is a conv1d (what `tf.layers.conv1d` runs: x [N, 1, W, C], filter
 * [1, fW, C, Co], NHWC, float32, no dilation), as a product in Strand's SIMD GEMM without an
 * im2col copy: with one input row, output column ow reads the fW·C consecutive values of x from
 * (ow·sw − left)·C on, so the im2col matrix is x itself read with a row stride of sw·C. The
 * filter in HWIO order is already B [fW·C, Co]. The wasm kernel (XNNPACK) took 1.4 ms on the
 * DeepBind batch (64 × 101 × 4 by 12 × 4 × 64); this 1.0 ms. Output columns whose window
 * reaches into the padding get their own zero-padded rows. Any other convolution goes to the
 * kernel it replaces.
 */
export function conv2dConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Conv2D,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
      const { strides, pad, dataFormat, dilations, dimRoundingMode } =
        args.attrs as unknown as tf.Conv2DAttrs;
      const conv1d =
        dataFormat === 'NHWC' &&
        x.dtype === 'float32' &&
        filter.dtype === 'float32' &&
        x.shape[1] === 1 &&
        filter.shape[0] === 1;
      if (!conv1d) return original.kernelFunc(args);
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filter.shape as [number, number, number, number],
        strides,
        dilations,
        pad,
        dimRoundingMode,
      );
      const { padInfo } = info;
      if (
        info.dilationWidth !== 1 ||
        info.dilationHeight !== 1 ||
        info.outHeight !== 1 ||
        padInfo.top !== 0 ||
        padInfo.bottom !== 0
      ) {
        return original.kernelFunc(args);
      }
      return conv1dGemm(args.backend as BackendWasm, x, filter, info);
    },
  };
}

function conv1dGemm(
  wasm: BackendWasm,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize: N, inWidth: W, inChannels: C, outWidth: oW, outChannels: Co } = info;
  const { strideWidth: sw, filterWidth: fW } = info;
  const left = info.padInfo.left;
  const K = fW * C;
  // Output columns [inFrom, inTo) see only real input; the others reach into the padding.
  const inFrom = Math.min(oW, Math.ceil(left / sw));
  const inTo = Math.max(inFrom, Math.min(oW, Math.floor((W + left - fW) / sw) + 1));
  // The left border's columns, then the right border's: their windows are written into
  // scratch rows, zero-padded.
  const borderColumns = [...range(0, inFrom), ...range(inTo, oW)];
  const border = borderColumns.length;
  const out = wasm.makeOutput([N, 1, oW, Co], 'float32');
  const scratch = border > 0 ? wasm.makeOutput([border, K], 'float32') : undefined;
  const simd = simdModule(wasm);
  const [px, pf, po] = [x, filter, out].map((t) => wasm.getMemoryOffset(t.dataId)) as [
    number,
    number,
    number,
  ];
  // Views after every allocation: a malloc may grow the heap and detach older ones.
  const xs = scratch && (wasm.typedArrayFromHeap(x) as Float32Array);
  const rows = scratch && (wasm.typedArrayFromHeap(scratch) as Float32Array);
  const ps = scratch && wasm.getMemoryOffset(scratch.dataId);
  for (let b = 0; b < N; b++) {
    const xb = px + b * W * C * 4;
    const ob = po + b * oW * Co * 4;
    if (inTo > inFrom) {
      const a = xb + (inFrom * sw - left) * C * 4;
      gemm(simd, a, pf, ob + inFrom * Co * 4, inTo - inFrom, K, Co, sw * C * 4);
    }
    if (xs !== undefined && rows !== undefined && ps !== undefined) {
      borderColumns.forEach((ow, r) => {
        for (let kw = 0; kw < fW; kw++) {
          const iw = ow * sw - left + kw;
          const row = rows.subarray((r * fW + kw) * C, (r * fW + kw + 1) * C);
          if (iw < 0 || iw >= W) row.fill(0);
          else row.set(xs.subarray((b * W + iw) * C, (b * W + iw + 1) * C));
        }
      });
      if (inFrom > 0) gemm(simd, ps, pf, ob, inFrom, K, Co);
      if (oW > inTo) gemm(simd, ps + inFrom * K * 4, pf, ob + inTo * Co * 4, oW - inTo, K, Co);
    }
  }
  if (scratch !== undefined) wasm.disposeData(scratch.dataId);
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
