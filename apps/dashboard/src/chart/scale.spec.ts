import { describe, expect, it } from 'vitest';
import { linearScale } from './scale.ts';

describe('linearScale', () => {
  it('maps the domain linearly onto the range, beyond it too', () => {
    const x = linearScale([0, 10], [50, 150]);
    expect([x(0), x(2.5), x(10), x(12)]).toEqual([50, 75, 150, 170]);
    expect(x.domain).toEqual([0, 10]);
    expect(x.range).toEqual([50, 150]);
  });

  it('flips for an SVG y axis (range from bottom to top)', () => {
    const y = linearScale([0.5, 1], [220, 20]);
    expect([y(0.5), y(0.75), y(1)]).toEqual([220, 120, 20]);
  });

  it('maps a zero-width domain to the middle of the range', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });
});
