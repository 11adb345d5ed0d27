import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { gemm } from './simd/gemm.ts';
import { simdModule } from './simd/simd-module.ts';

/**
 * `BatchMatMul` with `transposeA` or `transposeB` for wasm (the dense-layer gradients). The wasm
 * kernel runs those through a naive blocked loop; this transposes the operand with the wasm
 * `Transpose` kernel and multiplies in Strand's SIMD GEMM. Untransposed products (XNNPACK),
 * non-float32 dtypes and broadcast batch dimensions go to the kernel it replaces.
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
      const plain =
        (!transposeA && !transposeB) ||
        a.dtype !== 'float32' ||
        b.dtype !== 'float32' ||
        !tf.util.arraysEqual(outer, b.shape.slice(0, -2));
      if (plain) return original.kernelFunc(args);
      const wasm = args.backend as BackendWasm;
      const rank = a.shape.length;
      const m = a.shape[transposeA ? rank - 1 : rank - 2];
      const k = a.shape[transposeA ? rank - 2 : rank - 1];
      const n = b.shape[transposeB ? rank - 2 : rank - 1];
      if (k !== b.shape[transposeB ? rank - 1 : rank - 2]) return original.kernelFunc(args);
      const aa = transposeA ? swapLastTwo(wasm, a) : a;
      const bb = transposeB ? swapLastTwo(wasm, b) : b;
      const out = wasm.makeOutput([...outer, m, n], 'float32');
      const simd = simdModule(wasm);
      const [pa, pb, pc] = [aa, bb, out].map((t) => wasm.getMemoryOffset(t.dataId));
      const batches = tf.util.sizeFromShape(outer);
      for (let i = 0; i < batches; i++) {
        gemm(simd, pa + i * m * k * 4, pb + i * k * n * 4, pc + i * m * n * 4, m, k, n);
      }
      if (transposeA) wasm.disposeData(aa.dataId);
      if (transposeB) wasm.disposeData(bb.dataId);
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
