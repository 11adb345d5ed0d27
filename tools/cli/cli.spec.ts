import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { BUNDLED_MOTIFS, createRng, simulatePlantedMotifs } from '@strand/genomics';
import { sharedDataPath } from '@strand/genomics/testing';

const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 240_000 });

let dir: string;
let table: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-cli-'));
  const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
  const sim = simulatePlantedMotifs({ count: 400, length: 40, motifs: [gata], seed: 4 });
  const rows = sim.sequences.map(
    (s, i) => `s${i}\t${sim.labels[i] ? 'positive' : 'negative'}\t${s}`,
  );
  table = join(dir, 'gata.tsv');
  await writeFile(table, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strand train', () => {
  it('trains on a labelled sequence table with string labels, prints test metrics as JSON and saves the model', () => {
    const out = join(dir, 'model');
    const r = strand(
      'train',
      '--train',
      table,
      '--epochs',
      '10',
      '--learning-rate',
      '0.01',
      '--seed',
      '3',
      '--json',
      '--out',
      out,
      '--config',
      '{"filters":16,"kernelSize":8,"hiddenUnits":16}',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      architecture: 'deepbind',
      labels: ['negative', 'positive'],
      train: 320,
      test: 80,
      epochs: 10,
    });
    expect(Object.keys(result.metrics)).toEqual([
      'test_loss',
      'test_auroc',
      'test_auprc',
      'test_accuracy',
    ]);
    // Labels become classes in sorted order: 'positive' is class 1, the one scored.
    expect(result.metrics.test_auroc).toBeGreaterThan(0.85);
    return readFile(join(out, 'strand.json'), 'utf8').then((text) => {
      expect(JSON.parse(text)).toMatchObject({
        labelNames: ['negative', 'positive'],
        inputLength: 40,
      });
    });
  });

  it('trains a softmax head on deepbind for a 3-class table: accuracy, macro-F1, per-class AUROC, confusion matrix', async () => {
    // Three classes of 30 bp: background only, a GATA1 site, a SOX2 site (one per sequence).
    const motif = (name: string) => BUNDLED_MOTIFS.find((m) => m.name === name)!;
    const rows: string[] = [];
    (['none', 'gata', 'sox'] as const).forEach((label, c) => {
      const sim = simulatePlantedMotifs({
        count: 60,
        length: 30,
        motifs: [motif(c === 2 ? 'SOX2' : 'GATA1')],
        positiveFraction: c === 0 ? 0 : 1,
        seed: 11 + c,
      });
      sim.sequences.forEach((seq, i) => rows.push(`${label}${i}\t${label}\t${seq}`));
    });
    const three = join(dir, 'three.tsv');
    await writeFile(three, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
    const r = strand(
      'train',
      '--architecture',
      'deepbind',
      '--train',
      three,
      '--epochs',
      '10',
      '--learning-rate',
      '0.01',
      '--config',
      '{"filters":16,"kernelSize":8,"hiddenUnits":16}',
      '--json',
    );
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      task: 'multiclass',
      config: { task: 'multiclass', outputs: 3 },
      labels: ['gata', 'none', 'sox'],
      test: 36,
    });
    // Chance is 1/3; a few epochs on 144 records already learn the two motifs part way.
    expect(result.metrics.test_accuracy).toBeGreaterThan(0.45);
    expect(Object.keys(result.metrics)).toEqual(
      expect.arrayContaining(['test_macro_f1', 'test_auroc', 'test_auroc_gata', 'test_auroc_sox']),
    );
    const { labels, counts } = result.confusionMatrix;
    expect(labels).toEqual(['gata', 'none', 'sox']);
    // Every test record once, by actual class (12 each); the diagonal is the accuracy.
    expect(counts.map((row: number[]) => row.reduce((a, b) => a + b, 0))).toEqual([12, 12, 12]);
    const right = counts.reduce((sum: number, row: number[], a: number) => sum + row[a], 0);
    expect(right / 36).toBeCloseTo(result.metrics.test_accuracy, 6);
  });

  it('says what is wrong with bad input, with exit code 2 for usage errors', () => {
    const missing = strand('train');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^strand train: --train FILE is required/);
    const badEpochs = strand('train', '--train', table, '--epochs', '0');
    expect(badEpochs.status).toBe(2);
    expect(badEpochs.stderr).toBe('strand train: --epochs must be an integer ≥ 1; got "0"\n');
    const noFile = strand('train', '--train', join(dir, 'nope.tsv'));
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toBe(`${join(dir, 'nope.tsv')}: cannot read (ENOENT)\n`);
    const unknown = strand('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^strand: unknown command "frobnicate"/);
  });

  it('attributes --probes after every epoch, every epoch in --json; a probe that does not fit is a usage error', async () => {
    const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
    const probes = join(dir, 'probes.fa');
    const sim = simulatePlantedMotifs({ count: 4, length: 40, motifs: [gata], seed: 9 });
    await writeFile(probes, sim.sequences.map((s, i) => `>p${i}\n${s}`).join('\n'));
    const config = '{"filters":8,"kernelSize":8,"hiddenUnits":8}';
    const args = ['train', '--train', table, '--epochs', '2', '--config', config];
    const r = strand(...args, '--probes', probes, '--json');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.probes.sequences).toEqual(sim.sequences);
    expect(result.probes.epochs.map((e: { epoch: number }) => e.epoch)).toEqual([1, 2]);
    for (const e of result.probes.epochs) {
      expect(e.attributions.map((a: { probe: number }) => a.probe)).toEqual([0, 1, 2, 3]);
      for (const a of e.attributions) expect(a.scores).toHaveLength(160);
    }
    const short = join(dir, 'short.fa');
    await writeFile(short, '>a\nACGT\n');
    const bad = strand(...args, '--probes', short);
    // Checked against the data before training starts.
    expect(bad.stderr).not.toMatch(/epoch 1/);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      `strand train: --probes: probe 1 has length 4; dataset "${table}" has sequences of 40\n`,
    );
  });
});

describe('strand cv', () => {
  it('cross-validates with per-fold metrics and mean / sd over the folds', () => {
    const r = strand(
      'cv',
      '--train',
      table,
      '--folds',
      '3',
      '--epochs',
      '6',
      '--learning-rate',
      '0.01',
      '--json',
    );
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result.folds.map((f: { fold: number; test: number }) => [f.fold, f.test])).toEqual([
      [1, 134],
      [2, 133],
      [3, 133],
    ]);
    expect(Object.keys(result.mean)).toEqual([
      'test_loss',
      'test_auroc',
      'test_auprc',
      'test_accuracy',
    ]);
    const aurocs = result.folds.map(
      (f: { metrics: { test_auroc: number } }) => f.metrics.test_auroc,
    );
    expect(result.mean.test_auroc).toBeCloseTo(
      aurocs.reduce((a: number, b: number) => a + b, 0) / 3,
      10,
    );
    expect(result.mean.test_auroc).toBeGreaterThan(0.8);
    expect(result.sd.test_auroc).toBeGreaterThanOrEqual(0);
  });

  it('trains a softmax MLP on an expression matrix with three string classes', async () => {
    // 3 classes × 20 samples; class c raises genes 3c..3c+2. Genes × samples layout.
    const rng = createRng(9);
    const genes = 200;
    const samples = Array.from({ length: 60 }, (_, i) => `s${i}`);
    const cls = samples.map((_, i) => ['alpha', 'beta', 'gamma'][i % 3]);
    const rows = Array.from({ length: genes }, (_, g) =>
      [
        `g${g}`,
        ...samples.map((_, i) => (rng.next() + (Math.floor(g / 3) === i % 3 ? 2 : 0)).toFixed(3)),
      ].join('\t'),
    );
    const matrix = join(dir, 'expr.tsv');
    const labels = join(dir, 'samples.tsv');
    await writeFile(matrix, `gene\t${samples.join('\t')}\n${rows.join('\n')}\n`);
    await writeFile(
      labels,
      `sample\tgroup\n${samples.map((s, i) => `${s}\t${cls[i]}`).join('\n')}\n`,
    );
    const r = strand(
      'train',
      '--architecture',
      'mlp',
      '--train',
      matrix,
      '--labels',
      labels,
      '--label-column',
      'group',
      '--epochs',
      '40',
      '--json',
    );
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      task: 'multiclass',
      labels: ['alpha', 'beta', 'gamma'],
      train: 48,
      test: 12,
    });
    expect(result.metrics.test_accuracy).toBeGreaterThan(0.8);
    expect(Object.keys(result.metrics)).toEqual(
      expect.arrayContaining(['test_macro_f1', 'test_recall_alpha', 'test_recall_gamma']),
    );
  });

  const golub = sharedDataPath('expression/golub_multtest/expression.tsv');
  it.skipIf(!existsSync(golub))(
    `cross-validates ALL vs AML on Golub ${existsSync(golub) ? '' : '(skipped: ../shared/data absent)'}`,
    () => {
      const r = strand(
        'cv',
        '--architecture',
        'mlp',
        '--train',
        golub,
        '--labels',
        sharedDataPath('expression/golub_multtest/labels.tsv'),
        '--label-column',
        'class',
        '--folds',
        '5',
        '--json',
      );
      expect(r.stderr).toBe('');
      const result = JSON.parse(r.stdout);
      expect(result.folds).toHaveLength(5);
      expect(result.mean.test_accuracy).toBeGreaterThan(0.85);
    },
  );
});

describe('strand cv on real data', () => {
  const promoters = sharedDataPath('sequences/promoters_uci/promoters.fa');
  it.skipIf(!existsSync(promoters))(
    `cross-validates the UCI promoters from a labelled FASTA, 10 folds ${existsSync(promoters) ? '' : '(skipped: ../shared/data absent)'}`,
    () => {
      const r = strand('cv', '--train', promoters, '--folds', '10', '--json');
      expect(r.stderr).toBe('');
      const result = JSON.parse(r.stdout);
      expect(result.split).toEqual({ method: 'stratified-k-fold', folds: 10, seed: 42 });
      expect(result.folds).toHaveLength(10);
      expect(result.folds.reduce((n: number, f: { test: number }) => n + f.test, 0)).toBe(106);
      expect(new Set(result.folds.map((f: { testSha256: string }) => f.testSha256)).size).toBe(10);
      expect(result.mean.test_accuracy).toBeGreaterThan(0.85);
      expect(result.sd.test_accuracy).toBeGreaterThan(0);
    },
  );
});

describe('strand sweep', () => {
  it('runs a grid of trials, prunes the hopeless ones and names the best', () => {
    const r = strand(
      'sweep',
      '--train',
      table,
      '--param',
      'learningRate=0.01,0.0000001',
      '--param',
      'config.filters=8,16',
      '--config',
      '{"kernelSize":8,"hiddenUnits":8}',
      '--epochs',
      '5',
      '--prune-after',
      '2',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ method: 'grid', metric: 'val_auroc', direction: 'maximize' });
    expect(
      result.trials.map((t: { params: object; status: string; epochs: number }) => [
        t.params,
        t.status,
        t.epochs,
      ]),
    ).toEqual([
      [{ learningRate: 0.01, 'config.filters': 8 }, 'completed', 5],
      [{ learningRate: 0.01, 'config.filters': 16 }, 'completed', 5],
      [{ learningRate: 1e-7, 'config.filters': 8 }, 'pruned', 2],
      [{ learningRate: 1e-7, 'config.filters': 16 }, 'pruned', 2],
    ]);
    expect([1, 2]).toContain(result.best.trial);
    expect(result.best.value).toBeGreaterThan(0.8);
  });

  it('says what is wrong with a bad search space, with exit code 2', () => {
    const noParam = strand('sweep', '--train', table);
    expect(noParam.status).toBe(2);
    expect(noParam.stderr).toMatch(/^strand sweep: give at least one --param/);
    const range = strand('sweep', '--train', table, '--param', 'learningRate=0.0001:0.1:log');
    expect(range.status).toBe(2);
    expect(range.stderr).toBe(
      'strand sweep: space.learningRate: grid search needs a list of values, not a range (or use method "random")\n',
    );
    const unknown = strand('sweep', '--train', table, '--param', 'momentum=0.9');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^strand sweep: space\.momentum: not a parameter of deepbind; /);
  });
});
