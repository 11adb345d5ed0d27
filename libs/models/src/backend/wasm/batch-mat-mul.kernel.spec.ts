import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { expectParity, liveCounts, runOn, seeded } from './cpu-parity.testing.ts';

const t = (shape: number[], seed: number): tf.Tensor =>
  tf.tensor(seeded(tf.util.sizeFromShape(shape), seed), shape);

describe("BatchMatMul on wasm (Strand's GEMMs)", () => {
  const cases: [string, number[], number[], boolean, boolean][] = [
    ['dense weight gradient: xᵀ · dy', [64, 64], [64, 32], true, false],
    ['dense input gradient: dy · Wᵀ', [64, 32], [64, 32], false, true],
    ['both transposed, odd sizes (edges)', [7, 5], [9, 7], true, true],
    ['batched [3, …], rows and columns off the 4×8 tiles', [3, 11, 6], [3, 13, 6], false, true],
    ['a single row', [1, 9], [10, 9], false, true],
    ['untransposed, ragged', [5, 8], [8, 3], false, false],
    ['untransposed, dense forward shape class', [6, 300], [300, 37], false, false],
    ['dense input gradient, depth off 4 (925-like)', [5, 29], [14, 29], false, true],
    ['batched untransposed', [2, 9, 7], [2, 7, 10], false, false],
  ];
  it.each(cases)('matches cpu: %s', async (_, aShape, bShape, transposeA, transposeB) => {
    await expectParity(() => tf.matMul(t(aShape, 1), t(bShape, 2), transposeA, transposeB));
  });

  it('leaves no tensor and no wasm buffer behind', async () => {
    const f = (): tf.Tensor => tf.matMul(t([7, 5], 1), t([9, 7], 2), true, true);
    await runOn('wasm', f);
    const before = liveCounts();
    await runOn('wasm', f);
    expect(liveCounts()).toEqual(before);
  });
});
