import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';
import { initBackend } from '@strand/models';
import type { ProbeAttribution } from '@strand/models';
import { fit } from './fit.ts';
import type { DataShape } from './labelled-data.ts';
import { MAX_PROBES, readProbes, storedProbeAttributions } from './probes.ts';
import { plantedMotifData } from './synthetic.testing.ts';

const SHAPE: DataShape = { kind: 'sequence', length: 6, alphabetSize: 4, labelNames: ['a', 'b'] };
const data = { shape: SHAPE, name: 'six' };

describe('readProbes', () => {
  it('uppercases valid probes and takes none for null or empty', () => {
    expect(readProbes(['acgtna', 'CCCCCC'], data)).toEqual({
      value: ['ACGTNA', 'CCCCCC'],
      errors: [],
    });
    expect(readProbes(null, data)).toEqual({ value: [], errors: [] });
  });

  it('locates every wrong probe: alphabet, length, count', () => {
    const { errors } = readProbes(['ACGTAX', 'ACG', ...Array(MAX_PROBES).fill('AAAAAA')], data);
    expect(errors).toEqual([
      expect.objectContaining({ field: 'probes', code: 'OUT_OF_RANGE' }),
      expect.objectContaining({
        field: 'probes[0]',
        code: 'INVALID_VALUE',
        message: 'probe 1 has "X" at 6: A, C, G, T, N only',
      }),
      expect.objectContaining({
        field: 'probes[1]',
        code: 'INVALID_LENGTH',
        message: 'probe 2 has length 3; dataset "six" has sequences of 6',
      }),
    ]);
  });

  it('refuses probes on features and on encoded inputs', () => {
    const features = { ...data, shape: { ...SHAPE, kind: 'features' as const, alphabetSize: 1 } };
    expect(readProbes(['AAAAAA'], features).errors[0]?.message).toMatch(/holds features/);
    const kmer = readProbes(['AAAAAA'], { ...data, encoding: { kmer: 3 } });
    expect(kmer.errors[0]?.message).toMatch(/leave kmer/);
  });
});

describe('fit with probes', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('attributes every probe after every epoch, and the planted site comes to carry it', async () => {
    const length = 30;
    const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
    // Probes drawn apart from the training data: two positives (with their planted site).
    const sim = simulatePlantedMotifs({ count: 20, length, motifs: [gata], seed: 77 });
    const positives = sim.sites.flatMap((site, i) =>
      site ? [{ site, seq: sim.sequences[i] }] : [],
    );
    const probes = positives.slice(0, 2);
    const epochs: ProbeAttribution[][] = [];
    const trained = await fit(plantedMotifData(400, length, 3), {
      architecture: 'deepbind',
      config: { filters: 8, kernelSize: 8, hiddenUnits: 8, dropout: 0 },
      epochs: 6,
      batchSize: 32,
      learningRate: 0.02,
      seed: 5,
      earlyStopping: false,
      probes: probes.map((p) => p.seq),
      onEpoch: (_report, attributions) => {
        if (attributions) epochs.push(attributions);
      },
    });
    trained.model.dispose();
    expect(epochs).toHaveLength(6);
    for (const epoch of epochs) {
      expect(epoch).toHaveLength(2);
      for (const [i, a] of epoch.entries()) {
        expect(a.scores).toHaveLength(length * 4);
        // Gradient × one-hot input: only the probe's own base at each position can be non-zero.
        for (let p = 0; p < length; p++) {
          const own = 'ACGT'.indexOf(probes[i].seq[p]);
          for (let b = 0; b < 4; b++) if (b !== own) expect(Math.abs(a.scores[p * 4 + b])).toBe(0);
        }
      }
    }
    // After training, the planted site holds more attribution than any other window.
    const width = gata.counts.length;
    for (const [i, { site }] of probes.entries()) {
      const a = epochs.at(-1)![i];
      const perBase = Array.from({ length }, (_, p) =>
        [0, 1, 2, 3].reduce((s, b) => s + a.scores[p * 4 + b], 0),
      );
      const windowSum = (start: number) =>
        perBase.slice(start, start + width).reduce((s, v) => s + v, 0);
      const best = Array.from({ length: length - width + 1 }, (_, s) => windowSum(s));
      const argmax = best.indexOf(Math.max(...best));
      expect(Math.abs(argmax - site.start)).toBeLessThanOrEqual(2);
    }
    const stored = storedProbeAttributions(epochs[0]);
    expect(stored.map((s) => s.probe)).toEqual([0, 1]);
    expect(stored[0].scores).toHaveLength(length * 4);
  });
});
