import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consensus, findMotif, pfmToProbabilities } from '@strand/genomics';
import { quantileOf } from './background.ts';
import type { IsmFile } from './variant-ism.ts';
import { scoreVcf } from './score-vcf.ts';
import { saveTinyModel, writePlantedReference, writeSnvVcf } from './testing/scoring-fixtures.ts';

describe('quantileOf', () => {
  it('is the mid-rank of |effect| among the sorted background magnitudes', () => {
    const sorted = Float64Array.from([0, 0, 0, 0.1, 0.2, 0.4]);
    expect(quantileOf(sorted, 0.3)).toBe(5 / 6);
    expect(quantileOf(sorted, -0.3)).toBe(5 / 6); // the sign is not used
    expect(quantileOf(sorted, 1)).toBe(1);
    // Ties count half: an effect of 0 among three background zeros is not "above" them.
    expect(quantileOf(sorted, 0)).toBe(1.5 / 6);
    expect(quantileOf(sorted, 0.1)).toBe(3.5 / 6);
  });
});

const GATA1 = findMotif('GATA1');
const WIDTH = 51;
const SITES = [1500, 3500, 5500];

describe('scoreVcf --background (planted GATA1)', () => {
  let dir: string;
  let reference: string;
  let modelDir: string;
  let vcf: string;
  let breaker: readonly [number, string, string, string];
  let motifOffset: number; // the breaker's index in the motif
  beforeAll(async () => {
    if (!GATA1) throw new Error('the bundled GATA1 motif is missing');
    dir = await mkdtemp(join(tmpdir(), 'strand-background-'));
    modelDir = join(dir, 'model');
    await saveTinyModel(modelDir, WIDTH, { count: 1000, epochs: 6 });
    reference = join(dir, 'planted.fa');
    const motif = consensus(GATA1);
    const sequence = await writePlantedReference(reference, {
      length: 7000,
      seed: 3,
      motif,
      sites: SITES,
    });
    // The motif's most certain base, changed to its least likely one.
    const probabilities = pfmToProbabilities(GATA1);
    let best = 0;
    probabilities.forEach((row, i) => {
      if (Math.max(...row) > Math.max(...probabilities[best])) best = i;
    });
    const row = probabilities[best];
    const alt = 'ACGT'[row.indexOf(Math.min(...row))];
    motifOffset = best;
    const pos = SITES[1] + best + 1;
    breaker = [pos, sequence[pos - 1], alt, 'breaker'];
    // Far from every site: its windows hold no planted motif.
    const neutralPos = 2500;
    const neutralRef = sequence[neutralPos - 1];
    const neutralAlt = 'ACGT'.replace(neutralRef, '')[0];
    vcf = join(dir, 'calls.vcf');
    // Inside the motif, a base GATA1 tolerates: position 3 of CTAATCT is A, and T (20 570 of
    // ≈ 75 000 sites in JASPAR's counts) is the motif's second choice there.
    const tolerated = [SITES[1] + 3, 'A', 'T', 'tolerated'] as const;
    expect(sequence[SITES[1] + 2]).toBe('A');
    await writeSnvVcf(vcf, [breaker, tolerated, [neutralPos, neutralRef, neutralAlt, 'neutral']]);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const quantiles = async (outDir: string) => {
    const [header, ...rows] = (await readFile(join(outDir, 'scores.tsv'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const at = header.indexOf('quantile');
    const id = header.indexOf('id');
    return Object.fromEntries(rows.map((r) => [r[id], Number(r[at])]));
  };

  it('random substitutions: the motif breaker lands near 1, the neutral SNV does not', async () => {
    const outDir = join(dir, 'random');
    const seen: number[] = [];
    const result = await scoreVcf({
      vcf,
      reference,
      modelDir,
      outDir,
      background: { kind: 'random' },
      backgroundSize: 2000,
      onBackgroundProgress: (done) => void seen.push(done),
    });
    expect(result.background).toEqual({ kind: 'random', alleles: 2000 });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(2000);
    const q = await quantiles(outDir);
    // ≈ 3% of random substitutions hit GATA-like sites of the random sequence (or make one).
    expect(q['breaker']).toBeGreaterThanOrEqual(0.95);
    expect(q['neutral']).toBeLessThan(0.9);
    expect(q['tolerated']).toBeLessThan(0.9);
    const scoresVcf = await readFile(join(outDir, 'scores.vcf'), 'utf8');
    expect(scoresVcf).toContain('##INFO=<ID=STRAND_QUANTILE,Number=A,Type=Float');
    expect(scoresVcf).toMatch(/Background=random,BackgroundAlleles=2000/);
    expect(scoresVcf).toMatch(new RegExp(`breaker\\t.*STRAND_QUANTILE=${q['breaker']}`));
  }, 120_000);

  it('a file of common variants as the background, and no quantile without one', async () => {
    const common = join(dir, 'common.vcf');
    const snvs: (readonly [number, string, string, string])[] = [];
    const sequence = (await readFile(reference, 'utf8')).split('\n').slice(1).join('');
    for (let pos = 101; pos < 6900; pos += 23) {
      if (SITES.some((s) => pos > s - 5 && pos < s + 15)) continue;
      const ref = sequence[pos - 1];
      snvs.push([pos, ref, 'ACGT'.replace(ref, '')[pos % 3], `c${pos}`]);
    }
    await writeSnvVcf(common, snvs);
    const outDir = join(dir, 'file');
    const result = await scoreVcf({
      vcf,
      reference,
      modelDir,
      outDir,
      background: { kind: 'file', path: common },
      backgroundSize: 200,
    });
    expect(result.background).toEqual({ kind: 'file', alleles: 200 });
    const q = await quantiles(outDir);
    // ≈ 3% of random substitutions hit GATA-like sites of the random sequence (or make one).
    expect(q['breaker']).toBeGreaterThanOrEqual(0.95);
    expect(q['neutral']).toBeLessThan(0.9);
    expect(q['tolerated']).toBeLessThan(0.9);

    const plain = join(dir, 'plain');
    expect((await scoreVcf({ vcf, reference, modelDir, outDir: plain })).background).toBeNull();
    expect(await readFile(join(plain, 'scores.tsv'), 'utf8')).not.toContain('quantile');
    await expect(
      scoreVcf({
        vcf,
        reference,
        modelDir,
        outDir: join(dir, 'small'),
        background: { kind: 'random' },
        backgroundSize: 5,
      }),
    ).rejects.toThrow(/background size must be an integer from 100 to 100000, got 5/);
  }, 120_000);

  it('ismTop: the motif breaker is attributed, with its largest ISM inside the motif', async () => {
    const outDir = join(dir, 'ism');
    const seen: number[] = [];
    const result = await scoreVcf({
      vcf,
      reference,
      modelDir,
      outDir,
      ismTop: 2,
      onIsmProgress: (done) => void seen.push(done),
    });
    expect(result.attributions).toEqual({ file: join(outDir, 'ism.json'), variants: 2 });
    expect(seen).toEqual([0, 1, 2]);
    const ism = JSON.parse(await readFile(join(outDir, 'ism.json'), 'utf8')) as IsmFile;
    // Largest |effect| first: the breaker, then (far smaller) one of the others.
    expect(ism.variants.map((v) => v.variantId)).toEqual(['breaker', expect.any(String)]);
    const [top] = ism.variants;
    expect(top.row).toBe(0);
    expect(top.refScores).toHaveLength(WIDTH);
    expect(top.center).toBe(Math.floor(WIDTH / 2));
    // Each window's own base scores 0; the ref window's ISM at the variant's own cell is the effect.
    top.refScores.forEach((row, i) => expect(row['ACGT'.indexOf(top.refWindow[i])]).toBe(0));
    const alt = 'ACGT'.indexOf(top.alt);
    expect(top.refScores[top.center][alt]).toBeCloseTo(top.diff, 3);
    const size = (rows: number[][]) => rows.map((r) => r.reduce((a, v) => a + Math.abs(v), 0));
    const ref = size(top.refScores);
    const strongest = ref.indexOf(Math.max(...ref));
    const start = top.center - motifOffset;
    const motifLength = consensus(GATA1!).length;
    expect(strongest).toBeGreaterThanOrEqual(start);
    expect(strongest).toBeLessThan(start + motifLength);
    const inside = ref.slice(start, start + motifLength);
    const outside = [...ref.slice(0, start), ...ref.slice(start + motifLength)];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(inside)).toBeGreaterThan(3 * mean(outside));
    // In the alt window, putting the REF base back undoes the variant.
    expect(top.altScores[top.center]['ACGT'.indexOf(top.ref)]).toBeCloseTo(-top.diff, 3);
    await expect(
      scoreVcf({ vcf, reference, modelDir, outDir: join(dir, 'too-many'), ismTop: 51 }),
    ).rejects.toThrow(/ismTop must be an integer from 0 to 50, got 51/);
  }, 120_000);
});
