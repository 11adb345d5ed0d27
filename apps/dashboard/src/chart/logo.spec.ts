import { describe, expect, it } from 'vitest';
import { informationContent, logoGeometry, pwmHeights, referenceBase } from './logo.ts';

const layout = { width: 140, height: 120, margin: { top: 10, right: 0, bottom: 10, left: 40 } };

describe('sequence logo geometry', () => {
  it('gives 2 bits to a certain base, 0 to a uniform row, heights p × IC', () => {
    expect(informationContent([0, 0, 1, 0])).toBeCloseTo(2);
    expect(informationContent([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0);
    expect(informationContent([0.5, 0.5, 0, 0])).toBeCloseTo(1);
    expect(informationContent([0, 0, 0, 0])).toBe(0);
    const [row] = pwmHeights([[0.5, 0.5, 0, 0]]);
    expect(row.map((v) => Number(v.toFixed(6)))).toEqual([0.5, 0.5, 0, 0]);
  });

  it('stacks positive letters up from zero and negative ones down, the largest outermost', () => {
    // y: domain [-1, 2] onto [110, 10]: 100/3 px per unit; zero at y 76.67.
    const g = logoGeometry(
      [
        [0.5, 1.5, 0, 0],
        [0, 0, -1, 0],
      ],
      layout,
    );
    expect(g.y.domain).toEqual([-1, 2]);
    expect(g.step).toBe(50);
    const [a, c, t] = g.letters;
    expect([a.base, c.base, t.base]).toEqual(['A', 'C', 'G']);
    // A (0.5) sits on the line, C (1.5) on top of it.
    expect(a.y + a.height).toBeCloseTo(g.zeroY);
    expect(a.height).toBeCloseTo(100 / 6);
    expect(c.y + c.height).toBeCloseTo(a.y);
    expect(c.y).toBeCloseTo(10);
    // G (−1) hangs from the line at the second position.
    expect(t.position).toBe(2);
    expect(t.x).toBe(90);
    expect(t.y).toBeCloseTo(g.zeroY);
    expect(t.y + t.height).toBeCloseTo(110);
  });

  it('keeps a PWM logo’s axis at 2 bits at least, and draws nothing for zeros', () => {
    const g = logoGeometry([[0, 0, 0, 0]], layout, 2);
    expect(g.y.domain).toEqual([0, 2]);
    // One position is not stretched over the whole width (100 px here).
    expect(g.step).toBe(60);
    expect(g.letters).toEqual([]);
  });

  it('reads the base present off a row where the method shows it', () => {
    expect(referenceBase([0, 0.3, 0, 0])).toBe('C'); // contribution × input
    expect(referenceBase([-0.2, -0.1, 0, 0.05])).toBe('G'); // in silico mutagenesis
    expect(referenceBase([0.1, 0.2, 0.3, 0.4])).toBeNull(); // saliency: all four
    expect(referenceBase([0, 0, 0, 0])).toBeNull();
    expect(referenceBase(undefined)).toBeNull();
  });
});
