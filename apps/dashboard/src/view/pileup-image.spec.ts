import { describe, expect, it } from 'vitest';
import { baseOf, channelPixels, rowsUsed } from './pileup-image.ts';

describe('pileup image pixels', () => {
  // 3 columns × 2 rows: the reference A C G, then a read T (low quality), empty, deletion.
  const base = { name: 'base', values: [1, 0.75, 0.5, 0.25, 0, 0.05] };
  const quality = [1, 1, 1, 0.25, 0, 1];

  it('colours bases by base with the base quality as alpha, and leaves empty cells clear', () => {
    const px = channelPixels(base, 3, 2, quality);
    expect(Array.from(px.subarray(0, 4))).toEqual([46, 160, 67, 255]); // A, full quality
    expect(Array.from(px.subarray(12, 16))).toEqual([207, 34, 46, 102]); // T at quality 0.25
    expect(Array.from(px.subarray(16, 20))).toEqual([0, 0, 0, 0]); // no read there
    expect(Array.from(px.subarray(20, 24))).toEqual([30, 30, 30, 255]); // deletion
    expect(baseOf(0.76)?.name).toBe('C');
    expect(baseOf(0)).toBeNull();
  });

  it('draws other channels in grey levels, darker for higher values', () => {
    const px = channelPixels({ name: 'strand', values: [1, 0.5, 0, 0, 0, 0] }, 3, 2);
    expect(Array.from(px.subarray(0, 8))).toEqual([0, 0, 0, 255, 128, 128, 128, 255]);
    expect(px[11]).toBe(0);
  });

  it('refuses a channel whose size is not rows × width, and counts the rows in use', () => {
    expect(() => channelPixels(base, 4, 2)).toThrow(/has 6 values; 2 × 4 expected/);
    expect(rowsUsed(base, 3, 2)).toBe(2);
    expect(rowsUsed({ name: 'base', values: [1, 1, 1, 0, 0, 0] }, 3, 2)).toBe(1);
  });
});
