import { describe, expect, it } from 'vitest';
import { linePath } from './path.ts';
import { linearScale } from './scale.ts';

const x = linearScale([0, 10], [0, 100]);
const y = linearScale([0, 1], [100, 0]);

describe('linePath', () => {
  it('moves to the first point and draws lines through the rest', () => {
    const points = [
      { x: 1, y: 0.5 },
      { x: 2, y: 0.25 },
      { x: 3, y: 1 },
    ];
    expect(linePath(points, x, y)).toBe('M10,50L20,75L30,0');
  });

  it('is empty without points and a bare move for one point', () => {
    expect(linePath([], x, y)).toBe('');
    expect(linePath([{ x: 5, y: 0 }], x, y)).toBe('M50,100');
  });

  it('starts a new segment after a missing value', () => {
    const points = [
      { x: 1, y: 0.5 },
      { x: 2, y: Number.NaN },
      { x: 3, y: 0.5 },
      { x: 4, y: 0.5 },
    ];
    expect(linePath(points, x, y)).toBe('M10,50M30,50L40,50');
  });

  it('rounds coordinates to hundredths of a pixel', () => {
    expect(linePath([{ x: 1 / 3, y: 1 / 3 }], x, y)).toBe('M3.33,66.67');
  });
});
