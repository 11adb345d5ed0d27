import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { gemmNt } from './simd/gemm-nt.ts';
import { gemmPacked, packB, packedBytes } from './simd/packed-gemm.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `BatchMatMul` for wasm in Strand's SIMD GEMMs (float32, equal batch dimensions; anything else
 * goes to the kernel it replaces):
 * - A · B (a dense layer's forward pass): B packed, then the blocked GEMM. The wasm kernel
 *   (XNNPACK) packs B into an operator it caches by tensor; a variable's new value every step
 *   misses that cache, so training repacked it anyway, then ran at ~7 GFLOP/s (DeepSEA's
 *   [16, 50880] · [50880, 925]: 200 ms, this ~60 ms);
 * - A · Bᵀ (the input gradient dy · Wᵀ): a kernel reading both along their rows, without the
 *   transposed copy of W the wasm kernel's naive loop or a Transpose would make;
 * - Aᵀ · B (the weight gradient xᵀ · dy): A (the small one: batch × features) transposed with the
 *   wasm `Transpose`, then the blocked GEMM; Aᵀ · Bᵀ: A transposed, then A · Bᵀ.
 */
export function batchMatMulConfig(original: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.BatchMatMul,
    backendName: 'wasm',
    ...(original.setupFunc !== undefined && { setupFunc: original.setupFunc }),
    kernelFunc: (args) => {
      const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const { transposeA, transposeB } = args.attrs as unknown as tf.BatchMatMulAttrs;
      const outer = a.shape.slice(0, -2);
      const unsupported =
        a.dtype !== 'float32' ||
        b.dtype !== 'float32' ||
        !tf.util.arraysEqual(outer, b.shape.slice(0, -2));
      if (unsupported) return original.kernelFunc(args);
      const wasm = args.backend as BackendWasm;
      const rank = a.shape.length;
      const m = a.shape[transposeA ? rank - 1 : rank - 2] as number;
      const k = a.shape[transposeA ? rank - 2 : rank - 1] as number;
      const n = b.shape[transposeB ? rank - 2 : rank - 1] as number;
      if (k !== b.shape[transposeB ? rank - 1 : rank - 2]) return original.kernelFunc(args);
      const aa = transposeA ? swapLastTwo(wasm, a) : a;
      const out = wasm.makeOutput([...outer, m, n], 'float32');
      const packed = transposeB ? undefined : wasm.makeOutput([packedBytes(k, n) / 4], 'float32');
      const simd = simdModule(wasm);
      const [pa, pb, pc] = [aa, b, out].map((t) => wasm.getMemoryOffset(t.dataId)) as [
        number,
        number,
        number,
      ];
      const batches = tf.util.sizeFromShape(outer);
      for (let i = 0; i < batches; i++) {
        const [ai, bi, ci] = [pa + i * m * k * 4, pb + i * k * n * 4, pc + i * m * n * 4];
        if (packed === undefined) {
          gemmNt(simd, ai, bi, ci, m, k, n);
        } else {
          const panels = packB(wasm, simd, bi, k, n, wasm.getMemoryOffset(packed.dataId));
          gemmPacked(wasm, simd, [{ a: ai, c: ci }], m, k * 4, panels, n * 4);
        }
      }
      if (transposeA) wasm.disposeData(aa.dataId);
      if (packed !== undefined) wasm.disposeData(packed.dataId);
      return out;
    },
  };
}

function swapLastTwo(backend: BackendWasm, x: tf.TensorInfo): tf.TensorInfo {
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (transpose === undefined) throw new Error('Transpose is not registered for wasm');
  const perm = x.shape.map((_, i) => i);
  [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
  return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as tf.TensorInfo;
}
