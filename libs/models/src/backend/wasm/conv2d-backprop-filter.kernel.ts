import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { SimdModule } from './simd/simd-module.ts';
import { simdModule } from './simd/simd-module.ts';
import { UnsupportedKernelInputError } from './unsupported-kernel-input.error.ts';
import { heapF32 } from './simd/heap.ts';
import { packB, packedBytes } from './simd/packed-gemm.ts';

/**
 * `Conv2DBackpropFilter` for wasm, which lacks it (so `tf.layers.conv1d`/`conv2d` cannot train).
 *
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh + kh − top, ow·sw + kw − left, ci] · dy[b, oh, ow, co]
 *
 * With the input zero-padded (channels to a multiple of 4, the GEMM's row tile, and the borders
 * the windows read), the rows (kw, ci) of dW for one kh are consecutive floats of the padded
 * input row oh·sh + kh, at ow·sw·C4 apart along ow: for each (b, oh, kh), dW[kh] += Aᵀ · dy[b, oh]
 * with A read in place (gemm_packed's `aStepBytes`), dy packed once in panels of 8 columns
 * (simd/packed-gemm.ts). No im2col matrix is written: Basset's second convolution (batch 64)
 * wrote and re-read a 169 MB one, and ran at 15 GFLOP/s against its forward pass's 24 on an
 * AVX2 EPYC (tools/bench/kernels/conv-kernels.ts). The product runs into a scratch [fH, fW·C4,
 * panels·8] when the channels are ragged, else straight into the result (HWIO). NHWC only (what
 * tf.layers produces); tfjs-core itself refuses dilated convolutions in gradients, so there is no
 * dilation to handle.
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
    const { batchSize: N, outHeight: oH, outWidth: oW, outChannels: Co } = info;
    const { strideHeight: sh, strideWidth: sw, filterHeight: fH, filterWidth: fW } = info;
    const input = paddedShape(info);
    const { C4, Hp, Wp } = input;
    const M = N * oH * oW;
    const panels = Math.ceil(Co / 8);
    const rows = fW * C4; // rows (kw, ci) of one kh block of the product
    const cRow = panels * 32;
    const direct = C4 === info.inChannels && Co % 8 === 0;
    const padded = wasm.makeOutput([input.padded ? N * Hp * Wp * C4 : 0], 'float32');
    const packed = wasm.makeOutput([packedBytes(M, Co) / 4], 'float32');
    const scratch = wasm.makeOutput([direct ? 0 : fH * rows * panels * 8], 'float32');
    const out = wasm.makeOutput([...filterShape], 'float32');
    // Offsets and views after the allocations: a malloc may grow the heap and detach older views.
    const [px, pdy, pPadded, pPacked, pScratch, pOut] = [x, dy, padded, packed, scratch, out].map(
      (t) => wasm.getMemoryOffset(t.dataId) as number,
    );
    const heap = heapF32(wasm);
    const simd = simdModule(wasm);
    if (M === 0) heap.fill(0, pOut / 4, pOut / 4 + tf.util.sizeFromShape(filterShape));
    else {
      const xa = input.padded ? padInput(info, input, simd, heap, px, pPadded) : px;
      const dyPanels = packB(wasm, simd, pdy, M, Co, pPacked);
      const c = direct ? pOut : pScratch;
      const aStep = sw * C4 * 4;
      // Depth (ow) in blocks whose packed dy (block × panels × 32 bytes) stays in L2.
      const block = Math.max(16, Math.floor((256 * 1024) / cRow));
      for (let b = 0; b < N; b++) {
        for (let oh = 0; oh < oH; oh++) {
          const dyRow = dyPanels.ptr + (b * oH + oh) * oW * 32;
          const first = b === 0 && oh === 0;
          for (let kh = 0; kh < fH; kh++) {
            const a = xa + (b * Hp + oh * sh + kh) * Wp * C4 * 4;
            for (let d0 = 0; d0 < oW; d0 += block) {
              simd.gemm_packed(
                a + d0 * aStep,
                dyRow + d0 * 32,
                c + kh * rows * cRow,
                Math.min(block, oW - d0),
                rows / 4,
                panels,
                4,
                cRow,
                M * 32,
                first && d0 === 0 ? 0 : 1,
                aStep,
              );
            }
          }
        }
      }
      if (!direct) {
        // scratch[kh][kw·C4 + ci][co] → out[kh][kw][ci][co]
        const { inChannels: Cin } = info;
        for (let tap = 0; tap < fH * fW; tap++) {
          simd.gather_rows(
            pScratch + tap * C4 * cRow,
            pOut + tap * Cin * Co * 4,
            Cin,
            Co,
            4,
            cRow,
            Co * 4,
          );
        }
      }
    }
    for (const t of [padded, packed, scratch]) wasm.disposeData(t.dataId);
    return out;
  },
};

/** The input as the product reads it: channels to C4, rows Hp and columns Wp with the borders. */
interface PaddedShape {
  C4: number;
  Hp: number;
  Wp: number;
  /** Whether it differs from the input (else the input is read in place). */
  padded: boolean;
}

function paddedShape(info: tf.backend_util.Conv2DInfo): PaddedShape {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: oH, outWidth: oW } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fH, filterWidth: fW } = info;
  const { top, left } = info.padInfo;
  const C4 = Math.ceil(C / 4) * 4;
  // Every row and column a window reads (padding included), and the whole input.
  const Hp = Math.max(top + H, (oH - 1) * sh + fH);
  const Wp = Math.max(left + W, (oW - 1) * sw + fW);
  // Hp ≥ top + H and Wp ≥ left + W: any border makes them larger than the input.
  return { C4, Hp, Wp, padded: C4 !== C || Hp !== H || Wp !== W };
}

/** Writes x into the zero-padded buffer at `dst`; returns `dst`. */
function padInput(
  info: tf.backend_util.Conv2DInfo,
  { C4, Hp, Wp }: PaddedShape,
  simd: SimdModule,
  heap: Float32Array,
  src: number,
  dst: number,
): number {
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C } = info;
  const { top, left } = info.padInfo;
  heap.fill(0, dst / 4, dst / 4 + N * Hp * Wp * C4);
  for (let b = 0; b < N; b++) {
    for (let ih = 0; ih < H; ih++) {
      const from = src + (b * H + ih) * W * C * 4;
      const to = dst + ((b * Hp + ih + top) * Wp + left) * C4 * 4;
      // A row of W·C floats: one native copy when the channels need no padding.
      if (C4 === C) heap.copyWithin(to / 4, from / 4, from / 4 + W * C);
      else simd.gather_rows(from, to, W, C, 4, C * 4, C4 * 4);
    }
  }
  return dst;
}
