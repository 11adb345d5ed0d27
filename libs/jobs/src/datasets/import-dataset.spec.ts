import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dataset } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { sharedDataPath } from '@strand/genomics/testing';
import { importDataset } from './import-dataset.ts';
import type { ImportProgress } from './import-progress.ts';
import { ImportProgressReporter, PROGRESS_INTERVAL_MS } from './import-progress.ts';

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

const promoters = sharedDataPath('sequences/promoters_uci/promoters.tsv');
const golub = sharedDataPath('expression/golub_multtest/expression.tsv');
/** The corpus' only unsorted VCF that bcftools reads (fetched, never committed: fetch-vcf-corpus.sh). */
const unsortedCorpusFile = join(
  process.env['STRAND_VCF_CORPUS_DIR'] ??
    resolve(dirname(fileURLToPath(import.meta.url)), '../../../../.cache/vcf-corpus'),
  'files/r-bioc-variantannotation/usr/lib/R/site-library/VariantAnnotation/unitTests/cases/missing-FORMAT-metadata-elt.vcf',
);

describe('importDataset', () => {
  it.skipIf(!existsSync(promoters))(
    'imports the UCI promoters: 106 × 57 nt, 53 / 53, READY with a checksum',
    async () => {
      const outcome = await importDataset(db.fork(), db.artifacts, {
        projectId,
        kind: 'sequence-classification',
        path: promoters,
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      expect(outcome.value).toMatchObject({
        status: 'READY',
        kind: 'sequence-classification',
        recordCount: 106,
        sequenceLength: 57,
        labelCounts: { promoter: 53, non_promoter: 53 },
      });
      expect(outcome.value.summary).toMatchObject({
        labelNames: ['non_promoter', 'promoter'],
        length: { min: 57, max: 57 },
      });
      expect(outcome.value.checksum).toMatch(/^[0-9a-f]{64}$/);
    },
  );

  it.skipIf(!existsSync(golub))(
    'imports Golub: 38 samples × 3,051 genes, 27 ALL / 11 AML',
    async () => {
      const outcome = await importDataset(db.fork(), db.artifacts, {
        projectId,
        kind: 'expression',
        path: golub,
        labelsPath: sharedDataPath('expression/golub_multtest/labels.tsv'),
        labelColumn: 'class',
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      expect(outcome.value).toMatchObject({ recordCount: 38, labelCounts: { ALL: 27, AML: 11 } });
      expect(outcome.value.summary).toMatchObject({
        genes: 3051,
        samples: 38,
        orientation: 'genes-by-samples',
      });
    },
  );

  it('imports a VCF with its version and sample count', async () => {
    const path = join(dataDir, 'calls.vcf');
    await writeFile(
      path,
      '##fileformat=VCFv4.2\n##contig=<ID=1>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n1\t10\t.\tA\tG\t.\t.\t.\tGT\t0/1\n',
    );
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'variants',
      path,
      genomeBuild: 'GRCh38',
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value).toMatchObject({
      kind: 'variants',
      recordCount: 1,
      genomeBuild: 'GRCh38',
      summary: { version: '4.2', samples: 1, sortedOnImport: false },
    });
    // A sorted file is stored as given, byte for byte.
    expect(await readFile(db.artifacts.resolve(outcome.value.artifactPath!), 'utf8')).toBe(
      await readFile(path, 'utf8'),
    );
  });

  it('stores an unsorted VCF sorted by (header contig order, POS), keeping the vcf-unsorted warning', async () => {
    const header = [
      '##fileformat=VCFv4.2',
      '##contig=<ID=chr2>',
      '##contig=<ID=chr1>',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    ];
    const record = (chrom: string, pos: number, id: string) =>
      `${chrom}\t${pos}\t${id}\tA\tC\t.\t.\t.`;
    const path = join(dataDir, 'unsorted.vcf.gz');
    await writeFile(
      path,
      gzipSync(
        [
          ...header,
          record('chr1', 30, 'a'),
          record('chr2', 50, 'b'),
          record('chr1', 10, 'c'),
          record('chr2', 5, 'd'),
          record('chr1', 10, 'e'),
          '',
        ].join('\n'),
      ),
    );
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'variants',
      path,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value).toMatchObject({ recordCount: 5, summary: { sortedOnImport: true } });
    const stored = await readFile(db.artifacts.resolve(outcome.value.artifactPath!), 'utf8');
    // Stored as plain text; records at the same place keep their file order (c before e).
    expect(stored).toBe(
      [
        ...header,
        record('chr2', 5, 'd'),
        record('chr2', 50, 'b'),
        record('chr1', 10, 'c'),
        record('chr1', 10, 'e'),
        record('chr1', 30, 'a'),
        '',
      ].join('\n'),
    );
    expect(outcome.value.warnings?.find((w) => w.rule === 'vcf-unsorted')).toMatchObject({
      count: 3,
      examples: [{ file: 'unsorted.vcf.gz', line: 7 }, { line: 8 }, { line: 9 }],
    });
    expect(outcome.value.checksum).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it.skipIf(!existsSync(unsortedCorpusFile))(
    "stores the corpus' unsorted VariantAnnotation case sorted (tools/scripts/fetch-vcf-corpus.sh)",
    async () => {
      const outcome = await importDataset(db.fork(), db.artifacts, {
        projectId,
        kind: 'variants',
        path: unsortedCorpusFile,
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      expect(outcome.value).toMatchObject({ recordCount: 3, summary: { sortedOnImport: true } });
      expect(outcome.value.warnings?.map((w) => w.rule)).toContain('vcf-unsorted');
      const given = (await readFile(unsortedCorpusFile, 'utf8')).trimEnd().split('\n');
      const stored = await readFile(db.artifacts.resolve(outcome.value.artifactPath!), 'utf8');
      // Lines 10 and 12 are the same record (TP53:1011392) before line 11 (TP53:1012027).
      expect(stored.trimEnd().split('\n')).toEqual([
        ...given.slice(0, 9),
        given[9],
        given[11],
        given[10],
      ]);
    },
  );

  it("keeps what the VCF reader tolerated as the dataset's warnings; strict refuses it", async () => {
    // VCF 4.0, GATK's GQ as Float, no ##contig, Windows line endings: htslib reads all of it.
    const path = join(dataDir, 'old.vcf');
    await writeFile(
      path,
      [
        '##fileformat=VCFv4.0',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=GQ,Number=1,Type=Float,Description="Genotype Quality">',
        '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
        '1\t10\t.\tA\tG\t.\t.\t.\tGT:GQ\t0/1:12.5',
        '1\t20\t.\tC\tT\t.\t.\t.\tGT:GQ\t1/1:40',
        '',
      ].join('\r\n'),
    );
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'variants',
      path,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value.recordCount).toBe(2);
    const stored = await db.fork().findOneOrFail(Dataset, { id: outcome.value.id });
    const rules = Object.fromEntries((stored.warnings ?? []).map((w) => [w.rule, w.count]));
    expect(rules).toMatchObject({
      'crlf-line-endings': 1,
      'vcf-version': 1,
      'vcf-reserved-definition': 1,
      'vcf-undeclared-contig': 1,
    });
    const version = stored.warnings?.find((w) => w.rule === 'vcf-version');
    expect(version?.examples[0]).toMatchObject({ file: 'old.vcf', line: 1 });

    const strict = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'variants',
      path,
      strict: true,
    });
    expect(strict.ok).toBe(false);
    if (strict.ok) return;
    expect(strict.errors[0].message).toMatch(/^old\.vcf:1: /);
    expect(await db.fork().count(Dataset, {})).toBe(1);
  });

  it('imports the samples a matrix and its sample table share, warning how many were dropped', async () => {
    const matrix = join(dataDir, 'expr.tsv');
    const labels = join(dataDir, 'labels.tsv');
    // 6 genes × 3 samples; the table lacks S3 and has S9, which the matrix lacks.
    const rows = ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].map(
      (g, i) => `${g}\t${i}\t${i + 1}\t${i + 2}`,
    );
    await writeFile(matrix, ['gene\tS1\tS2\tS3', ...rows, ''].join('\n'));
    await writeFile(labels, 'id\tclass\nS1\tALL\nS2\tAML\nS9\tALL\n');
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'expression',
      path: matrix,
      labelsPath: labels,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value).toMatchObject({
      recordCount: 2,
      labelCounts: { ALL: 1, AML: 1 },
      summary: { samples: 2, droppedSamples: 1, ignoredAnnotations: 1 },
    });
    expect(outcome.value.warnings).toEqual([
      {
        rule: 'sample-not-annotated',
        count: 1,
        examples: [
          {
            rule: 'sample-not-annotated',
            file: 'expr.tsv',
            line: 1,
            message: 'sample S3 has no row in labels.tsv; left it out (1 dropped, 2 of 3 kept)',
          },
        ],
      },
      {
        rule: 'sample-not-in-matrix',
        count: 1,
        examples: [
          {
            rule: 'sample-not-in-matrix',
            file: 'labels.tsv',
            line: 4,
            message: 'sample S9 is not in expr.tsv; ignored its row (1 ignored)',
          },
        ],
      },
    ]);
    // The stored matrix holds the kept samples only, so training reads a label for each.
    const stored = await readFile(db.artifacts.resolve(outcome.value.artifactPath!), 'utf8');
    expect(stored.split('\n')[0]).toBe('gene\tS1\tS2');

    await writeFile(labels, 'id\tclass\nX1\tALL\n');
    const none = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'expression',
      path: matrix,
      labelsPath: labels,
    });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.errors[0].code).toBe('SAMPLE_MISMATCH');
  });

  it('stops at a malformed record with file:line: reason and leaves nothing behind', async () => {
    const path = join(dataDir, 'bad.tsv');
    await writeFile(path, 'id\tlabel\tsequence\na\t1\tACGT\nb\t0\tACXT\n');
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'sequence-classification',
      path,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0].field).toBe('path');
    expect(outcome.errors[0].message).toMatch(/^bad\.tsv:3: /);
    expect(await db.fork().count(Dataset, {})).toBe(0);
    expect(await readdir(db.artifacts.resolve('datasets')).catch(() => [])).toEqual([]);
  });

  it('names bad input: unknown kind, missing file, expression without a sample table', async () => {
    const em = db.fork();
    const cases = await Promise.all([
      importDataset(em, db.artifacts, { projectId, kind: 'images', path: promoters }),
      importDataset(em, db.artifacts, {
        projectId,
        kind: 'variants',
        path: join(dataDir, 'nope.vcf'),
      }),
      importDataset(em, db.artifacts, { projectId, kind: 'expression', path: join(dataDir, 'x') }),
    ]);
    expect(cases.map((c) => (c.ok ? null : [c.errors[0].field, c.errors[0].code]))).toEqual([
      ['kind', 'UNKNOWN_KIND'],
      ['path', 'FILE_NOT_FOUND'],
      ['path', 'FILE_NOT_FOUND'],
    ]);
  });

  it('imports a square expression matrix once told its orientation', async () => {
    // 4 genes × 4 samples: neither side is twice the other, so nothing can be detected.
    const matrix = join(dataDir, 'square.tsv');
    const samples = join(dataDir, 'square-samples.tsv');
    const rows = ['gene\tS1\tS2\tS3\tS4'];
    for (let g = 1; g <= 4; g++) rows.push(`G${g}\t${g}\t${g + 1}\t${g + 2}\t${g + 3}`);
    await writeFile(matrix, `${rows.join('\n')}\n`);
    await writeFile(samples, 'sample\tgroup\nS1\ta\nS2\ta\nS3\tb\nS4\tb\n');
    const input = { projectId, kind: 'expression', path: matrix, labelsPath: samples };
    const undetected = await importDataset(db.fork(), db.artifacts, input);
    expect(undetected.ok ? null : undetected.errors[0].message).toMatch(/pass orientation/);
    const wrong = await importDataset(db.fork(), db.artifacts, {
      ...input,
      orientation: 'sideways',
    });
    expect(wrong.ok ? null : [wrong.errors[0].field, wrong.errors[0].code]).toEqual([
      'orientation',
      'UNKNOWN_ORIENTATION',
    ]);
    const told = await importDataset(db.fork(), db.artifacts, {
      ...input,
      orientation: 'genes-by-samples',
    });
    if (!told.ok) throw new Error(JSON.stringify(told.errors));
    expect(told.value).toMatchObject({ recordCount: 4, labelCounts: { a: 2, b: 2 } });
    expect(told.value.summary).toMatchObject({ genes: 4, samples: 4 });
  });
});

describe('importDataset progress and abort', () => {
  /** A sequence table of `rows` 60-base records (~70 bytes a line). */
  async function bigTable(rows: number): Promise<string> {
    const path = join(dataDir, `big-${rows}.tsv`);
    const lines = ['id\tlabel\tsequence'];
    for (let i = 0; i < rows; i++)
      lines.push(`s${i}\t${i % 3 === 0 ? 'a' : 'b'}\t${'ACGTTGCA'.repeat(7)}ACGT`);
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  }

  it('reports bytes read of the file size and records parsed, then the stored bytes, throttled', async () => {
    const path = await bigTable(40_000);
    const events: ImportProgress[] = [];
    const t0 = Date.now();
    const outcome = await importDataset(
      db.fork(),
      db.artifacts,
      { projectId, kind: 'sequence-classification', path },
      { onProgress: (p) => events.push(p) },
    );
    const elapsed = Date.now() - t0;
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const size = (await stat(path)).size;
    const reading = events.filter((e) => e.phase === 'reading');
    const storing = events.filter((e) => e.phase === 'storing');
    expect(events).toEqual([...reading, ...storing]);
    expect(reading[0]).toMatchObject({ done: 0, total: size, unit: 'bytes', records: 0 });
    expect(reading.at(-1)).toMatchObject({ done: size, total: size, records: 40_000 });
    expect(reading.at(-1)!.message).toBe(`big-40000.tsv: 40,000 records`);
    for (const key of ['done', 'records'] as const) {
      const values = reading.map((e) => e[key]);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    const stored = (await stat(db.artifacts.resolve(outcome.value.artifactPath!))).size;
    expect(storing.at(-1)).toMatchObject({ done: stored, total: stored, records: 40_000 });
    // At most one report per 100 ms, besides the first and last of each phase.
    expect(events.length).toBeLessThanOrEqual(4 + Math.ceil(elapsed / PROGRESS_INTERVAL_MS));
  });

  it('stops when aborted mid-read: CANCELLED, nothing stored or visible', async () => {
    const path = await bigTable(40_000);
    const controller = new AbortController();
    let reportsAfterAbort = 0;
    const outcome = await importDataset(
      db.fork(),
      db.artifacts,
      { projectId, kind: 'sequence-classification', path },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (controller.signal.aborted) reportsAfterAbort++;
          if (p.phase === 'reading' && p.done > 0) controller.abort();
        },
      },
    );
    expect(outcome).toEqual({
      ok: false,
      errors: [
        { field: null, code: 'CANCELLED', message: 'the import was cancelled; nothing was stored' },
      ],
    });
    // It stopped at the next chunk: no more than that chunk's report came after the abort.
    expect(reportsAfterAbort).toBe(0);
    expect(await db.fork().count(Dataset, {})).toBe(0);
    expect(await readdir(db.artifacts.resolve('datasets')).catch(() => [])).toEqual([]);
  });

  it('imports nothing when the signal has already aborted', async () => {
    const path = await bigTable(10);
    const outcome = await importDataset(
      db.fork(),
      db.artifacts,
      { projectId, kind: 'sequence-classification', path },
      { signal: AbortSignal.abort() },
    );
    expect(outcome.ok ? null : outcome.errors[0].code).toBe('CANCELLED');
    expect(await db.fork().count(Dataset, {})).toBe(0);
    expect(await readdir(db.artifacts.resolve('datasets')).catch(() => [])).toEqual([]);
  });
});

describe('ImportProgressReporter', () => {
  it('sends at most one report per interval, and always a forced one', () => {
    let now = 1000;
    const sent: number[] = [];
    const reporter = new ImportProgressReporter(
      { onProgress: (p) => sent.push(p.done) },
      100,
      'x.tsv',
      () => now,
    );
    reporter.report('reading', 1, 100);
    reporter.report('reading', 2, 100); // same instant: dropped
    now += PROGRESS_INTERVAL_MS - 1;
    reporter.report('reading', 3, 100); // too soon: dropped
    reporter.report('reading', 4, 100, true);
    now += PROGRESS_INTERVAL_MS;
    reporter.report('reading', 5, 100);
    expect(sent).toEqual([1, 4, 5]);
  });
});
