import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dataset } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { createTestDatabase, testProject } from '@strand/data/testing';
import { sharedDataPath } from '@strand/genomics/testing';
import { importDataset } from './import-dataset.ts';

let db: StrandDatabase;
let dataDir: string;
let cleanup: () => Promise<void>;
let projectId: string;

beforeEach(async () => {
  ({ db, dataDir, cleanup } = await createTestDatabase());
  const em = db.fork();
  const project = testProject();
  em.persist(project);
  await em.flush();
  projectId = project.id;
});
afterEach(async () => cleanup());

const promoters = sharedDataPath('sequences/promoters_uci/promoters.tsv');
const golub = sharedDataPath('expression/golub_multtest/expression.tsv');

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
      summary: { version: '4.2', samples: 1 },
    });
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
});
