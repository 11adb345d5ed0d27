import { describe, expect, it } from 'vitest';
import { oneHotEncodeProtein, oneHotEncodeRna } from './alphabet-one-hot.ts';
import { kmerCounts } from './kmer-counts.ts';
import { oneHotEncode } from './one-hot.ts';
import { reverseComplementAugment, reverseComplementRows } from './reverse-complement-augment.ts';

describe('oneHotEncodeRna and oneHotEncodeProtein', () => {
  it('encodes RNA in ACGU order with N uniform, either case', () => {
    expect([...oneHotEncodeRna('uGn')]).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 0.25, 0.25, 0.25, 0.25]);
    expect(() => oneHotEncodeRna('AT')).toThrow('invalid RNA residue "T" at position 1');
  });

  it('encodes proteins in alphabetical one-letter order with X uniform', () => {
    const out = oneHotEncodeProtein('WaX');
    expect(out.length).toBe(60);
    expect(out.indexOf(1)).toBe(18); // W is the 19th of ACDEFGHIKLMNPQRSTVWY
    expect(out[20]).toBe(1); // a → A
    expect([...out.subarray(40)]).toEqual(new Array(20).fill(0.05).map(Math.fround));
    expect(() => oneHotEncodeProtein('MB')).toThrow('invalid protein residue "B" at position 1');
  });
});

describe('kmerCounts', () => {
  it('counts k-mers base-4 indexed, skipping those with N', () => {
    const counts = kmerCounts('AACGNAC', 2); // AA, AC, CG, AC
    expect(counts.length).toBe(16);
    expect([...counts.entries()].filter(([, n]) => n > 0)).toEqual([
      [0, 1],
      [1, 2],
      [6, 1],
    ]);
  });

  it('merges reverse complements at the smaller index when canonical', () => {
    // AAC (1) and its reverse complement GTT (47) both count at 1; ACG (6) ↔ CGT (27).
    const counts = kmerCounts('AACGTT', 3, { canonical: true });
    expect([...counts.entries()].filter(([, n]) => n > 0)).toEqual([
      [1, 2],
      [6, 2],
    ]);
    expect(() => kmerCounts('A', 9)).toThrow('k must be an integer in [1, 8], got 9');
  });
});

describe('reverseComplementAugment', () => {
  it('appends the reverse complements and repeats the labels', () => {
    const x = new Float32Array([...oneHotEncode('AC'), ...oneHotEncode('GN')]);
    const out = reverseComplementAugment(x, new Float32Array([1, 0]), 2);
    expect([...out.x]).toEqual([...x, ...oneHotEncode('GTNC')]);
    expect([...out.y]).toEqual([1, 0, 1, 0]);
    expect(() => reverseComplementAugment(x, new Float32Array(3), 2)).toThrow(
      'x of 16 floats and y of 3 do not split into 2 examples of [length, 4]',
    );
  });
});

describe('reverseComplementRows', () => {
  it('reverse-complements the picked rows in place and leaves the others', () => {
    const x = new Float32Array([...oneHotEncode('ACGTT'), ...oneHotEncode('GGNCA')]);
    reverseComplementRows(x, 2, 5, (row) => row === 0);
    expect([...x]).toEqual([...oneHotEncode('AACGT'), ...oneHotEncode('GGNCA')]);
    reverseComplementRows(x, 2, 5, () => true);
    expect([...x]).toEqual([...oneHotEncode('ACGTT'), ...oneHotEncode('TGNCC')]);
    expect(() => reverseComplementRows(x, 3, 5, () => true)).toThrow(
      'x of 40 floats does not hold 3 windows of [5, 4]',
    );
  });
});
