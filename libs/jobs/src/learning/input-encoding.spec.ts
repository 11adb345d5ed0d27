import { imputeKnn, kmerCounts, quantileNormalize } from '@strand/genomics';
import { initBackend } from '@strand/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossValidate } from './cross-validate.ts';
import { encodedShape, encodeInputs, kmerNames } from './input-encoding.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { plantedMotifData } from './synthetic.testing.ts';
import { checkTrainingChoicesForData, readTrainingChoices } from './training-choices.ts';

beforeAll(async () => {
  await initBackend();
});

/** 4 samples × 3 genes, row-major, one value missing. */
function matrix(values: number[]): LabelledData {
  return {
    kind: 'features',
    x: Float32Array.from(values),
    count: 4,
    length: 3,
    alphabetSize: 1,
    labels: Uint8Array.from([0, 1, 0, 1]),
    labelNames: ['a', 'b'],
    features: ['g1', 'g2', 'g3'],
    checksum: 'm',
  };
}

describe('input encoding', () => {
  it('counts k-mers of the one-hot records, named in kmerCounts order', () => {
    const data = plantedMotifData(6, 20, 1);
    const encoded = encodeInputs(data, { kmer: 2, kmerCanonical: true });
    expect(encoded).toMatchObject({ kind: 'features', length: 16, alphabetSize: 1, count: 6 });
    expect(encoded.labels).toEqual(data.labels);
    expect(encoded.features?.slice(0, 5)).toEqual(['AA', 'AC', 'AG', 'AT', 'CA']);
    expect(kmerNames(3)[63]).toBe('TTT');
    // Record 2 read back from its one-hot rows and counted directly.
    let seq = '';
    for (let p = 0; p < 20; p++) {
      const at = (2 * 20 + p) * 4;
      seq += 'ACGT'[[0, 1, 2, 3].find((c) => data.x[at + c] === 1) ?? -1] ?? 'N';
    }
    expect(Array.from(encoded.x.subarray(32, 48))).toEqual(
      Array.from(kmerCounts(seq, 2, { canonical: true })),
    );
    expect(encodedShape(data, { kmer: 3 })).toMatchObject({ kind: 'features', length: 64 });
  });

  it('normalises per sample and imputes with neighbours, as the library functions do', () => {
    const m = matrix([1, 2, 3, 2, Number.NaN, 6, 3, 6, 9, 4, 8, 12]);
    const knn = encodeInputs(m, { impute: 'knn', imputeK: 2 });
    const expected = imputeKnn(
      { genes: ['g1', 'g2', 'g3'], samples: ['1', '2', '3', '4'], values: m.x },
      2,
    );
    expect(Array.from(knn.x)).toEqual(Array.from(expected.values));
    expect(Number.isNaN(knn.x[4])).toBe(false);
    const log = encodeInputs(matrix([0, 1, 3, 2, 2, 2, 1, 1, 1, 4, 0, 0]), { normalize: 'log1p' });
    expect(log.x[1]).toBeCloseTo(Math.log(2), 6);
    const cpm = encodeInputs(matrix([1, 1, 2, 2, 2, 4, 1, 0, 0, 5, 5, 0]), { normalize: 'cpm' });
    expect(cpm.x[2]).toBeCloseTo(500_000, 0);
    const values = [5, 2, 3, 4, 1, 4, 3, 4, 6, 9, 9, 1];
    const quantile = encodeInputs(matrix(values), { normalize: 'quantile' });
    const reference = quantileNormalize({
      genes: ['g1', 'g2', 'g3'],
      samples: ['1', '2', '3', '4'],
      values: Float32Array.from(values),
    });
    expect(Array.from(quantile.x)).toEqual(Array.from(reference.values));
    expect(() =>
      encodeInputs(matrix([1, -2, 3, 2, 2, 6, 3, 6, 9, 4, 8, 12]), { normalize: 'log1p' }),
    ).toThrow('normalize log1p reads counts ≥ 0; record 1 has a negative value for g2');
  });

  it('checks the encoding: ranges, and against the data as read', () => {
    const bad = readTrainingChoices({ normalize: 'tpm', impute: 'mean', kmer: 9, imputeK: 5 });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual([
      'normalize',
      'impute',
      'imputeK',
      'kmer',
    ]);
    const dna = plantedMotifData(10, 12, 2);
    const errors = checkTrainingChoicesForData(
      { normalize: 'quantile', kmer: 2, rcAverage: true },
      dna,
      'promoters.tsv',
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['normalize', 'normalize applies to expression data; promoters.tsv holds sequences'],
      [
        'rcAverage',
        'rcAverage reads DNA sequences on the other strand; promoters.tsv holds k-mer counts (kmer; kmerCanonical counts both strands together)',
      ],
    ]);
    expect(() => encodeInputs(matrix([1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3]), { kmer: 2 })).toThrow(
      LearningError,
    );
  });

  it('cross-validates an mlp on k-mer counts, the LR baseline on the same counts', async () => {
    const data = plantedMotifData(80, 30, 5);
    const cv = await crossValidate(data, {
      architecture: 'mlp',
      config: { hiddenUnits: [8] },
      folds: 2,
      epochs: 3,
      batchSize: 16,
      learningRate: 0.01,
      seed: 1,
      kmer: 3,
      kmerCanonical: true,
    });
    expect(cv.architecture).toBe('mlp');
    // The baseline is the LR on the standardised counts, on the same folds.
    expect(cv.baseline?.features).toBe('standardised');
    expect(cv.baseline?.folds).toHaveLength(2);
    expect(cv.folds).toHaveLength(2);
  });
});
