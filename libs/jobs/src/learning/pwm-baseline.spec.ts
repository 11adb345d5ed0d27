import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { initBackend } from '@strand/models';
import { crossValidate } from './cross-validate.ts';
import { encodeSequences } from './data-encoding.ts';
import { LearningError } from './learning.error.ts';
import { findBaselineMotif, motifScores, pwmBaselineMetrics } from './pwm-baseline.ts';
import { plantedMotifData } from './synthetic.testing.ts';

const motif = (name: string) => BUNDLED_MOTIFS.find((m) => m.name === name) as Pfm;
const gata = motif('GATA1');

beforeAll(async () => {
  await initBackend();
});

/** Two-class sequence data of `sequences` (labels 0/1). */
function sequences(list: string[], labels: number[]) {
  return {
    ...encodeSequences(list),
    labels: Uint8Array.from(labels),
    labelNames: ['negative', 'positive'],
    checksum: 'x',
  };
}

describe('motif-scan baseline', () => {
  it("scores a sequence by the motif's best window on either strand", () => {
    // GATA1's consensus CTTATCA (MA0035.5) and its reverse complement TGATAAG score the same.
    const background = 'ACGTACGTACGTACGTACGT';
    const data = sequences(
      [
        `${background.slice(0, 5)}CTTATCA${background.slice(12)}`,
        `${background.slice(0, 9)}TGATAAG${background.slice(16)}`,
        background,
      ],
      [1, 1, 0],
    );
    const [forward, reverse, none] = motifScores(data, gata);
    expect(forward).toBeCloseTo(reverse as number, 6);
    expect(forward).toBeGreaterThan(8);
    expect(none).toBeLessThan((forward as number) - 5);
  });

  it('separates planted sites from background (AUROC near 1) and not with an unrelated motif', () => {
    const data = plantedMotifData(200, 60, 4);
    expect(pwmBaselineMetrics(data, gata).test_auroc).toBeGreaterThan(0.9);
    expect(pwmBaselineMetrics(data, motif('CTCF')).test_auroc).toBeLessThan(0.7);
  });

  it('is reported beside the model on the same folds by crossValidate (baseline.pwmScan)', async () => {
    const data = plantedMotifData(90, 40, 3);
    const cv = await crossValidate(data, {
      architecture: 'deepbind',
      config: { filters: 4, kernelSize: 8, hiddenUnits: 4 },
      folds: 3,
      epochs: 1,
      batchSize: 32,
      learningRate: 0.01,
      seed: 2,
      baselineMotif: gata,
    });
    const scan = cv.baseline?.pwmScan;
    expect(scan).toMatchObject({
      method: 'pwm-scan',
      motif: { id: 'MA0035.5', name: 'GATA1', width: 7 },
      score: 'max-log-odds',
    });
    expect(scan?.folds.map((f) => f.fold)).toEqual([1, 2, 3]);
    expect(scan?.mean.test_auroc).toBeGreaterThan(0.85);
    await expect(
      crossValidate(data, {
        architecture: 'deepbind',
        folds: 3,
        epochs: 1,
        batchSize: 32,
        learningRate: 0.01,
        seed: 2,
        baselineMotif: gata,
        baseline: false,
      }),
    ).rejects.toThrow(
      'a motif-scan baseline is a baseline: it cannot be named with the baseline turned off',
    );
  });

  it('finds a motif by matrix ID, ID without version, or unique name; else says what exists', () => {
    expect(findBaselineMotif(BUNDLED_MOTIFS, 'MA0139.2', 'bundled').name).toBe('CTCF');
    expect(findBaselineMotif(BUNDLED_MOTIFS, 'MA0139', 'bundled').id).toBe('MA0139.2');
    expect(findBaselineMotif(BUNDLED_MOTIFS, 'gata1', 'bundled').id).toBe('MA0035.5');
    expect(() => findBaselineMotif(BUNDLED_MOTIFS, 'MA9999.1', 'bundled')).toThrow(LearningError);
    expect(() => findBaselineMotif(BUNDLED_MOTIFS, 'MA9999.1', 'bundled')).toThrow(
      /^bundled has no motif "MA9999.1" \(\d+ motifs, e.g. MA0139.2 CTCF/,
    );
  });

  it('refuses a motif wider than the sequences, naming both', () => {
    const data = sequences(['ACGTA', 'ACGTT'], [0, 1]);
    expect(() => motifScores(data, gata)).toThrow(
      'motif MA0035.5 (GATA1) is 7 bp wide; the sequences are 5 bp',
    );
  });
});
