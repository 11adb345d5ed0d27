import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BroadcastPass } from '../broadcast-plan.ts';
import { encodeModule } from './wasm-encoder.ts';
import { relaxedSimdAvailable } from './relaxed-simd.ts';
import { simdFunctions } from './simd-functions.ts';

type GemmNt = (
  a: number,
  b: number,
  c: number,
  depth: number,
  rowTiles: number,
  colTiles: number,
  aRow: number,
  bRow: number,
  cRow: number,
) => void;

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
  gemm_packed(
    a: number,
    bp: number,
    c: number,
    depth: number,
    rowTiles: number,
    panels: number,
    aRow: number,
    cRow: number,
    panelBytes: number,
    accumulate: number,
    aStep: number,
  ): void;
  pack_b(b: number, dst: number, depth: number, panels: number, bRow: number): void;
  gemm_nt_2x4: GemmNt;
  gemm_nt_1x1: GemmNt;
  max_pool_grad_1d(
    x: number,
    dy: number,
    dx: number,
    batch: number,
    rows: number,
    outRows: number,
    pool: number,
    channels: number,
  ): void;
  bn_sums(
    a: number,
    b: number,
    ma: number,
    mb: number,
    s1: number,
    s2: number,
    rows: number,
    n: number,
  ): void;
  bn_affine(
    a: number,
    b: number,
    c: number,
    k1: number,
    k2: number,
    k3: number,
    out: number,
    rows: number,
    n: number,
  ): void;
  /** Whether gemm_packed multiplies and adds in one rounding (relaxed-SIMD FMA). */
  readonly fma: boolean;
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

let compiled: { module: object; fma: boolean } | undefined;
const instances = new WeakMap<object, SimdModule>();

/**
 * The helper module instantiated on `backend`'s memory, compiled once per thread (a few kB, so
 * a synchronous compile is allowed even on a browser's main thread); with relaxed-SIMD FMA in
 * the GEMM where this thread's WebAssembly validates it (see relaxed-simd.ts).
 */
export function simdModule(backend: BackendWasm): SimdModule {
  // Emscripten exposes the instance's exports, among them the heap's Memory, as `asm`.
  const memory = (backend.wasm as unknown as { asm: { memory: object } }).asm.memory;
  let instance = instances.get(memory);
  if (instance === undefined) {
    if (compiled === undefined) {
      const fma = relaxedSimdAvailable();
      compiled = { module: new wasmApi.Module(encodeModule(simdFunctions(fma))), fma };
    }
    const { exports } = new wasmApi.Instance(compiled.module, { env: { memory } });
    instance = { ...(exports as unknown as SimdModule), fma: compiled.fma };
    instances.set(memory, instance);
  }
  return instance;
}
