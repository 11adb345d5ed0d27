import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { SimdModule } from './simd/simd-module.ts';
import { simdModule } from './simd/simd-module.ts';
import { UnsupportedKernelInputError } from './unsupported-kernel-input.error.ts';
import { gemmPacked, packB, packedBytes } from './simd/packed-gemm.ts';

/**
 * `Conv2DBackpropFilter` for wasm, which lacks it (so `tf.layers.conv1d`/`conv2d` cannot train).
 *
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh + kh − top, ow·sw + kw − left, ci] · dy[b, oh, ow, co]
 *
 * is the product colᵀ [K = fH·fW·Cin, M = N·oH·oW] × dy [M, Cout]. The im2col matrix is written
 * straight into wasm memory already transposed, and the product runs in Strand's packed SIMD
 * GEMM (dy packed once, in panels of 8 columns; simd/packed-gemm.ts): the wasm `BatchMatMul` is
 * either a naive loop (with a transpose, ~5× slower) or XNNPACK. The result [K, Cout] is the
 * filter gradient in HWIO order as it is. NHWC only (what tf.layers
 * produces); tfjs-core itself refuses dilated convolutions in gradients, so there is no dilation
 * to handle.
 */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
      attrs as unknown as tf.Conv2DBackpropFilterAttrs;
    if (dataFormat !== 'NHWC') {
      throw new UnsupportedKernelInputError(
        tf.Conv2DBackpropFilter,
        `dataFormat "${dataFormat}"`,
        'use NHWC (channelsLast)',
      );
    }
    for (const t of [x, dy]) {
      if (t.dtype !== 'float32') {
        throw new UnsupportedKernelInputError(
          tf.Conv2DBackpropFilter,
          `dtype "${t.dtype}"`,
          'cast to float32',
        );
      }
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const K = info.filterHeight * info.filterWidth * info.inChannels;
    const M = info.batchSize * info.outHeight * info.outWidth;
    const Co = info.outChannels;
    const colT = wasm.makeOutput([K, M], 'float32');
    const packed = wasm.makeOutput([packedBytes(M, Co) / 4], 'float32');
    const out = wasm.makeOutput([...filterShape], 'float32');
    // The view is taken after the allocations: a malloc may grow the heap and detach older views.
    const col = wasm.typedArrayFromHeap(colT) as Float32Array;
    const simd = simdModule(wasm);
    im2colTransposed(info, simd, wasm.getMemoryOffset(x.dataId), col);
    const [pc, pdy, pp, pout] = [colT, dy, packed, out].map((t) => wasm.getMemoryOffset(t.dataId));
    const dyPanels = packB(wasm, simd, pdy as number, M, Co, pp as number);
    gemmPacked(wasm, simd, [{ a: pc as number, c: pout as number }], K, M * 4, dyPanels, Co * 4);
    wasm.disposeData(colT.dataId);
    wasm.disposeData(packed.dataId);
    return out;
  },
};

/**
 * colT[(kh·fW + kw)·Cin + ci][(b·oH + oh)·oW + ow] = x[b, ih, iw, ci], 0 in the padding. One
 * wasm call per (kh, kw, ci, oh) copies the in-image columns of every batch item (a JS loop costs
 * ~4 ns an element here); padding, if any, is zeroed first with a native fill.
 */
function im2colTransposed(
  info: tf.backend_util.Conv2DInfo,
  simd: SimdModule,
  xOffset: number,
  colT: Float32Array,
): void {
  const {
    batchSize: N,
    inHeight: H,
    inWidth: W,
    inChannels: C,
    outHeight: oH,
    outWidth: oW,
  } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fH, filterWidth: fW } = info;
  const { top, left } = info.padInfo;
  const M = N * oH * oW;
  if (top > 0 || left > 0 || info.padInfo.bottom > 0 || info.padInfo.right > 0) colT.fill(0);
  for (let kh = 0; kh < fH; kh++) {
    for (let kw = 0; kw < fW; kw++) {
      // Output columns whose input column lies inside the image: the rest read padding.
      const owMin = Math.min(oW, Math.max(0, Math.ceil((left - kw) / sw)));
      const owMax = Math.max(owMin, Math.min(oW, Math.floor((W - 1 + left - kw) / sw) + 1));
      for (let ci = 0; ci < C; ci++) {
        const row = ((kh * fW + kw) * C + ci) * M;
        for (let oh = 0; oh < oH; oh++) {
          const ih = oh * sh + kh - top;
          if (ih < 0 || ih >= H || owMax === owMin) continue;
          const x = xOffset + ((ih * W + (owMin * sw + kw - left)) * C + ci) * 4;
          const col = colT.byteOffset + (row + oh * oW + owMin) * 4;
          simd.gather_rows(x, col, N, owMax - owMin, sw * C * 4, H * W * C * 4, oH * oW * 4);
        }
      }
    }
  }
}
