import { describe, expect, it } from 'vitest';
import { enableRelaxedSimd } from './relaxed-simd.ts';
import { simdFunctions } from './simd-functions.ts';
import { encodeModule, sleb, uleb } from './wasm-encoder.ts';

const { WebAssembly: wasmApi } = globalThis as unknown as {
  WebAssembly: { validate(bytes: Uint8Array): boolean };
};

describe('wasm encoder', () => {
  it('encodes LEB128 as the spec examples do', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(127)).toEqual([127]);
    expect(uleb(128)).toEqual([0x80, 0x01]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-1)).toEqual([0x7f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  it("builds Strand's SIMD module as a valid WebAssembly binary", () => {
    expect(wasmApi.validate(encodeModule(simdFunctions(false)))).toBe(true);
  });

  it('builds its FMA variant as a valid binary where relaxed SIMD is on (Node 20: enabled at run time)', async () => {
    const on = await enableRelaxedSimd();
    expect(on).toBe(process.env['STRAND_WASM_FMA'] !== '0');
    expect(wasmApi.validate(encodeModule(simdFunctions(true)))).toBe(on);
  });
});
