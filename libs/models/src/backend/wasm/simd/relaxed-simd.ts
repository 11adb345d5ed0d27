import { encodeModule } from './wasm-encoder.ts';
import { f32x4RelaxedMadd, get, v128Load } from './wasm-ops.ts';

// The WebAssembly global, typed here: the project's `lib` (ES2023, no DOM) does not declare it.
const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: { validate(bytes: Uint8Array): boolean };
};

/** A one-function module using `f32x4.relaxed_madd`: valid only where relaxed SIMD is on. */
const PROBE = encodeModule([
  {
    name: 'probe',
    params: 1,
    locals: {},
    body: [
      [get(0), v128Load(), get(0), v128Load(), get(0), v128Load(), f32x4RelaxedMadd],
      [0x1a], // drop
    ],
  },
]);

/** Whether this thread's WebAssembly validates relaxed-SIMD code (FMA in the GEMM). */
export function relaxedSimdAvailable(): boolean {
  if (process.env['STRAND_WASM_FMA'] === '0') return false;
  return wasmApi.validate(PROBE);
}

/**
 * Turns relaxed SIMD on where the engine has it behind a flag: Node 20's V8 (11.3) implements it
 * but ships it off (`--experimental-wasm-relaxed-simd`); V8 ≥ 11.4 (Node 22) has it on. V8 reads
 * its wasm feature flags when it validates a module, so setting the flag at run time through
 * Node's `v8.setFlagsFromString` takes effect for modules compiled afterwards, without a
 * command-line flag; the flag is process-wide, so worker threads see it too. Does nothing when
 * relaxed SIMD already validates, outside Node, or with `STRAND_WASM_FMA=0` (then the GEMM
 * multiplies and adds in two roundings, as the cpu backend does).
 */
export async function enableRelaxedSimd(): Promise<boolean> {
  if (process.env['STRAND_WASM_FMA'] === '0') return false;
  if (wasmApi.validate(PROBE)) return true;
  if (typeof process.versions?.node !== 'string') return false;
  const v8 = await import('node:v8');
  v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  return wasmApi.validate(PROBE);
}
