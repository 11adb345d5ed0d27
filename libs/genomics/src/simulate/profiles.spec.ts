import { describe, expect, it } from 'vitest';
import { GenomicsError } from '../errors/genomics-error.ts';
import type { Pfm } from '../motifs/pfm.ts';
import type { ProfileSimulationOptions } from './profiles.ts';
import { simulateProfiles } from './profiles.ts';

/** A PFM that allows exactly one sequence. */
const fixed = (seq: string): Pfm => ({
  id: seq,
  name: seq,
  counts: [...seq].map((b) => [...'ACGT'].map((x) => (x === b ? 9 : 0))),
});

const GATAAG = fixed('GATAAG');
const BASE: ProfileSimulationOptions = { count: 300, length: 80, motif: GATAAG, seed: 7 };

const sum = (values: ArrayLike<number>, from = 0, to = values.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += values[i] as number;
  return s;
};

describe('simulateProfiles', () => {
  it('plants 0..maxSites disjoint motif instances per sequence, deterministically', () => {
    const data = simulateProfiles(BASE);
    expect(data.sequences).toHaveLength(300);
    expect(data.tracks).toBe(1);
    expect(data.counts).toHaveLength(300 * 80);
    const perCount = [0, 0, 0, 0];
    data.sites.forEach((sites, s) => {
      perCount[sites.length] = (perCount[sites.length] as number) + 1;
      sites.forEach((site, i) => {
        expect(data.sequences[s]?.slice(site.start, site.start + 6)).toBe('GATAAG');
        expect(site.center).toBe(site.start + 2.5);
        if (i > 0) expect(site.start).toBeGreaterThanOrEqual((sites[i - 1]?.start ?? 0) + 6);
      });
      expect(sites.at(-1)?.start ?? 0).toBeLessThanOrEqual(74);
    });
    // Uniform on 0..3: each about 75 of 300.
    perCount.forEach((n) => expect(n).toBeGreaterThan(45));
    expect(simulateProfiles(BASE)).toEqual(data);
    expect(simulateProfiles({ ...BASE, seed: 8 }).counts).not.toEqual(data.counts);
  });

  it('draws Poisson counts around a Gaussian footprint on each site plus background', () => {
    const data = simulateProfiles({ ...BASE, count: 1, length: 60, maxSites: 0 });
    expect(Array.from(data.expected)).toEqual(new Array(60).fill(0.05).map(Math.fround));

    const one = simulateProfiles({ ...BASE, count: 2000, readsPerSite: 40, backgroundRate: 0 });
    let sites = 0;
    const mass = new Float64Array(81); // reads by offset from the site centre, −40..40
    one.sites.forEach((list, s) => {
      if (list.length !== 1) return;
      sites++;
      const center = list[0]?.center as number;
      for (let i = 0; i < 80; i++) {
        const offset = Math.round(i - center);
        mass[offset + 40] = (mass[offset + 40] as number) + (one.counts[s * 80 + i] as number);
      }
      // The expected profile is the footprint itself: sd 3 around the centre.
      const row = one.expected.subarray(s * 80, s * 80 + 80);
      const peak = row.indexOf(Math.max(...row));
      expect(Math.abs(peak - center)).toBeLessThanOrEqual(0.5);
      expect(row[Math.round(center + 12)] ?? 0).toBeLessThan(1e-3);
    });
    // Reads within ±6 bp (2 sd) of the centre: ≈ 95% of all reads of one-site sequences.
    const near = sum(mass, 34, 47);
    expect(near / sum(mass)).toBeGreaterThan(0.9);
    // Poisson: the mean total of a one-site sequence ≈ 40 (sites far from an edge).
    expect(sum(mass) / sites).toBeGreaterThan(36);
    expect(sum(mass) / sites).toBeLessThan(41);
  });

  it('makes the total count grow linearly with the number of sites', () => {
    const data = simulateProfiles({ ...BASE, count: 2000, readsPerSite: 50 });
    const totals = [[], [], [], []] as number[][];
    data.sites.forEach((list, s) =>
      totals[list.length]?.push(sum(data.counts, s * 80, s * 80 + 80)),
    );
    const means = totals.map((t) => sum(t) / t.length);
    // Background 0.05 × 80 = 4 reads; each site adds ≤ 50 (less when its footprint is cut by an edge).
    expect(means[0]).toBeGreaterThan(3);
    expect(means[0]).toBeLessThan(5);
    for (let k = 1; k <= 3; k++) {
      const added = (means[k] as number) - (means[k - 1] as number);
      expect(added).toBeGreaterThan(44);
      expect(added).toBeLessThan(52);
    }
  });

  it('gives two strand tracks with footprints shifted either side of the centre', () => {
    const data = simulateProfiles({ ...BASE, count: 50, strandShift: 5, backgroundRate: 0 });
    expect(data.tracks).toBe(2);
    expect(data.counts).toHaveLength(50 * 80 * 2);
    data.sites.forEach((list, s) => {
      if (list.length !== 1) return;
      const center = list[0]?.center as number;
      for (const [track, offset] of [
        [0, -5],
        [1, 5],
      ] as const) {
        if (center + offset < 1 || center + offset > 78) continue; // footprint cut by an edge
        const rates = Array.from({ length: 80 }, (_, i) => data.expected[(s * 80 + i) * 2 + track]);
        const peak = rates.indexOf(Math.max(...(rates as number[])));
        expect(Math.abs(peak - (center + offset))).toBeLessThanOrEqual(0.5);
      }
    });
  });

  it('names the offending option', () => {
    const bad: [Partial<ProfileSimulationOptions>, string][] = [
      [{ count: 0 }, 'count must be an integer ≥ 1, got 0'],
      [{ length: 5 }, 'length must be an integer ≥ the motif width (6), got 5'],
      [{ maxSites: 14 }, 'maxSites must be at most length / motif width (13), got 14'],
      [{ readsPerSite: -1 }, 'readsPerSite must be a finite number ≥ 0, got -1'],
      [{ footprintSd: 0 }, 'footprintSd must be a finite number > 0, got 0'],
      [{ backgroundRate: Number.NaN }, 'backgroundRate must be a finite number ≥ 0, got NaN'],
      [{ strandShift: 1.5 }, 'strandShift must be an integer ≥ 0, got 1.5'],
      [{ gcContent: 2 }, 'gcContent must be in [0, 1], got 2'],
      [{ seed: 0.5 }, 'seed must be an integer, got 0.5'],
    ];
    for (const [options, message] of bad) {
      const run = () => simulateProfiles({ ...BASE, ...options });
      expect(run).toThrow(GenomicsError);
      expect(run).toThrow(message);
    }
  });
});
