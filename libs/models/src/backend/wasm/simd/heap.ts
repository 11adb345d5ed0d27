import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The whole wasm heap as floats (take it after the last allocation: growth detaches it). */
export function heapF32(wasm: BackendWasm): Float32Array {
  return new Float32Array((wasm.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.buffer);
}
