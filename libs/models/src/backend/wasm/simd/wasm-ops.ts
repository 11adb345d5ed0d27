import type { Code } from './wasm-encoder.ts';
import { sleb, uleb } from './wasm-encoder.ts';

/*
 * WebAssembly instructions as code fragments, named after the text format
 * (https://webassembly.github.io/spec/core/binary/instructions.html). Loads and stores take a
 * static byte offset; SIMD ones are 0xfd-prefixed.
 */

const simd = (op: number): number[] => [0xfd, ...uleb(op)];

export const get = (local: number): Code => [0x20, ...uleb(local)];
export const set = (local: number): Code => [0x21, ...uleb(local)];
export const i32 = (value: number): Code => [0x41, ...sleb(value)];

export const i32Add: Code = [0x6a];
export const i32Sub: Code = [0x6b];
export const i32Mul: Code = [0x6c];
export const i32Shl: Code = [0x74];
export const i32GtU: Code = [0x4b];
export const i32GeU: Code = [0x4f];

export const f32Load = (offset = 0): Code => [0x2a, 2, ...uleb(offset)];
export const f32Store = (offset = 0): Code => [0x38, 2, ...uleb(offset)];
export const i32Store8 = (offset = 0): Code => [0x3a, 0, ...uleb(offset)];
export const f32Eq: Code = [0x5b];
export const f32Gt: Code = [0x5e];
export const i32Eq: Code = [0x46];
/** select(a, b, condition): a when condition ≠ 0, else b. */
export const select: Code = [0x1b];
export const f32Add: Code = [0x92];
export const f32Sub: Code = [0x93];
export const f32Mul: Code = [0x94];
export const f32Zero: Code = [0x43, 0, 0, 0, 0];
export const f32Max: Code = [0x97];
export const f32Div: Code = [0x95];
export const f32Sqrt: Code = [0x91];

export const v128Load = (offset = 0): Code => [...simd(0x00), 4, ...uleb(offset)];
export const v128Store = (offset = 0): Code => [...simd(0x0b), 4, ...uleb(offset)];
/** Loads one float32 into all 4 lanes (f32.load + f32x4.splat in one instruction). */
export const v128Load32Splat = (offset = 0): Code => [...simd(0x09), 2, ...uleb(offset)];
export const i8x16Splat: Code = simd(0x0f);
export const f32x4Splat: Code = simd(0x13);
export const f32x4ExtractLane = (lane: number): Code => [...simd(0x1f), lane];
export const f32x4Eq: Code = simd(0x41);
export const f32x4Gt: Code = simd(0x44);
export const i32x4Splat: Code = simd(0x11);
export const i32x4Eq: Code = simd(0x37);
/** v128.bitselect(a, b, mask): bits of a where mask is 1, of b where 0. */
export const v128Bitselect: Code = simd(0x52);
export const v128And: Code = simd(0x4e);
export const i8x16NarrowI16x8S: Code = simd(0x65);
export const i16x8NarrowI32x4S: Code = simd(0x85);
export const f32x4Add: Code = simd(0xe4);
export const f32x4Sub: Code = simd(0xe5);
export const f32x4Mul: Code = simd(0xe6);
export const f32x4Max: Code = simd(0xe9);
export const f32x4Div: Code = simd(0xe7);
export const f32x4Sqrt: Code = simd(0xe3);
/** Relaxed SIMD (a·b + c, fused where the CPU can): validates only where V8 enables it. */
export const f32x4RelaxedMadd: Code = simd(0x105);

/** `local += value` (i32). */
export const addTo = (local: number, value: Code): Code => [get(local), value, i32Add, set(local)];

/** `while (!(exit)) { body }` — `exit` is an i32 condition evaluated before each pass. */
export function whileNot(exit: Code, body: Code): Code {
  return [0x02, 0x40, 0x03, 0x40, exit, 0x0d, 1, body, 0x0c, 0, 0x0b, 0x0b];
}

/** `if (condition) { then } else { otherwise }` with an i32 condition, no result. */
export function ifElse(condition: Code, then: Code, otherwise: Code): Code {
  return [condition, 0x04, 0x40, then, 0x05, otherwise, 0x0b];
}

/** `for (local = 0; local < limit; local++) { body }` with i32 `limit` code. */
export function forRange(local: number, limit: Code, body: Code): Code {
  return [i32(0), set(local), whileNot([get(local), limit, i32GeU], [body, addTo(local, i32(1))])];
}
