import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset, StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { canonicalChromosome, createRng } from '@strand/genomics';
import { importDataset } from './import-dataset.ts';
import type { SplitSpec, StoredSplit } from './dataset-splits.ts';
import { loadSplit, splitIdOf, splitPath, storeSplit } from './dataset-splits.ts';

let db: StrandDatabase;
let dataDir: string;
let cleanup: () => Promise<void>;
let projectId: string;

beforeEach(async () => {
  ({ db, dataDir, cleanup } = await createTestDatabase());
  const em = db.fork();
  projectId = await saveTestProject(em);
});
afterEach(async () => cleanup());

async function imported(kind: string, file: string, text: string, labels?: string) {
  const path = join(dataDir, file);
  await writeFile(path, text);
  let labelsPath: string | undefined;
  if (labels) {
    labelsPath = join(dataDir, `labels-${file}`);
    await writeFile(labelsPath, labels);
  }
  const outcome = await importDataset(db.fork(), db.artifacts, {
    projectId,
    kind,
    path,
    labelsPath,
    labelColumn: labels ? 'class' : null,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.value;
}

/** 240 sequences on chr1-chr6 (some spelled without `chr`), labels bound / free at 1:2. */
function locusTable(): string {
  const rng = createRng(5);
  const lines = ['id\tlabel\tsequence'];
  for (let i = 0; i < 240; i++) {
    const c = 1 + rng.int(6);
    const chrom = i % 7 === 0 ? String(c) : `chr${c}`;
    const start = rng.int(1_000_000);
    lines.push(`${chrom}:${start}-${start + 8}\t${i % 3 === 0 ? 'bound' : 'free'}\tACGTACGT`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every record in exactly one part: the parts are disjoint and cover 0 … n-1. */
function expectPartition(split: StoredSplit): void {
  const all = Object.values(split.parts).flat();
  expect(new Set(all).size).toBe(all.length);
  expect([...all].sort((a, b) => a - b)).toEqual([...Array(split.recordCount).keys()]);
}

/** No chromosome (compared as splits compare them) in two parts. */
function expectChromosomesApart(split: StoredSplit, chroms: string[]): void {
  const partOf = new Map<string, string>();
  for (const [name, rows] of Object.entries(split.parts)) {
    for (const i of rows) {
      const c = canonicalChromosome(chroms[i]);
      expect(partOf.get(c) ?? name, `chromosome ${c}`).toBe(name);
      partOf.set(c, name);
    }
  }
}

const chromsOf = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(':')[0]);

describe('storeSplit / loadSplit', () => {
  it('stores a stratified split: a partition with the class balance in each part', async () => {
    const dataset = await imported('sequence-classification', 'loci.tsv', locusTable());
    const split = await storeSplit(db.artifacts, dataset, {
      method: 'stratified',
      train: 0.7,
      valid: 0.1,
      test: 0.2,
      seed: 11,
    });
    expectPartition(split);
    expect(split.counts).toEqual({ train: 168, valid: 24, test: 48 });
    expect(split).toMatchObject({ recordCount: 240, seed: 11, datasetChecksum: dataset.checksum });
    // Labels are stored as class indices: bound = 0 (every third record).
    const bound = (rows: number[]) => rows.filter((i) => i % 3 === 0).length / rows.length;
    for (const rows of Object.values(split.parts)) expect(bound(rows)).toBeCloseTo(1 / 3, 1);
    const file = db.artifacts.resolve(splitPath(dataset, split.splitId));
    expect(file).toMatch(new RegExp(`/datasets/${dataset.id}/splits/${split.splitId}\\.json$`));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(split);
  });

  it('is idempotent: the same spec gives the same splitId and leaves the file as it was', async () => {
    const dataset = await imported('sequence-classification', 'loci.tsv', locusTable());
    const spec: SplitSpec = { method: 'k-fold', k: 4, seed: 3 };
    const first = await storeSplit(db.artifacts, dataset, spec);
    const file = db.artifacts.resolve(splitPath(dataset, first.splitId));
    const before = await readFile(file, 'utf8');
    // Defaults written out and keys in another order: the same split.
    const again = await storeSplit(db.artifacts, dataset, {
      seed: 3,
      by: 'record',
      k: 4,
      method: 'k-fold',
    });
    expect(again).toEqual(first);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await loadSplit(db.artifacts, dataset, first.splitId)).toEqual(first);
    const other = await storeSplit(db.artifacts, dataset, { ...spec, seed: 4 });
    expect(other.splitId).not.toBe(first.splitId);
    expect(other.parts).not.toEqual(first.parts);
    // The id also depends on the content it indexes.
    expect(splitIdOf(spec, '0'.repeat(64))).not.toBe(first.splitId);
    expectPartition(first);
  });

  it('holds out whole chromosomes: none in two parts, however it is spelled', async () => {
    const text = locusTable();
    const dataset = await imported('sequence-classification', 'loci.tsv', text);
    const holdout = await storeSplit(db.artifacts, dataset, {
      method: 'chromosome-holdout',
      test: ['chr2'],
      valid: ['6'],
    });
    expectPartition(holdout);
    expectChromosomesApart(holdout, chromsOf(text));
    expect(holdout.chromosomes).toEqual({
      train: ['1', '3', '4', '5', 'chr1', 'chr3', 'chr4', 'chr5'],
      valid: ['6', 'chr6'],
      test: ['2', 'chr2'],
    });
    const folds = await storeSplit(db.artifacts, dataset, {
      method: 'k-fold',
      k: 3,
      by: 'chromosome',
      seed: 1,
    });
    expect(Object.keys(folds.parts)).toEqual(['fold-0', 'fold-1', 'fold-2']);
    expectPartition(folds);
    expectChromosomesApart(folds, chromsOf(text));
  });

  it('splits variants by chromosome and expression samples by label', async () => {
    const vcf = [
      '##fileformat=VCFv4.2',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
      ...['1', '1', '2', '2', '2', 'X'].map((c, i) => `${c}\t${10 + i}\t.\tA\tG\t.\t.\t.`),
      '',
    ].join('\n');
    const variants = await imported('variants', 'calls.vcf', vcf);
    const byChrom = await storeSplit(db.artifacts, variants, {
      method: 'k-fold',
      k: 3,
      by: 'chromosome',
    });
    expect(byChrom.chromosomes).toEqual({ 'fold-0': ['2'], 'fold-1': ['1'], 'fold-2': ['X'] });
    expectPartition(byChrom);

    const samples = Array.from({ length: 6 }, (_, i) => `S${i}`);
    const matrix = `gene\t${samples.join('\t')}\n${Array.from({ length: 12 }, (_, g) => `g${g}\t${samples.map((_, s) => g + s).join('\t')}`).join('\n')}\n`;
    const labels = `sample\tclass\n${samples.map((s, i) => `${s}\t${i < 4 ? 'ALL' : 'AML'}`).join('\n')}\n`;
    const expression = await imported('expression', 'matrix.tsv', matrix, labels);
    const split = await storeSplit(db.artifacts, expression, {
      method: 'stratified',
      train: 0.5,
      valid: 0,
      test: 0.5,
      seed: 2,
    });
    expectPartition(split);
    expect(split.counts).toEqual({ train: 3, valid: 0, test: 3 });
    // 4 ALL, 2 AML: each half holds 2 ALL and 1 AML.
    for (const rows of [split.parts.train, split.parts.test]) {
      expect(rows.filter((i) => i >= 4)).toHaveLength(1);
    }
  });

  it('names what is wrong: a bad spec, records without chromosomes, a stale or edited split', async () => {
    const dataset = await imported(
      'sequence-classification',
      'plain.tsv',
      'id\tlabel\tsequence\na\tx\tACGT\nb\ty\tACGA\nc\tx\tACGG\n',
    );
    await expect(
      storeSplit(db.artifacts, dataset, {
        method: 'stratified',
        train: 0.5,
        valid: 0.1,
        test: 0.1,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_SPEC',
      message:
        'dataset plain.tsv: split fractions must be ≥ 0 and sum to 1, got 0.5 + 0.1 + 0.1 = 0.7',
    });
    await expect(
      storeSplit(db.artifacts, dataset, { method: 'chromosome-holdout', test: ['chr1'] }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(
      storeSplit(db.artifacts, dataset, { method: 'bootstrap' } as unknown as SplitSpec),
    ).rejects.toMatchObject({ code: 'INVALID_SPEC' });

    const split = await storeSplit(db.artifacts, dataset, { method: 'k-fold', k: 3 });
    await expect(loadSplit(db.artifacts, dataset, 'f'.repeat(32))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const file = db.artifacts.resolve(splitPath(dataset, split.splitId));
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredSplit;
    // One index moved from a fold to another: the hash no longer matches.
    await writeFile(
      file,
      JSON.stringify({ ...stored, parts: { ...stored.parts, 'fold-0': [0, 1], 'fold-1': [] } }),
    );
    await expect(loadSplit(db.artifacts, dataset, split.splitId)).rejects.toMatchObject({
      code: 'CORRUPT_SPLIT',
    });
    await writeFile(file, JSON.stringify(stored));
    const changed = { ...dataset, checksum: 'e'.repeat(64) } as Dataset;
    await expect(loadSplit(db.artifacts, changed, split.splitId)).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
    });
    // Content that no longer has the dataset's checksum is not split at all.
    await writeFile(db.artifacts.resolve(dataset.artifactPath!), 'id\tlabel\tsequence\n');
    await expect(
      storeSplit(db.artifacts, dataset, { method: 'k-fold', k: 2 }),
    ).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
  });
});
