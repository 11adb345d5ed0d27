import { describe, expect, it } from 'vitest';
import { attributionTrack, dominantBase, trackValues } from './attribution-track.ts';
import type { TrackLayout } from './attribution-track.ts';

// 4 positions over a 40 px plot: 10 px per position.
const layout: TrackLayout = {
  width: 50,
  height: 120,
  margin: { top: 10, right: 0, bottom: 10, left: 10 },
};

describe('dominantBase', () => {
  it('is the base of the largest |score|, or null when nothing stands out', () => {
    expect(dominantBase([0, 0, 0.4, 0])).toBe('G');
    expect(dominantBase([0.1, -0.5, 0.2, 0])).toBe('C');
    expect(dominantBase([0, 0, 0, 0])).toBeNull();
    expect(dominantBase(undefined)).toBeNull();
  });
});

describe('trackValues', () => {
  const scores = [
    [0, -0.4, 0.1, 0.2],
    [0.3, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  it('gives in silico mutagenesis the sign of its strongest substitution', () => {
    expect(trackValues('max |effect|', [0.4, 0.3, 0], scores)).toEqual([-0.4, 0.3, 0]);
  });
  it('keeps the position scores of the other summaries as they are', () => {
    expect(trackValues('sum', [0.5, -0.2, 0], scores)).toEqual([0.5, -0.2, 0]);
    expect(trackValues('max', [0.2, 0.3, 0], scores)).toEqual([0.2, 0.3, 0]);
  });
});

describe('attributionTrack', () => {
  it('places one bar per position, up from zero for positive and down for negative scores', () => {
    // Domain [-1, 1] over y 110..10: zero at y 60, 50 px per unit.
    const scores = [
      [0.5, 0, 0, 0],
      [0, -1, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ];
    const g = attributionTrack([0.5, -1, 1, 0], scores, layout);
    expect(g.zeroY).toBe(60);
    expect(
      g.bars.map(({ position, base, x, y, width, height }) => ({
        position,
        base,
        x,
        y,
        width,
        height,
      })),
    ).toEqual([
      { position: 1, base: 'A', x: 10, y: 35, width: 9, height: 25 },
      { position: 2, base: 'C', x: 20, y: 60, width: 9, height: 50 },
      { position: 3, base: 'T', x: 30, y: 10, width: 9, height: 50 },
      { position: 4, base: null, x: 40, y: 60, width: 9, height: 0 },
    ]);
    expect(g.yTicks).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(g.xTicks).toEqual([
      { position: 1, x: 15 },
      { position: 2, x: 25 },
      { position: 3, x: 35 },
      { position: 4, x: 45 },
    ]);
  });

  it('keeps zero at the bottom for scores that are all positive (saliency, ISM)', () => {
    const g = attributionTrack(
      [2, 1],
      [
        [0, 2, 0, 0],
        [1, 0, 0, 0],
      ],
      layout,
    );
    expect(g.zeroY).toBe(110);
    expect(g.bars[0]).toMatchObject({ y: 10, height: 100, base: 'C', width: 19 });
    expect(g.bars[1]).toMatchObject({ y: 60, height: 50 });
  });

  it('draws no bar for a non-finite score and survives an all-zero or empty track', () => {
    const g = attributionTrack([Number.NaN, 0], [], layout);
    expect(g.bars.map((b) => b.position)).toEqual([2]);
    expect(g.zeroY).toBe(110);
    const empty = attributionTrack([], [], layout);
    expect(empty.bars).toEqual([]);
    expect(empty.xTicks).toEqual([]);
  });

  it('leaves no gap between bars narrower than 3 px', () => {
    const g = attributionTrack(new Array(1000).fill(1), [], { ...layout, width: 1010 });
    expect(g.bars[0].width).toBe(1);
    expect(g.bars[999].x).toBe(1009);
  });
});
