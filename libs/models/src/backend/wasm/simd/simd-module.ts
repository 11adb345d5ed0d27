import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BroadcastPass } from '../broadcast-plan.ts';
import { encodeModule } from './wasm-encoder.ts';
import { SIMD_FUNCTIONS } from './simd-functions.ts';

/** Strand's SIMD helpers, bound to one wasm backend's heap (see simd-functions.ts). */
export interface SimdModule {
  equal_vv(
    a: number,
    b: number,
    out: number,
    n: number,
    count: number,
    aStep: number,
    bStep: number,
  ): void;
  equal_vs(
    a: number,
    b: number,
    out: number,
    n: number,
    count: number,
    aStep: number,
    bStep: number,
  ): void;
  add_vv: BroadcastPass;
  add_vs: BroadcastPass;
  mul_vv: BroadcastPass;
  mul_vs: BroadcastPass;
  max_mid(x: number, out: number, outer: number, mid: number, inner: number): void;
  sum_mid(x: number, out: number, outer: number, mid: number, inner: number): void;
  gather_rows(
    src: number,
    dst: number,
    rows: number,
    n: number,
    strideBytes: number,
    srcRowBytes: number,
    dstRowBytes: number,
  ): void;
  gemm_tiles(
    a: number,
    b: number,
    c: number,
    depth: number,
    rowTiles: number,
    colTiles: number,
    aRow: number,
    bRow: number,
    cRow: number,
    accumulate: number,
  ): void;
  gemm_edge(
    a: number,
    b: number,
    c: number,
    m: number,
    rows: number,
    cols: number,
    aRow: number,
    bRow: number,
    cRow: number,
  ): void;
  adam_update(
    value: number,
    m: number,
    v: number,
    g: number,
    outValue: number,
    outM: number,
    outV: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    oneMinusAccBeta1: number,
    oneMinusAccBeta2: number,
    negLearningRate: number,
    epsilon: number,
  ): void;
}

// The WebAssembly global, typed here: the project's `lib` (ES2023, no DOM) does not declare it.
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

let compiled: object | undefined;
const instances = new WeakMap<object, SimdModule>();

/**
 * The helper module instantiated on `backend`'s memory, compiled once per thread (~1 kB, so a
 * synchronous compile is allowed even on a browser's main thread).
 */
export function simdModule(backend: BackendWasm): SimdModule {
  // Emscripten exposes the instance's exports, among them the heap's Memory, as `asm`.
  const memory = (backend.wasm as unknown as { asm: { memory: object } }).asm.memory;
  let instance = instances.get(memory);
  if (instance === undefined) {
    compiled ??= new wasmApi.Module(encodeModule(SIMD_FUNCTIONS));
    const { exports } = new wasmApi.Instance(compiled, { env: { memory } });
    instance = exports as unknown as SimdModule;
    instances.set(memory, instance);
  }
  return instance;
}
