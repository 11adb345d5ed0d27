import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

// Issue 11: a real call set from the Debian corpus (tools/scripts/fetch-vcf-corpus.sh), imported
// as a variants dataset and scored end to end over GraphQL. Rsamtools' ex1.vcf.gz is samtools
// 0.1 mpileup output on its ex1 reads: 3,065 all-sites records, REF N throughout (it was run
// without a reference) and ALT X for the unobserved allele; bcftools reads all of them. It is
// scored against samtools' ex1.fa, the reference the reads were aligned to.
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const corpus = process.env.STRAND_VCF_CORPUS_DIR ?? join(repo, '.cache/vcf-corpus');
const EX1_VCF = join(
  corpus,
  'files/r-bioc-rsamtools/usr/lib/R/site-library/Rsamtools/extdata/ex1.vcf.gz',
);

let server: TestServer;
let importDir: string;

const finished = (jobId: string) => server.waitForJob(jobId);

describe('a real call set from the corpus (samtools mpileup, ex1): import → scoreVariants', () => {
  beforeAll(async () => {
    execFileSync('bash', [join(repo, 'tools/scripts/fetch-vcf-corpus.sh')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 600_000,
    });
    importDir = await mkdtemp(join(tmpdir(), 'strand-corpus-calls-'));
    await copyFile(EX1_VCF, join(importDir, 'ex1.vcf.gz'));
    await copyFile(join(corpus, 'references/ex1.fa'), join(importDir, 'ex1.fa'));
    process.env.STRAND_IMPORT_DIR = importDir;
    server = await startTestServer();
  }, 600_000);
  afterAll(async () => {
    delete process.env.STRAND_IMPORT_DIR;
    await server?.stop();
    if (importDir) await rm(importDir, { recursive: true, force: true });
  });

  it('imports with the warnings htslib would pass over, and scores every placeable allele', async () => {
    const imported = await server.request<{ importDataset: { job: { id: string } | null } }>(
      `mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } userErrors { code message } } }`,
      { input: { kind: 'variants', path: 'ex1.vcf.gz', name: 'ex1 calls' } },
    );
    expect(imported.errors).toBeUndefined();
    const importJob = await finished(imported.data!.importDataset.job!.id);
    expect(importJob).toMatchObject({ status: 'SUCCEEDED', error: null });
    const datasetId = importJob.outputDataset!.id;
    const read = await server.request<{
      dataset: { recordCount: number; warnings: { rule: string; count: number }[] };
    }>(`query ($id: ID!) { dataset(id: $id) { recordCount warnings { rule count } } }`, {
      id: datasetId,
    });
    // As many records as bcftools reads (the corpus manifest); the warnings are on the dataset.
    expect(read.data!.dataset.recordCount).toBe(3065);
    expect(read.data!.dataset.warnings).toContainEqual({
      rule: 'vcf-legacy-x-allele',
      count: 3065,
    });

    const runId = await seedModelRun(server.db, server.defaultProjectId, 51);
    const started = await server.request<{
      scoreVariants: { job: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($input: ScoreVariantsInput!) { scoreVariants(input: $input) { job { id } userErrors { field code message } } }`,
      { input: { datasetId, reference: 'ex1.fa', runId } },
    );
    expect(started.data!.scoreVariants.userErrors).toEqual([]);
    const scoreJob = await finished(started.data!.scoreVariants.job!.id);
    expect(scoreJob).toMatchObject({ status: 'SUCCEEDED', error: null });
    // Every record has one <*> (from X), skipped with its reason; the 3,269 base alleles are
    // scored: REF N agrees with whatever base the reference has.
    expect(JSON.parse(scoreJob.result!)).toMatchObject({
      variants: 3065,
      scored: 3269,
      notScored: { refMismatch: 0, unknownChromosome: 0, skipped: 3065 },
    });
  });
});
