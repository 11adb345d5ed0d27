/**
 * Issue 17's planted-grammar checks: a small DeepSEA-style CNN trained on sequences whose
 * positives carry CTCF (JASPAR MA0139.2) and then GATA1 (MA0035.5) exactly 8 bases apart, and
 * whose negatives carry neither, one, or both at another spacing (simulateMotifPairs). Motif
 * discovery must recover both motifs from the model's attributions. Trained once in beforeAll
 * (~15–25 s on a loaded 2-core machine; test AUROC ~0.98).
 */
import * as tf from '@tensorflow/tfjs';
import {
  BUNDLED_MOTIFS,
  findMotif,
  oneHotEncodeBatch,
  readJasparFile,
  simulateMotifPairs,
} from '@strand/genomics';
import type { MotifPairDataset } from '@strand/genomics';
import { SHARED_JASPAR_PATH, itWithSharedJaspar } from '@strand/genomics/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { trainModel } from '../training/train.ts';
import { discoverMotifs } from './modisco/discover-motifs.ts';

const LENGTH = 100;
const COUNT = 4000;
const SPACING = 8;
const CTCF = findMotif('MA0139.2')!;
const GATA1 = findMotif('MA0035.5')!;

let model: tf.LayersModel;
let data: MotifPairDataset;

/** The positives in batches of 100, as a generator (the way a file streams). */
function* positives(limit: number): Generator<string[]> {
  const rows = data.sequences.filter((_, i) => data.labels[i] === 1).slice(0, limit);
  for (let i = 0; i < rows.length; i += 100) yield rows.slice(i, i + 100);
}

beforeAll(async () => {
  await initBackend();
  data = simulateMotifPairs({
    count: COUNT,
    length: LENGTH,
    first: CTCF,
    second: GATA1,
    spacing: SPACING,
    seed: 7,
  });
  model = buildModel({
    architecture: 'deepsea',
    config: {
      filters: [32, 32, 32],
      kernelSize: 8,
      poolSize: 3,
      hiddenUnits: 32,
      dropout: 0.1,
      finalDropout: 0.1,
    },
    inputLength: LENGTH,
    alphabetSize: 4,
    seed: 5,
  });
  await trainModel(
    model,
    {
      x: oneHotEncodeBatch(data.sequences, LENGTH),
      y: Float32Array.from(data.labels),
      count: COUNT,
      length: LENGTH,
      alphabetSize: 4,
    },
    { epochs: 12, batchSize: 64, learningRate: 3e-3, seed: 5 },
  );
}, 120_000);

afterAll(() => model?.dispose());

describe('discoverMotifs on a planted pair', () => {
  it('recovers both motifs, ordered by support, best matched to the planted ones', async () => {
    const before = tf.memory().numTensors;
    const result = await discoverMotifs(model, positives(400), {
      shuffles: 5,
      window: 12,
      database: BUNDLED_MOTIFS,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.sequences).toBe(400);
    expect(result.length).toBe(LENGTH);
    const positive = result.motifs.filter((m) => m.sign === 'positive');
    const best = positive.map((m) => m.matches[0]?.id);
    // Both planted motifs are the best bundled match of a discovered motif, each once.
    expect(best).toContain(CTCF.id);
    expect(best).toContain(GATA1.id);
    expect(best.filter((id) => id === GATA1.id)).toHaveLength(1);
    for (let i = 1; i < result.motifs.length; i++) {
      expect(result.motifs[i]!.seqlets).toBeLessThanOrEqual(result.motifs[i - 1]!.seqlets);
    }
    for (const m of positive.slice(0, 2)) {
      expect(m.seqlets).toBeGreaterThan(40);
      m.pwm.forEach((row) => expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6));
      expect(m.cwm).toHaveLength(m.pwm.length);
    }
  });

  itWithSharedJaspar('matches both to JASPAR 2024 (879 matrices) with p < 1e-3', async () => {
    const jaspar = await readJasparFile(SHARED_JASPAR_PATH);
    const result = await discoverMotifs(model, positives(400), {
      shuffles: 5,
      window: 12,
      database: jaspar,
    });
    for (const planted of [CTCF, GATA1]) {
      const found = result.motifs.find((m) => m.matches[0]?.id === planted.id);
      expect(found, `${planted.name} recovered`).toBeDefined();
      expect(found!.matches[0]!.p).toBeLessThan(1e-3);
    }
  });

  it('keeps at most maxSeqlets however many are called (memory flat in sequences)', async () => {
    const result = await discoverMotifs(model, positives(300), {
      shuffles: 2,
      window: 12,
      maxSeqlets: 50,
      minSupport: 5,
    });
    expect(result.seqletsCalled).toBeGreaterThan(200);
    expect(result.seqletsClustered).toBe(50);
    const total = result.motifs.reduce((a, m) => a + m.seqlets, 0);
    expect(total).toBeLessThanOrEqual(50);
  });

  it('names bad options', async () => {
    await expect(discoverMotifs(model, [[]], {})).rejects.toThrow('discoverMotifs: no sequences');
    await expect(discoverMotifs(model, positives(10), { window: 1 })).rejects.toThrow(
      'discoverMotifs: window 1 is not an integer ≥ 2',
    );
  });
});
