import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@strand/models';
import { crossValidate, foldSplits } from './cross-validate.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { nestedCandidates } from './nested-cv.ts';
import { expressionProfiles } from './synthetic.testing.ts';

beforeAll(async () => {
  await initBackend();
});

/** 30 samples × 80 genes of two classes, as an expression matrix reads. */
function expression(): LabelledData {
  const p = expressionProfiles(30, 80, ['ALL', 'AML'], 2);
  return {
    kind: 'features',
    x: p.values,
    count: 30,
    length: 80,
    alphabetSize: 1,
    labels: Uint8Array.from(p.labels, (l) => (l === 'AML' ? 1 : 0)),
    labelNames: ['ALL', 'AML'],
    features: p.genes,
    checksum: 'expression-30-80-2',
  };
}

const OPTIONS = {
  architecture: 'mlp',
  config: { hiddenUnits: [4] },
  folds: 3,
  epochs: 2,
  batchSize: 8,
  learningRate: 0.01,
  seed: 4,
};

describe('nested cross-validation', () => {
  it('chooses per outer fold on its training rows only, and reports the choice and the baseline on the same folds', async () => {
    const data = expression();
    const seen = new Map<number, { train: number[]; test: number[] }[]>();
    const nested = await crossValidate(data, {
      ...OPTIONS,
      innerFolds: 2,
      onInnerSplit: (fold, rows) => seen.set(fold, [...(seen.get(fold) ?? []), rows]),
    });
    const plain = await crossValidate(data, OPTIONS);
    // The same outer folds as plain CV, the baseline on them.
    expect(nested.folds.map((f) => f.testSha256)).toEqual(plain.folds.map((f) => f.testSha256));
    expect(nested.baseline?.folds).toEqual(plain.baseline?.folds);
    expect(plain.nested).toBeNull();

    // The outer test rows, recomputed from the folds crossValidate reports (test counts and
    // checksums match foldSplits, so these are the rows it tested on).
    const outer = foldSplits(data, 3, OPTIONS.seed);
    expect(seen.size).toBe(3);
    for (const [i, rows] of outer.entries()) {
      const inner = seen.get(i + 1)!;
      expect(inner).toHaveLength(2);
      const test = new Set(rows.test);
      const train = new Set(rows.train);
      for (const split of inner) {
        // No outer-test row is ever seen by inner selection, for training or for scoring.
        expect([...split.train, ...split.test].filter((r) => test.has(r))).toEqual([]);
        expect([...split.train, ...split.test].every((r) => train.has(r))).toBe(true);
      }
      // The inner test folds cover the outer training rows exactly once.
      expect(inner.flatMap((s) => s.test).sort((a, b) => a - b)).toEqual(
        [...rows.train].sort((a, b) => a - b),
      );
    }

    const candidates = nestedCandidates(data, OPTIONS.learningRate);
    expect(candidates.map((c) => c.name)).toEqual([
      'weightDecay=0, top 50 (f-test)',
      'weightDecay=0, top 80 (f-test)',
      'weightDecay=0.01, top 50 (f-test)',
      'weightDecay=0.01, top 80 (f-test)',
    ]);
    expect(nested.nested).toMatchObject({ innerFolds: 2, metric: 'test_auroc', candidates });
    for (const f of nested.nested!.folds) {
      expect(candidates.map((c) => c.name)).toContain(f.chosen);
      expect(f.inner.map((s) => s.name)).toEqual(candidates.map((c) => c.name));
      // The chosen one has the best inner score (the first of equals).
      const best = Math.max(...f.inner.map((s) => s.score ?? -Infinity));
      expect(f.inner.find((s) => s.score === best)?.name).toBe(f.chosen);
    }
  }, 120_000);

  it('lists learning rates and weight decays for sequences, and refuses what it would override', async () => {
    expect(
      nestedCandidates({ kind: 'sequence', length: 30, alphabetSize: 4 }, 0.003).map((c) => c.name),
    ).toEqual([
      'learningRate=0.003, weightDecay=0',
      'learningRate=0.003, weightDecay=0.001',
      'learningRate=0.001, weightDecay=0',
      'learningRate=0.001, weightDecay=0.001',
    ]);
    const data = expression();
    const refused = async (extra: Record<string, unknown>) =>
      crossValidate(data, { ...OPTIONS, ...extra }).catch((e: unknown) => e);
    const cases: [Record<string, unknown>, string][] = [
      [{ innerFolds: 1 }, 'innerFolds must be an integer from 2 to 10; got 1'],
      [{ innerFolds: 2, weightDecay: 0.1 }, 'innerFolds chooses weightDecay'],
      [
        { innerFolds: 2, featureSelection: { method: 'f-test', k: 10 } },
        'innerFolds chooses the top-k features',
      ],
      [{ innerFolds: 2, featureSelection: 'none' }, 'innerFolds chooses the top-k features'],
    ];
    for (const [extra, message] of cases) {
      const error = await refused(extra);
      expect(error).toBeInstanceOf(LearningError);
      expect((error as LearningError).field).toBe('innerFolds');
      expect((error as Error).message).toContain(message);
    }
  });
});
