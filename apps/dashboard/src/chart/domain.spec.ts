import { describe, expect, it } from 'vitest';
import { epochDomain, extentDomain, scoreDomain, zeroBasedDomain } from './domain.ts';

const pts = (...ys: number[]) => ys.map((y, i) => ({ x: i + 1, y }));

describe('epochDomain', () => {
  it('spans 0 to the planned epochs, or further when data goes beyond', () => {
    expect(epochDomain(6, [pts(0.7, 0.6)])).toEqual([0, 6]);
    expect(epochDomain(2, [pts(0.7, 0.6, 0.5)])).toEqual([0, 3]);
    expect(epochDomain(0, [])).toEqual([0, 1]);
  });
});

describe('zeroBasedDomain', () => {
  it('runs from 0 to a nice value above the largest finite y', () => {
    expect(zeroBasedDomain([pts(0.693, 0.52), pts(0.41, Number.NaN)])).toEqual([0, 0.7]);
    expect(zeroBasedDomain([pts(2.7)])).toEqual([0, 3]);
  });

  it('is [0, 1] without data', () => {
    expect(zeroBasedDomain([[], []])).toEqual([0, 1]);
  });
});

describe('scoreDomain', () => {
  it('starts at 0.5 while every score is at least chance level', () => {
    expect(scoreDomain([pts(0.51, 0.93), pts(0.5)])).toEqual([0.5, 1]);
    expect(scoreDomain([[]])).toEqual([0.5, 1]);
  });

  it('starts at 0 once a score falls below 0.5', () => {
    expect(scoreDomain([pts(0.8), pts(0.42)])).toEqual([0, 1]);
  });
});

describe('extentDomain', () => {
  it('keeps its anchors in view and widens to nice values around the data', () => {
    expect(
      extentDomain(
        [
          [
            { x: 1, y: -0.43 },
            { x: 2, y: 0.62 },
          ],
        ],
        [0, 1],
      ),
    ).toEqual([-0.6, 1]);
    expect(extentDomain([[{ x: 1, y: 0.2 }]], [0, 1])).toEqual([0, 1]);
    expect(extentDomain([])).toEqual([0, 1]);
    expect(extentDomain([[{ x: 1, y: 3 }]])).toEqual([2, 4]);
  });
});
