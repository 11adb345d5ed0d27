/**
 * A minimal WebAssembly binary encoder: just enough to build Strand's SIMD helper module at run
 * time (no toolchain in the build). Format: https://webassembly.github.io/spec/core/binary/.
 * Every function takes i32 parameters (then, optionally, f32 ones) and returns nothing; the module
 * imports its memory, which is the tfjs wasm backend's heap, so the helpers read and write
 * tensors in place.
 */

/** Bytes of code; nested arrays are flattened. */
export type Code = (number | Code)[];

/** One function of the module. */
export interface WasmFunction {
  readonly name: string;
  /** Number of i32 parameters (pointers, counts), locals 0 … params − 1. */
  readonly params: number;
  /** Number of f32 parameters after them (scalars), locals params … params + f32Params − 1. */
  readonly f32Params?: number;
  /** Extra locals by type, after the parameters: i32, then f32, then v128. */
  readonly locals: { readonly i32?: number; readonly f32?: number; readonly v128?: number };
  readonly body: Code;
}

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** Encodes a module that imports `env.memory` and exports `functions` by name. */
export function encodeModule(functions: readonly WasmFunction[]): Uint8Array<ArrayBuffer> {
  const signature = (f: WasmFunction): string => `${f.params}:${f.f32Params ?? 0}`;
  const signatures = [...new Set(functions.map(signature))];
  const types = signatures.map((key) => {
    const [i32s, f32s] = key.split(':').map(Number) as [number, number];
    const params = [...Array<number[]>(i32s).fill([I32]), ...Array<number[]>(f32s).fill([F32])];
    return [0x60, ...vec(params), 0x00];
  });
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, 0x01];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const groups = [
      [f.locals.i32 ?? 0, I32],
      [f.locals.f32 ?? 0, F32],
      [f.locals.v128 ?? 0, V128],
    ].filter(([count]) => count > 0);
    const code = [
      ...vec(groups.map(([count, type]) => [...uleb(count), type])),
      ...flat(f.body),
      0x0b,
    ];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(functions.map((f) => uleb(signatures.indexOf(signature(f)))))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}

/** Flattens nested code into bytes. */
export function flat(code: Code): number[] {
  const out: number[] = [];
  const walk = (c: Code): void => {
    for (const item of c) {
      if (typeof item === 'number') out.push(item);
      else walk(item);
    }
  };
  walk(code);
  return out;
}

function vec(items: readonly number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}
