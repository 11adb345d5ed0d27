import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `strand risk simulate` then `strand risk`, run as a user would: spawned.
const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-cli-risk-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('strand risk', () => {
  it('simulates a cohort, then cross-validates, ranks features and scores every sample', async () => {
    const sim = strand(
      'risk',
      'simulate',
      '--out',
      dir,
      '--samples',
      '80',
      '--genes',
      '40',
      '--risk-genes',
      '3',
      '--seed',
      '4',
      '--json',
    );
    expect(sim.stderr).toBe('');
    expect(sim.status).toBe(0);
    const written = JSON.parse(sim.stdout);
    expect(written.samples).toBe(80);
    expect(Object.keys(written.files)).toEqual(['vcf', 'genes', 'expression', 'labels', 'truth']);
    const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'));
    expect(truth.riskGenes).toHaveLength(3);
    expect(truth).toEqual(written.truth);

    const files = written.files as Record<string, string>;
    const args = [
      'risk',
      '--vcf',
      files.vcf!,
      '--genes',
      files.genes!,
      '--expression',
      files.expression!,
      '--labels',
      files.labels!,
      '--label-column',
      'status',
      '--folds',
      '3',
      '--epochs',
      '4',
      '--top',
      '6',
      '--seed',
      '2',
    ];
    const r = strand(...args, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.folds).toHaveLength(3);
    expect(
      result.folds.map((f: { test: number }) => f.test).reduce((a: number, b: number) => a + b),
    ).toBe(80);
    for (const key of ['auroc', 'auprc', 'accuracy', 'f1', 'mcc', 'loss']) {
      expect(Number.isFinite(result.mean[key]), key).toBe(true);
      expect(result.sd[key], key).toBeGreaterThanOrEqual(0);
    }
    expect(result.topFeatures).toHaveLength(6);
    expect(result.topFeatures[0]).toMatchObject({ rank: 1 });
    expect(['expression', 'variant-burden']).toContain(result.topFeatures[0].modality);
    expect(result.samples).toHaveLength(80);
    expect(result.samples[0]).toMatchObject({ id: 'S001' });
    for (const s of result.samples) {
      expect(s.risk).toBeGreaterThan(0);
      expect(s.risk).toBeLessThan(1);
      expect(s.topFeatures).toHaveLength(5);
    }
    expect(result.burden.variantsUsed).toBeGreaterThan(0);
    expect(result.positiveLabel).toBe('case');

    // The same run for people: metrics with mean ± sd and the ranked features, on stdout.
    const human = strand(...args);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^auroc\t\d\.\d{4} ± \d\.\d{4}$/m);
    expect(human.stdout).toContain('rank\tgene\tmodality');
    expect(human.stderr).toContain('80 samples (');
  }, 120_000);

  it('says what is missing or wrong, with exit code 2 for usage', () => {
    const r = strand('risk', '--vcf', 'x.vcf');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('strand risk: --genes FILE is required');
    const bad = strand('risk', 'simulate', '--out', dir, '--samples', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('strand risk: --samples must be an integer ≥ 1; got "many"\n');
  });

  it('simulates a p ≫ n expression cohort (--expression-only) that strand cv reads, selecting features in fold', async () => {
    const out = join(dir, 'pgn');
    const sim = strand(
      'risk',
      'simulate',
      '--expression-only',
      '--out',
      out,
      '--samples',
      '30',
      '--probes',
      '600',
      '--informative',
      '30',
      '--effect',
      '1.5',
      '--case-fraction',
      '0.4',
      '--seed',
      '2',
      '--json',
    );
    expect(sim.stderr).toBe('');
    const written = JSON.parse(sim.stdout);
    expect(written).toMatchObject({ samples: 30, probes: 600, cases: 12, controls: 18 });
    expect(Object.keys(written.files)).toEqual(['expression', 'labels', 'truth']);
    const truth = JSON.parse(await readFile(join(out, 'truth.json'), 'utf8'));
    expect(truth.informative).toHaveLength(30);
    const cv = strand(
      'cv',
      '--architecture',
      'mlp',
      '--train',
      written.files.expression,
      '--labels',
      written.files.labels,
      '--label-column',
      'status',
      '--folds',
      '3',
      '--epochs',
      '5',
      '--select-features',
      '50',
      '--json',
    );
    expect(cv.stderr).toBe('');
    const result = JSON.parse(cv.stdout);
    expect(result.folds).toHaveLength(3);
    expect(result.baseline.method).toBe('logistic-regression');
    const bad = strand('risk', 'simulate', '--expression-only', '--out', out, '--effect', '0');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('strand risk simulate: --effect must be in (0, 10]; got "0"\n');
    const k = strand(
      'cv',
      '--architecture',
      'mlp',
      '--train',
      written.files.expression,
      '--labels',
      written.files.labels,
      '--select-features',
      '601',
    );
    expect(k.status).toBe(2);
    expect(k.stderr).toContain(
      'featureSelection.k must be an integer from 1 to the number of features (600); got 601',
    );
    const motif = strand('cv', '--train', written.files.expression, '--jaspar', 'x.jaspar');
    expect(motif.status).toBe(2);
    expect(motif.stderr).toBe('strand cv: --jaspar needs --baseline-motif ID\n');
  }, 120_000);
});
