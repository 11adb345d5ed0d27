import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExpressionMatrix } from '../formats/expression/expression-matrix.ts';
import type { ExpressionMatrix } from '../formats/expression/expression-matrix.ts';
import { readSampleAnnotations } from '../formats/expression/sample-annotations.ts';
import { simulateExpressionCohort } from './expression-cohort.ts';
import type { SimulatedExpressionCohort } from './expression-cohort.ts';

const stream = (text: string) => Readable.from([Buffer.from(text)]);
const OPTIONS = { samples: 120, probes: 1000, informative: 12, effectSize: 1.5, seed: 3 };

let cohort: SimulatedExpressionCohort;
let matrix: ExpressionMatrix;
beforeAll(async () => {
  cohort = simulateExpressionCohort({ ...OPTIONS, caseFraction: 0.3 });
  matrix = await readExpressionMatrix(stream(cohort.expression), {
    orientation: 'genes-by-samples',
  });
});

/** Column j's values of the cases and of the controls. */
function groups(j: number): [number[], number[]] {
  const p = matrix.genes.length;
  const out: [number[], number[]] = [[], []];
  cohort.status.forEach((s, i) => out[s === 1 ? 0 : 1].push(matrix.values[i * p + j] as number));
  return out;
}
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: number[]) =>
  Math.sqrt(v.reduce((a, x) => a + (x - mean(v)) ** 2, 0) / (v.length - 1));
describe('simulateExpressionCohort', () => {
  it('writes a probes × samples log2 matrix and a sample table that read back, with exact class counts', async () => {
    expect(matrix.genes).toEqual(cohort.probes);
    expect(matrix.samples).toEqual(cohort.samples);
    expect(cohort.probes).toHaveLength(1000);
    const values = [...matrix.values];
    expect(Math.min(...values)).toBeGreaterThan(-2);
    expect(Math.max(...values)).toBeLessThan(20);
    expect(cohort.truth).toMatchObject({ cases: 36, controls: 84, effectSize: 1.5 });
    expect(cohort.status.reduce((a, b) => a + b, 0)).toBe(36);
    const table = await readSampleAnnotations(stream(cohort.sampleTable));
    const status = cohort.samples.map((s) => table.rows.get(s)?.['status']);
    expect(status).toEqual([...cohort.status].map((s) => (s === 1 ? 'case' : 'control')));
  });

  it('is deterministic under a seed and changes with it', () => {
    expect(simulateExpressionCohort({ ...OPTIONS, caseFraction: 0.3 })).toEqual(cohort);
    const other = simulateExpressionCohort({ ...OPTIONS, caseFraction: 0.3, seed: 4 });
    expect(other.expression).not.toBe(cohort.expression);
    expect(other.truth.informative).not.toEqual(cohort.truth.informative);
  });

  it('shifts the informative probes by the effect size in their direction, and no other probe', () => {
    const informative = new Map(cohort.truth.informative.map((t) => [t.probe, t.direction]));
    expect(informative.size).toBe(12);
    const d = cohort.probes.map((_, j) => {
      const [cases, controls] = groups(j);
      return (mean(cases) - mean(controls)) / Math.sqrt((sd(cases) ** 2 + sd(controls) ** 2) / 2);
    });
    const planted = cohort.probes.flatMap((probe, j) =>
      informative.has(probe) ? [(d[j] as number) * (informative.get(probe) as number)] : [],
    );
    // Means over 12 probes of 36 vs 84 samples: the planted 1.5 within ±0.35.
    expect(mean(planted)).toBeGreaterThan(1.15);
    expect(mean(planted)).toBeLessThan(1.85);
    const others = d.filter((_, j) => !informative.has(cohort.probes[j] as string));
    expect(Math.abs(mean(others))).toBeLessThan(0.05);
    expect(Math.max(...others.map(Math.abs))).toBeLessThan(1);
  });

  it('makes probes of a module correlated (about moduleCorrelation) and others not', async () => {
    // Six barely informative probes all in one module: their pairs correlate ≈ 0.4.
    const flat = simulateExpressionCohort({
      samples: 300,
      probes: 500,
      informative: 6,
      informativeModules: 1,
      effectSize: 0.001,
      seed: 5,
    });
    const m = await readExpressionMatrix(stream(flat.expression), {
      orientation: 'genes-by-samples',
    });
    const p = m.genes.length;
    const column = (j: number) => flat.samples.map((_, i) => m.values[i * p + j] as number);
    const r = (a: number, b: number) => {
      const x = column(a);
      const y = column(b);
      const mx = mean(x);
      const my = mean(y);
      let sxy = 0;
      x.forEach((v, i) => (sxy += (v - mx) * ((y[i] as number) - my)));
      return sxy / (x.length - 1) / (sd(x) * sd(y));
    };
    const module = flat.truth.informative.map((t) => flat.probes.indexOf(t.probe));
    const within: number[] = [];
    module.forEach((a, i) => module.slice(i + 1).forEach((b) => within.push(r(a, b))));
    expect(mean(within)).toBeGreaterThan(0.3);
    expect(mean(within)).toBeLessThan(0.5);
    // Neighbouring probe ids are almost never in one module (modules are a seeded permutation).
    const neighbours = Array.from({ length: 100 }, (_, j) => r(j, j + 1));
    expect(Math.abs(mean(neighbours))).toBeLessThan(0.05);
  });

  it('refuses options out of range, naming the field', () => {
    expect(() => simulateExpressionCohort({ samples: 5, probes: 100, seed: 1 })).toThrow(
      'samples must be an integer in [10, 10000], got 5',
    );
    expect(() =>
      simulateExpressionCohort({ samples: 20, probes: 30, informative: 40, seed: 1 }),
    ).toThrow('probes must be an integer in [41, 100000], got 30');
    expect(() =>
      simulateExpressionCohort({ samples: 20, probes: 100, caseFraction: 0.02, seed: 1 }),
    ).toThrow('caseFraction must be in (0, 1) with at least 2 cases and 2 controls, got 0.02');
    expect(() =>
      simulateExpressionCohort({ samples: 20, probes: 100, effectSize: -1, seed: 1 }),
    ).toThrow('effectSize must be in (0, 10], got -1');
  });
});
