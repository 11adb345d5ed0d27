import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { gemmPacked, packB, packedBytes } from './simd/packed-gemm.ts';
import { heapF32 } from './simd/heap.ts';
import { simdModule } from './simd/simd-module.ts';

/** A conv1d's sizes: x [batch, width, channels] → out [batch, outWidth, outChannels]. */
export interface Conv1dGeometry {
  batch: number;
  width: number;
  channels: number;
  filterWidth: number;
  outChannels: number;
  stride: number;
  /** Zero columns before the input (the right padding follows from outWidth). */
  left: number;
  outWidth: number;
}

/**
 * out = conv1d(x, filter) for float32 tensors in the wasm heap (byte offsets), NHWC, filter
 * [filterWidth, channels, outChannels], as a product in Strand's packed SIMD GEMM without an
 * im2col copy: output column ow reads the filterWidth·channels consecutive values of x from
 * (ow·stride − left)·channels on, so the im2col matrix is x itself read with a row stride of
 * stride·channels. The filter is packed once and serves every batch item (packed-gemm.ts).
 * Output columns whose window reaches into the padding get their own zero-padded rows in a
 * scratch buffer. Used by the forward Conv2D and, on a flipped filter, by Conv2DBackpropInput.
 */
export function conv1dGemm(
  wasm: BackendWasm,
  px: number,
  pf: number,
  po: number,
  g: Conv1dGeometry,
): void {
  const { batch: N, width: W, channels: C, filterWidth: fW, outChannels: Co } = g;
  const { stride: sw, left, outWidth: oW } = g;
  const K = fW * C;
  // Output columns [inFrom, inTo) see only real input; the others reach into the padding.
  const inFrom = Math.min(oW, Math.ceil(left / sw));
  const inTo = Math.max(inFrom, Math.min(oW, Math.floor((W + left - fW) / sw) + 1));
  // The left border's columns, then the right border's: their windows are written into
  // scratch rows, zero-padded, one block per batch item.
  const borderColumns = [...range(0, inFrom), ...range(inTo, oW)];
  const border = borderColumns.length;
  const packed = wasm.makeOutput([packedBytes(K, Co) / 4], 'float32');
  const scratch = border > 0 ? wasm.makeOutput([N * border * K], 'float32') : undefined;
  const simd = simdModule(wasm);
  const filter = packB(wasm, simd, pf, K, Co, wasm.getMemoryOffset(packed.dataId));
  const xAt = (b: number) => px + b * W * C * 4;
  const outAt = (b: number) => po + b * oW * Co * 4;
  const batch = range(0, N);
  if (inTo > inFrom) {
    const items = batch.map((b) => ({
      a: xAt(b) + (inFrom * sw - left) * C * 4,
      c: outAt(b) + inFrom * Co * 4,
    }));
    gemmPacked(wasm, simd, items, inTo - inFrom, sw * C * 4, filter, Co * 4);
  }
  if (scratch !== undefined) {
    // Views after every allocation: a malloc may grow the heap and detach older ones.
    const heap = heapF32(wasm);
    const ps = wasm.getMemoryOffset(scratch.dataId);
    const rowsAt = (b: number, r: number) => ps + (b * border + r) * K * 4;
    for (const b of batch) {
      borderColumns.forEach((ow, r) => {
        for (let kw = 0; kw < fW; kw++) {
          const iw = ow * sw - left + kw;
          const row = rowsAt(b, r) / 4 + kw * C;
          if (iw < 0 || iw >= W) heap.fill(0, row, row + C);
          else heap.copyWithin(row, xAt(b) / 4 + iw * C, xAt(b) / 4 + (iw + 1) * C);
        }
      });
    }
    const leftItems = batch.map((b) => ({ a: rowsAt(b, 0), c: outAt(b) }));
    gemmPacked(wasm, simd, leftItems, inFrom, K * 4, filter, Co * 4);
    const rightItems = batch.map((b) => ({ a: rowsAt(b, inFrom), c: outAt(b) + inTo * Co * 4 }));
    gemmPacked(wasm, simd, rightItems, oW - inTo, K * 4, filter, Co * 4);
    wasm.disposeData(scratch.dataId);
  }
  wasm.disposeData(packed.dataId);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
