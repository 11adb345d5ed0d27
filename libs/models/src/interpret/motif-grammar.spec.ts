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
  consensus,
  findMotif,
  oneHotEncodeBatch,
  pfmToProbabilities,
  readJasparFile,
  simulateMotifPairs,
} from '@strand/genomics';
import type { MotifPairDataset } from '@strand/genomics';
import { SHARED_JASPAR_PATH, itWithSharedJaspar } from '@strand/genomics/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../architectures/build-model.ts';
import { initBackend } from '../backend/init-backend.ts';
import { trainModel } from '../training/train.ts';
import { designSequence } from './design/design-sequence.ts';
import {
  ablateMotif,
  marginalize,
  shuffledBackgrounds,
  spacingEffects,
} from './marginalize/marginalize.ts';
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
}, 300_000);

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

describe('marginalisation on the planted pair', () => {
  const ctcf = consensus(CTCF);
  const gata = consensus(GATA1);
  let backgrounds: string[];
  beforeAll(() => {
    backgrounds = shuffledBackgrounds(data.sequences.slice(0, 200), 60, 3);
  });

  it('recovers the planted spacing: the pair at 8 bases beats every spacing 3+ away', () => {
    const before = tf.memory().numTensors;
    const spacings = Array.from({ length: 21 }, (_, i) => i);
    const effects = spacingEffects(model, backgrounds, ctcf, gata, spacings);
    expect(tf.memory().numTensors).toBe(before);
    const best = effects.reduce((a, b) => (b.effect.mean > a.effect.mean ? b : a));
    // Measured: 8 → +13.4 logit, 7 → +13.4, 5 → +8.0, 12 → +4.5, 0 → +2.0.
    expect(Math.abs(best.spacing - SPACING)).toBeLessThanOrEqual(1);
    const at = effects[SPACING]!.effect.mean;
    for (const e of effects) {
      if (Math.abs(e.spacing - SPACING) >= 4) expect(at).toBeGreaterThan(e.effect.mean + 3);
    }
    expect(effects[0]!.effect.n).toBe(60);
  });

  it('gives one motif a smaller effect than the pair, and ablation a drop in positives', () => {
    const one = marginalize(model, backgrounds, [{ motif: ctcf, position: 40 }]);
    const pair = spacingEffects(model, backgrounds, ctcf, gata, [SPACING])[0]!;
    expect(one.after - one.before).toBeCloseTo(one.effect.mean, 4);
    expect(pair.effect.mean).toBeGreaterThan(one.effect.mean + 3);
    const pos = data.sequences.filter((_, i) => data.labels[i] === 1).slice(0, 100);
    const ablated = ablateMotif(model, pos, pfmToProbabilities(CTCF));
    expect(ablated.ablated).toBeGreaterThan(50);
    expect(ablated.drop.mean).toBeGreaterThan(2);
  });
});

describe('designSequence on the planted pair', () => {
  it('raises the output under max edits, fixed positions and a GC range, by every method', () => {
    const start = shuffledBackgrounds(data.sequences.slice(0, 1), 1, 9)[0]!;
    const fixed = [0, 1, 2, 50];
    for (const method of ['greedy', 'beam', 'evolution'] as const) {
      const r = designSequence(model, start, { method, maxEdits: 6, gc: [0.3, 0.7], fixed });
      expect(r.best.score).toBeGreaterThan(r.start.score + 2);
      expect(r.best.edits.length).toBeLessThanOrEqual(6);
      for (const e of r.best.edits) expect(fixed).not.toContain(e.position);
      const gc = [...r.best.sequence].filter((c) => c === 'G' || c === 'C').length / LENGTH;
      expect(gc).toBeGreaterThanOrEqual(0.3);
      expect(gc).toBeLessThanOrEqual(0.7);
      expect(r.trajectory[0]!.score).toBe(r.start.score);
    }
    const down = designSequence(model, start, { direction: 'down', maxEdits: 3 });
    expect(down.best.score).toBeLessThan(down.start.score);
    expect(() => designSequence(model, start, { gc: [0.8, 0.2] })).toThrow(
      'designSequence: gc [0.8, 0.2] is not a range within [0, 1]',
    );
  });
});
