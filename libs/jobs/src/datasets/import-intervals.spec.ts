import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { sharedDataPath } from '@strand/genomics/testing';
import { importDataset } from './import-dataset.ts';
import type { ImportProgress } from './import-progress.ts';
import { firstStoredSequences, openSequenceStore } from './sequence-store-reader.ts';

let db: StrandDatabase;
let cleanup: () => Promise<void>;
let projectId: string;
let dir: string;

beforeEach(async () => {
  ({ db, cleanup } = await createTestDatabase());
  projectId = await saveTestProject(db.fork());
  dir = await mkdtemp(join(tmpdir(), 'strand-intervals-'));
  const chr1 = 'A'.repeat(50) + 'C'.repeat(50) + 'G'.repeat(50) + 'T'.repeat(50);
  const chr2 = 'ACGGT'.repeat(40);
  await writeFile(join(dir, 'ref.fa'), `>chr1\n${chr1}\n>chr2\n${chr2}\n`);
  // `1` and `2` are the reference's chr1 and chr2; chrX is not in it; the second region's
  // window would start before the chromosome.
  await writeFile(join(dir, 'regions.bed'), '1\t40\t60\nchr1\t0\t4\nchrX\t0\t10\nchr2\t100\t110\n');
  await writeFile(join(dir, 't1.bed'), 'chr1\t55\t57\n');
  await writeFile(join(dir, 't2.bed'), '2\t0\t96\n');
});
afterEach(async () => {
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** The stored rows: id, sequence, and the 0/1 of each task. */
async function rows(file: string, tasks: number) {
  const store = await openSequenceStore(file);
  try {
    const chunk = await store.table.chunk(0);
    return Array.from({ length: chunk.rows }, (_, r) => ({
      id: chunk.textAt('id', r),
      sequence: chunk.textAt('sequence', r),
      tasks: Array.from({ length: tasks }, (_, t) => chunk.numbers(`task_${t + 1}`)[r]),
    }));
  } finally {
    await store.table.close();
  }
}

describe('importDataset of kind intervals', () => {
  it('cuts centred windows, labels them by the task peaks they overlap, reconciles names', async () => {
    const progress: ImportProgress[] = [];
    const outcome = await importDataset(
      db.fork(),
      db.artifacts,
      {
        projectId,
        kind: 'intervals',
        path: join(dir, 'regions.bed'),
        referencePath: join(dir, 'ref.fa'),
        taskPaths: [join(dir, 't1.bed'), join(dir, 't2.bed')],
        windowWidth: 20,
      },
      { onProgress: (p) => progress.push(p) },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const dataset = outcome.value;
    expect(dataset).toMatchObject({
      kind: 'sequence-classification',
      recordCount: 2,
      sequenceLength: 20,
    });
    expect(dataset.summary).toMatchObject({
      columns: { labels: ['t1', 't2'] },
      intervals: { windowWidth: 20, skippedOffChromosome: 1, skippedUnknownChromosome: 1 },
    });
    expect(progress.at(-1)).toMatchObject({ records: 4 });
    expect(await rows(db.artifacts.resolve(dataset.artifactPath!), 2)).toEqual([
      { id: 'chr1:40-60', sequence: 'A'.repeat(10) + 'C'.repeat(10), tasks: [1, 0] },
      { id: 'chr2:95-115', sequence: 'ACGGT'.repeat(4), tasks: [0, 1] },
    ]);
    // What an explanation of the dataset reads: the records with where they lie (1-based).
    const first = await firstStoredSequences(db.artifacts.resolve(dataset.artifactPath!), 5);
    expect(
      first.map(({ id, chrom, start, end, strand }) => ({ id, chrom, start, end, strand })),
    ).toEqual([
      { id: 'chr1:40-60', chrom: 'chr1', start: 41, end: 60, strand: '+' },
      { id: 'chr2:95-115', chrom: 'chr2', start: 96, end: 115, strand: '+' },
    ]);
  });

  it('adds dinucleotide-shuffled negatives labelled 0, and checks its options', async () => {
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'intervals',
      path: join(dir, 'regions.bed'),
      referencePath: join(dir, 'ref.fa'),
      windowWidth: 20,
      negatives: 'shuffled',
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value).toMatchObject({ recordCount: 4, labelCounts: { '0': 2, '1': 2 } });
    const store = await openSequenceStore(db.artifacts.resolve(outcome.value.artifactPath!));
    const chunk = await store.table.chunk(0);
    const sorted = (r: number) => [...chunk.textAt('sequence', r)].sort().join('');
    expect(chunk.textAt('id', 1)).toBe('chr1:40-60_shuffled');
    expect(sorted(1)).toBe(sorted(0));
    await store.table.close();
    const bad = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'intervals',
      path: join(dir, 'regions.bed'),
      referencePath: join(dir, 'ref.fa'),
      negatives: 'random',
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
      'unknown negatives "random"; one of gc-matched, shuffled',
    ]);
  });

  const ecoli = sharedDataPath('reference/ecoli536_NC_008253.fa.gz');
  it.skipIf(!existsSync(ecoli))(
    'imports E. coli windows with GC-matched background (the reference decompressed)',
    async () => {
      const { gunzipSync } = await import('node:zlib');
      const { readFile } = await import('node:fs/promises');
      await writeFile(join(dir, 'ecoli.fa'), gunzipSync(await readFile(ecoli)));
      const name = 'gi|110640213|ref|NC_008253.1|';
      const regions = Array.from(
        { length: 40 },
        (_, i) => `${name}\t${100_000 * (i + 1)}\t${100_000 * (i + 1) + 300}\n`,
      );
      await writeFile(join(dir, 'peaks.bed'), regions.join(''));
      const outcome = await importDataset(db.fork(), db.artifacts, {
        projectId,
        kind: 'intervals',
        path: join(dir, 'peaks.bed'),
        referencePath: join(dir, 'ecoli.fa'),
        windowWidth: 200,
        negatives: 'gc-matched',
        seed: 3,
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      expect(outcome.value).toMatchObject({
        recordCount: 80,
        sequenceLength: 200,
        labelCounts: { '0': 40, '1': 40 },
      });
    },
  );
});
