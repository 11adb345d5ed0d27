import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneHotEncode, oneHotEncodeBatch } from './one-hot.ts';

const third = Math.fround(1 / 3);

describe('oneHotEncode', () => {
  it('encodes ACGT as rows in A, C, G, T order', () => {
    expect([...oneHotEncode('ACGT')]).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('reads soft-masked lowercase as uppercase and U as T', () => {
    expect(oneHotEncode('acgtu')).toEqual(oneHotEncode('ACGTT'));
  });

  it('spreads ambiguity codes evenly over their bases', () => {
    const rows = (seq: string) => {
      const flat = [...oneHotEncode(seq)];
      return Array.from({ length: seq.length }, (_, i) => flat.slice(i * 4, i * 4 + 4));
    };
    expect(rows('NRYSWKM')).toEqual([
      [0.25, 0.25, 0.25, 0.25],
      [0.5, 0, 0.5, 0],
      [0, 0.5, 0, 0.5],
      [0, 0.5, 0.5, 0],
      [0.5, 0, 0, 0.5],
      [0, 0, 0.5, 0.5],
      [0.5, 0.5, 0, 0],
    ]);
    expect(rows('bdhv')).toEqual([
      [0, third, third, third],
      [third, 0, third, third],
      [third, third, 0, third],
      [third, third, third, 0],
    ]);
  });

  it('gives every valid character a row that sums to 1', () => {
    const iupac = fc.constantFrom(...'ACGTUNRYSWKMBDHVacgtunryswkmbdhv');
    fc.assert(
      fc.property(fc.array(iupac, { maxLength: 50 }), (chars) => {
        const flat = oneHotEncode(chars.join(''));
        for (let i = 0; i < chars.length; i++) {
          const sum = flat[i * 4] + flat[i * 4 + 1] + flat[i * 4 + 2] + flat[i * 4 + 3];
          expect(sum).toBeCloseTo(1, 6);
        }
      }),
    );
  });

  it('writes into a given array at an offset and leaves the rest alone', () => {
    const out = new Float32Array(12).fill(9);
    expect(oneHotEncode('GA', out, 2)).toBe(out);
    expect([...out]).toEqual([9, 9, 0, 0, 1, 0, 1, 0, 0, 0, 9, 9]);
  });

  it('rejects an offset that leaves too little room', () => {
    expect(() => oneHotEncode('ACG', new Float32Array(12), 4)).toThrow(
      'offset 4 leaves no room for 12 floats in an array of 12',
    );
  });

  it('throws INVALID_BASE naming the character and its 0-based position', () => {
    expect(() => oneHotEncode(`${'A'.repeat(17)}XA`)).toThrow(
      expect.objectContaining({ code: 'INVALID_BASE', message: 'invalid base "X" at position 17' }),
    );
    expect(() => oneHotEncode('AC-G')).toThrow('invalid base "-" at position 2');
    expect(() => oneHotEncode('ACĀ')).toThrow('invalid base "Ā" at position 2');
  });

  it('encodes an empty sequence as an empty array', () => {
    expect(oneHotEncode('')).toEqual(new Float32Array(0));
  });
});

describe('oneHotEncodeBatch', () => {
  it('lays out [n, length, 4] and pads short sequences with zero rows at the end', () => {
    const batch = oneHotEncodeBatch(['ACG', 'T'], 3);
    expect([...batch]).toEqual([
      ...[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0],
      ...[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('throws on a sequence longer than length, naming it', () => {
    expect(() => oneHotEncodeBatch(['AC', 'ACGT'], 3)).toThrow(
      expect.objectContaining({
        code: 'SEQUENCE_TOO_LONG',
        message: 'sequence 1 has length 4, longer than 3',
      }),
    );
  });

  it('names the sequence of an invalid base', () => {
    expect(() => oneHotEncodeBatch(['AC', 'AZ'], 2)).toThrow(
      'invalid base "Z" at position 1 of sequence 1',
    );
  });

  it('rejects a length that is not a non-negative integer', () => {
    expect(() => oneHotEncodeBatch([], -1)).toThrow('length must be an integer ≥ 0, got -1');
  });
});
