import { describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS } from '../motifs/bundled-motifs.ts';
import type { Pfm } from '../motifs/pfm.ts';
import { consensus } from '../motifs/pfm.ts';
import { reverseComplement } from '../sequence/reverse-complement.ts';
import type { PlantedMotifOptions } from './planted-motifs.ts';
import { simulatePlantedMotifs } from './planted-motifs.ts';

/** A PFM that allows exactly one sequence. */
const fixed = (id: string, seq: string): Pfm => ({
  id,
  name: id,
  counts: [...seq].map((b) => [...'ACGT'].map((x) => (x === b ? 7 : 0))),
});

const GATTACA = fixed('GATTACA', 'GATTACA');
const CCC = fixed('CCC', 'CCC');

/** The planted stretch as read on the motif's own strand. */
const plantedText = (seq: string, start: number, width: number, strand: '+' | '-') => {
  const text = seq.slice(start, start + width);
  return strand === '+' ? text : reverseComplement(text);
};

/** Share of positions equal to the consensus. */
const matchRate = (text: string, cons: string) =>
  [...text].filter((b, i) => b === cons[i]).length / cons.length;

describe('simulatePlantedMotifs', () => {
  const base: PlantedMotifOptions = { count: 200, length: 50, motifs: [GATTACA, CCC], seed: 1 };

  it('makes count sequences of length bases with exactly round(count × fraction) positives', () => {
    const data = simulatePlantedMotifs({ ...base, count: 7, positiveFraction: 0.5 });
    expect(data.sequences).toHaveLength(7);
    expect(data.sequences.every((s) => /^[ACGT]{50}$/.test(s))).toBe(true);
    expect(data.labels.reduce((a, b) => a + b, 0)).toBe(4);
    expect(data.sites.map((site) => (site === null ? 0 : 1))).toEqual([...data.labels]);
    expect(
      simulatePlantedMotifs({ ...base, positiveFraction: 0 }).labels.every((l) => l === 0),
    ).toBe(true);
    expect(
      simulatePlantedMotifs({ ...base, positiveFraction: 1 }).sites.every((s) => s !== null),
    ).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = simulatePlantedMotifs({ ...base, bothStrands: true });
    expect(simulatePlantedMotifs({ ...base, bothStrands: true })).toEqual(a);
    expect(simulatePlantedMotifs({ ...base, bothStrands: true, seed: 2 }).sequences).not.toEqual(
      a.sequences,
    );
  });

  it('plants each motif at its site, on the + strand by default', () => {
    const data = simulatePlantedMotifs({ ...base, count: 400 });
    const used = new Set<string>();
    data.sites.forEach((site, i) => {
      if (!site) return;
      const motif = site.motifId === 'CCC' ? CCC : GATTACA;
      expect(site.strand).toBe('+');
      expect(site.start).toBeGreaterThanOrEqual(0);
      expect(site.start).toBeLessThanOrEqual(50 - motif.counts.length);
      expect(data.sequences[i].slice(site.start, site.start + motif.counts.length)).toBe(
        consensus(motif),
      );
      used.add(`${site.motifId}@${site.start}`);
    });
    // Both motifs, at starts spread over the whole range.
    expect(new Set([...used].map((u) => u.split('@')[0]))).toEqual(new Set(['GATTACA', 'CCC']));
    expect(used.size).toBeGreaterThan(60);
  });

  it('with bothStrands, plants the reverse complement on the - strand about half the time', () => {
    const data = simulatePlantedMotifs({
      ...base,
      count: 400,
      motifs: [GATTACA],
      bothStrands: true,
    });
    let minus = 0;
    data.sites.forEach((site, i) => {
      if (!site) return;
      if (site.strand === '-') minus++;
      const text = data.sequences[i].slice(site.start, site.start + 7);
      expect(text).toBe(site.strand === '+' ? 'GATTACA' : 'TGTAATC');
    });
    expect(minus).toBeGreaterThan(70);
    expect(minus).toBeLessThan(130);
  });

  it('draws background with the requested GC content', () => {
    const data = simulatePlantedMotifs({
      ...base,
      count: 400,
      length: 500,
      gcContent: 0.7,
      positiveFraction: 0,
    });
    const all = data.sequences.join('');
    const share = (b: string) => all.split(b).length / all.length - 1 / all.length;
    expect(share('G') + share('C')).toBeCloseTo(0.7, 2);
    expect(share('G')).toBeCloseTo(0.35, 2);
    expect(share('A')).toBeCloseTo(0.15, 2);
  });

  it('draws each planted base with the PFM probabilities', () => {
    const pfm: Pfm = { id: 'P.1', name: 'p', counts: [[1, 2, 3, 4]] };
    const data = simulatePlantedMotifs({
      count: 8000,
      length: 1,
      motifs: [pfm],
      seed: 3,
      positiveFraction: 1,
    });
    const all = data.sequences.join('');
    const freq = [...'ACGT'].map((b) => all.split(b).length - 1);
    // Binomial sd ≤ 0.0055 at n = 8000: 0.015 is almost 3 sd.
    [0.1, 0.2, 0.3, 0.4].forEach((p, b) =>
      expect(Math.abs(freq[b] / 8000 - p)).toBeLessThan(0.015),
    );
  });

  it('samples JASPAR sites from the PFM: consensus match ≫ background', () => {
    const data = simulatePlantedMotifs({
      count: 600,
      length: 101,
      motifs: BUNDLED_MOTIFS,
      seed: 42,
      bothStrands: true,
    });
    const widths = new Map(BUNDLED_MOTIFS.map((m) => [m.id, m.counts.length]));
    const consensuses = new Map(BUNDLED_MOTIFS.map((m) => [m.id, consensus(m)]));
    const negatives = data.sequences.filter((_, i) => data.labels[i] === 0);
    let planted = 0;
    let background = 0;
    let sites = 0;
    data.sites.forEach((site, i) => {
      if (!site) return;
      const width = widths.get(site.motifId) ?? 0;
      const cons = consensuses.get(site.motifId) ?? '';
      planted += matchRate(plantedText(data.sequences[i], site.start, width, site.strand), cons);
      // The same window read on a negative: chance level.
      const negative = negatives[sites % negatives.length];
      background += matchRate(plantedText(negative, site.start, width, site.strand), cons);
      sites++;
    });
    expect(sites).toBe(300);
    expect(planted / sites).toBeGreaterThan(0.75);
    expect(background / sites).toBeLessThan(0.35);
    // Every bundled matrix is used.
    expect(new Set(data.sites.map((s) => s?.motifId).filter(Boolean)).size).toBe(6);
  });

  it('rejects invalid options with INVALID_OPTIONS naming the field', () => {
    const invalid = (patch: Partial<PlantedMotifOptions>, message: string) =>
      expect(() => simulatePlantedMotifs({ ...base, ...patch })).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTIONS', message }),
      );
    invalid({ count: 0 }, 'count must be an integer ≥ 1, got 0');
    invalid({ count: 2.5 }, 'count must be an integer ≥ 1, got 2.5');
    invalid({ length: 6 }, 'length must be an integer ≥ the widest motif (7), got 6');
    invalid({ motifs: [] }, 'motifs must be non-empty, got []');
    invalid(
      { motifs: [{ id: 'Z.1', name: 'z', counts: [] }] },
      'motifs must be matrices of width ≥ 1, got Z.1 of width 0',
    );
    invalid({ positiveFraction: 1.5 }, 'positiveFraction must be in [0, 1], got 1.5');
    invalid({ positiveFraction: Number.NaN }, 'positiveFraction must be in [0, 1], got NaN');
    invalid({ gcContent: -0.1 }, 'gcContent must be in [0, 1], got -0.1');
    invalid({ seed: 0.5 }, 'seed must be an integer, got 0.5');
  });
});
