import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapF32 } from './heap.ts';
import type { SimdModule } from './simd-module.ts';

/**
 * Strand's blocked GEMM on a packed B, for products whose B serves many rows: a conv1d's filter
 * (every batch item's rows), a gradient's dy. Map:
 *   packB ........ B [depth, cols] → panels of 8 columns, [panel][depth][8], the last zero-padded
 *   gemmPacked ... C [rows, cols] (+)= A · B over several items (same B, A and C per item)
 *
 * Blocking (BLIS's, sized for this machine's 48 kB L1 and 1 MB L2): depth in blocks of `kc`
 * such that the packed B block (kc × cols) stays in L2 across every item's row tiles, and a
 * tile's 4 rows of A (4 × kc) in L1. Ragged edges go through scratch buffers instead of scalar
 * loops: the last rows % 4 rows of A are copied into a zero-padded 4-row block, the columns of
 * the zero-padded last panel land in a scratch strip; both are copied into C at the end. So
 * every multiply-add runs in the SIMD tile, whatever the shape (the old path ran ragged rows
 * of a blocked product in a scalar loop, ~8× slower per multiply-add).
 */

/** B packed by `packB`: `panels` panels of [depth][8] floats at `ptr` (byte offset). */
export interface PackedB {
  ptr: number;
  depth: number;
  cols: number;
  panels: number;
}

/** Bytes `packB` needs for B [depth, cols]. */
export function packedBytes(depth: number, cols: number): number {
  return Math.ceil(cols / 8) * depth * 32;
}

/** Packs B [depth, cols] (rows `bRowBytes` apart, default cols·4) into `dst` (packedBytes). */
export function packB(
  wasm: BackendWasm,
  simd: SimdModule,
  b: number,
  depth: number,
  cols: number,
  dst: number,
  bRowBytes = cols * 4,
): PackedB {
  const full = Math.floor(cols / 8);
  simd.pack_b(b, dst, depth, full, bRowBytes);
  const ragged = cols - full * 8;
  if (ragged > 0) {
    const panel = dst + full * depth * 32;
    heapF32(wasm).fill(0, panel / 4, panel / 4 + depth * 8);
    simd.gather_rows(b + full * 32, panel, depth, ragged, 4, bRowBytes, 32);
  }
  return { ptr: dst, depth, cols, panels: full + (ragged > 0 ? 1 : 0) };
}

/** One product of a batch: A [rows, depth] rows `aRowBytes` apart, C [rows, cols] `cRowBytes`. */
export interface GemmItem {
  a: number;
  c: number;
}

/** Depth block: the packed B block (kc × cols floats) takes ~512 kB of the 1 MB L2. */
function depthBlock(depth: number, panels: number): number {
  const kc = Math.floor((512 * 1024) / (panels * 32));
  return Math.max(32, Math.min(depth, kc));
}

/**
 * For every item: C = A · B (or C += A · B with `accumulate`), A read with row stride
 * `aRowBytes` (it may overlap: im2col rows of a stride-1 conv1d), C written with `cRowBytes`.
 */
export function gemmPacked(
  wasm: BackendWasm,
  simd: SimdModule,
  items: readonly GemmItem[],
  rows: number,
  aRowBytes: number,
  b: PackedB,
  cRowBytes: number,
  accumulate = false,
): void {
  if (rows === 0 || b.cols === 0 || items.length === 0) return;
  const { depth, cols, panels } = b;
  const panelBytes = depth * 32;
  const full = Math.floor(cols / 8);
  const tiles = Math.floor(rows / 4);
  const raggedRows = rows - tiles * 4;
  const raggedCols = cols - full * 8;
  const kc = depthBlock(depth, panels);
  // Scratch, per item: the right strip (tiles·4 × 8), the bottom block's A (4 × kc) and C
  // (4 × panels·8). One allocation; views taken after it (a malloc may grow the heap).
  const strip = raggedCols > 0 ? tiles * 4 * 8 : 0;
  const bottomA = raggedRows > 0 ? 4 * kc : 0;
  const bottomC = raggedRows > 0 ? 4 * panels * 8 : 0;
  const perItem = strip + bottomC;
  const total = perItem * items.length + bottomA;
  const scratch = total > 0 ? wasm.makeOutput([total], 'float32') : undefined;
  const base = scratch === undefined ? 0 : wasm.getMemoryOffset(scratch.dataId);
  const heap = heapF32(wasm);
  const stripAt = (i: number) => base + i * perItem * 4;
  const bottomCAt = (i: number) => stripAt(i) + strip * 4;
  const bottomAAt = base + perItem * items.length * 4;
  if (bottomA > 0) heap.fill(0, bottomAAt / 4, bottomAAt / 4 + bottomA);
  if (accumulate && scratch !== undefined) {
    // Start the scratch outputs from C's current values, as the tiles start from C's.
    items.forEach(({ c }, i) => {
      if (strip > 0)
        simd.gather_rows(c + full * 32, stripAt(i), tiles * 4, raggedCols, 4, cRowBytes, 32);
      if (bottomC > 0) {
        simd.gather_rows(
          c + tiles * 4 * cRowBytes,
          bottomCAt(i),
          raggedRows,
          cols,
          4,
          cRowBytes,
          panels * 32,
        );
      }
    });
  }
  for (let k0 = 0; k0 < depth; k0 += kc) {
    const block = Math.min(kc, depth - k0);
    const acc = accumulate || k0 > 0 ? 1 : 0;
    const bk = b.ptr + k0 * 32;
    items.forEach(({ a, c }, i) => {
      const ak = a + k0 * 4;
      if (tiles > 0) {
        simd.gemm_packed(ak, bk, c, block, tiles, full, aRowBytes, cRowBytes, panelBytes, acc, 4);
        if (strip > 0) {
          const lastPanel = bk + full * panelBytes;
          simd.gemm_packed(
            ak,
            lastPanel,
            stripAt(i),
            block,
            tiles,
            1,
            aRowBytes,
            32,
            panelBytes,
            acc,
            4,
          );
        }
      }
      if (raggedRows > 0) {
        simd.gather_rows(
          ak + tiles * 4 * aRowBytes,
          bottomAAt,
          raggedRows,
          block,
          4,
          aRowBytes,
          kc * 4,
        );
        simd.gemm_packed(
          bottomAAt,
          bk,
          bottomCAt(i),
          block,
          1,
          panels,
          kc * 4,
          panels * 32,
          panelBytes,
          acc,
          4,
        );
      }
    });
  }
  items.forEach(({ c }, i) => {
    if (strip > 0)
      simd.gather_rows(stripAt(i), c + full * 32, tiles * 4, raggedCols, 4, 32, cRowBytes);
    if (bottomC > 0) {
      simd.gather_rows(
        bottomCAt(i),
        c + tiles * 4 * cRowBytes,
        raggedRows,
        cols,
        4,
        panels * 32,
        cRowBytes,
      );
    }
  });
  if (scratch !== undefined) wasm.disposeData(scratch.dataId);
}
