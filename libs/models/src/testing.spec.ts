import { describe, expect, it } from 'vitest';
import { plantedMotifDataset, randomDataset } from './testing.ts';

describe('plantedMotifDataset', () => {
  it('gives one-hot rows, half positive, the same for the same seed', () => {
    const data = plantedMotifDataset({ count: 40, length: 20, seed: 3 });
    expect([data.count, data.length, data.alphabetSize, data.x.length]).toEqual([40, 20, 4, 3200]);
    expect(data.y.reduce((a, b) => a + b, 0)).toBe(20);
    for (let i = 0; i < 40 * 20; i++) {
      expect(data.x.subarray(i * 4, i * 4 + 4).reduce((a, b) => a + b, 0)).toBe(1);
    }
    expect(plantedMotifDataset({ count: 40, length: 20, seed: 3 })).toEqual(data);
  });

  it('names an unknown motif and the known ones', () => {
    expect(() => plantedMotifDataset({ count: 4, length: 20, seed: 1, motif: 'NOPE' })).toThrow(
      'plantedMotifDataset: no bundled motif "NOPE"; known: CTCF, GATA1, Spi1, REST, SOX2, TP53',
    );
  });
});

describe('randomDataset', () => {
  it('is reproducible per seed', () => {
    expect(randomDataset(5, 10, 1)).toEqual(randomDataset(5, 10, 1));
    expect(randomDataset(5, 10, 1).x).not.toEqual(randomDataset(5, 10, 2).x);
  });
});
