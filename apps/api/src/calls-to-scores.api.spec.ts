import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAS_BCFTOOLS,
  HAS_READ_SIMULATOR,
  sharedDataPath,
  simulateReads,
} from '@strand/genomics/testing';
import { callVariants } from '@strand/jobs';
import { seedModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { GraphQLResponse, TestServer } from './testing/test-server.ts';

// Issues 11 and 16: a real caller's call set goes in through importDataset and comes out scored
// by scoreVariants, all over GraphQL. Reads are simulated on E. coli (dwgsim → minimap2 →
// samtools, tools/scripts/simulate-reads.sh) and called twice: by htslib's caller (`bcftools
// mpileup | bcftools call -mv`) and by Strand's own (callVariants, what `strand call` runs, with
// the default pileup model).
const ECOLI = sharedDataPath('reference', 'ecoli536_NC_008253.fa.gz');
const REGION = 'NC_008253.1:200001-250000';
const WIDTH = 51;
const MISSING = [
  ...(HAS_READ_SIMULATOR ? [] : ['dwgsim/minimap2/samtools']),
  ...(HAS_BCFTOOLS ? [] : ['bcftools']),
  ...(existsSync(ECOLI) ? [] : [ECOLI]),
];
const SKIPPED = MISSING.length
  ? ` (skipped: ${MISSING.join(', ')} missing; tools/scripts/install-test-deps.sh installs the tools)`
  : '';

interface ScorePage {
  variantScores: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { pos: number; ref: string; alt: string } }[];
  };
}

let server: TestServer;
let importDir: string;
let runId: string;
let truth: number;

const finished = (jobId: string) => server.waitForJob(jobId);

/** The data lines of a VCF, as columns. */
async function records(file: string): Promise<string[][]> {
  return (await readFile(join(importDir, file), 'utf8'))
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** Symbolic ALTs, `*` and breakends: the scorer skips them, with the reason (variantWindows). */
const unplaceable = (alt: string) => alt.startsWith('<') || alt === '*' || /[[\]]/.test(alt);

/** Imports a call set over GraphQL, scores it, and checks both against the file itself. */
async function importAndScore(file: string) {
  const imported = await server.request<{ importDataset: { job: { id: string } | null } }>(
    `mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } userErrors { code message } } }`,
    { input: { kind: 'variants', path: file, name: file } },
  );
  expect(imported.errors).toBeUndefined();
  const importJob = await finished(imported.data!.importDataset.job!.id);
  expect(importJob).toMatchObject({ status: 'SUCCEEDED', error: null });
  const datasetId = importJob.outputDataset!.id;
  const read = await server.request<{
    dataset: {
      kind: string;
      recordCount: number;
      warningCount: number;
      warnings: { rule: string; count: number }[];
    };
  }>(
    `query ($id: ID!) { dataset(id: $id) { kind recordCount warningCount warnings { rule count } } }`,
    { id: datasetId },
  );
  const lines = await records(file);
  const alleles = lines.flatMap(([, pos, , ref, alts]) =>
    alts.split(',').map((alt) => `${pos}:${ref}>${alt}`),
  );
  const skipped = lines.flatMap(([, , , , alts]) => alts.split(',').filter(unplaceable)).length;

  const started = await server.request<{
    scoreVariants: { job: { id: string } | null; userErrors: unknown[] };
  }>(
    `mutation ($input: ScoreVariantsInput!) { scoreVariants(input: $input) { job { id } userErrors { field code message } } }`,
    { input: { datasetId, reference: 'ref.fa', runId } },
  );
  expect(started.data!.scoreVariants.userErrors).toEqual([]);
  const jobId = started.data!.scoreVariants.job!.id;
  const scoreJob = await finished(jobId);
  expect(scoreJob).toMatchObject({ status: 'SUCCEEDED', error: null });
  // Every score, page by page (at most 100 a page), in the VCF's order.
  const scores: string[] = [];
  let totalCount = 0;
  for (let after: string | null = null; ;) {
    const res: GraphQLResponse<ScorePage> = await server.request<ScorePage>(
      `query ($jobId: ID!, $after: String) { variantScores(jobId: $jobId, first: 100, after: $after, orderBy: { field: POSITION, direction: ASC }) { totalCount pageInfo { hasNextPage endCursor } edges { node { pos ref alt } } } }`,
      { jobId, after },
    );
    expect(res.errors).toBeUndefined();
    const page = res.data!.variantScores;
    totalCount = page.totalCount;
    scores.push(...page.edges.map(({ node }) => `${node.pos}:${node.ref}>${node.alt}`));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return {
    lines,
    alleles,
    skipped,
    dataset: read.data!.dataset,
    result: JSON.parse(scoreJob.result!) as Record<string, unknown> & { scored: number },
    scores,
    totalCount,
  };
}

describe.skipIf(MISSING.length > 0)(`calls → import → scoreVariants over GraphQL${SKIPPED}`, () => {
  beforeAll(async () => {
    importDir = await mkdtemp(join(tmpdir(), 'strand-calls-'));
    // ~50 kb at 20×, 0.2% variants (a third indels): ~100 true variants, a few seconds of work.
    const sim = simulateReads(ECOLI, REGION, importDir, { coverage: 20, rate: 0.002, seed: 5 });
    truth = (await records('truth.vcf')).length;
    // htslib's caller, run in the import directory so its header names files by their names.
    execFileSync(
      'sh',
      [
        '-c',
        `bcftools mpileup -f ref.fa -r ${REGION} reads.bam 2>/dev/null | bcftools call -mv -o bcftools.vcf`,
      ],
      { cwd: importDir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await callVariants({
      bam: sim.bam,
      reference: sim.reference,
      region: REGION,
      out: join(importDir, 'strand.vcf'),
    });
    process.env.STRAND_IMPORT_DIR = importDir;
    server = await startTestServer();
    runId = await seedModelRun(server.db, server.defaultProjectId, WIDTH);
  }, 90_000);
  afterAll(async () => {
    delete process.env.STRAND_IMPORT_DIR;
    await server?.stop();
    if (importDir) await rm(importDir, { recursive: true, force: true });
  });

  for (const caller of ['bcftools', 'strand']) {
    it(`scores every allele of ${caller}'s calls, imported with their warnings visible`, async () => {
      const { lines, alleles, skipped, dataset, result, scores, totalCount } = await importAndScore(
        `${caller}.vcf`,
      );
      // The callers found the planted variants (not a caller benchmark: see eval-caller.sh).
      expect(lines.length).toBeGreaterThan(truth * 0.7);
      // Both write clean VCF 4.2: nothing htslib would warn about, nothing Strand warns about.
      expect(dataset).toEqual({
        kind: 'variants',
        recordCount: lines.length,
        warningCount: 0,
        warnings: [],
      });
      // Called against this very reference: every REF matches, every contig is there; what is
      // not scored is an allele the scorer skips with a reason (none expected from these callers).
      expect(skipped).toBe(0);
      expect(result).toMatchObject({
        variants: lines.length,
        scored: alleles.length - skipped,
        notScored: { refMismatch: 0, unknownChromosome: 0, skipped },
        preflight: { records: lines.length, refMismatches: { count: 0 } },
      });
      expect(totalCount).toBe(result.scored);
      expect(scores).toEqual(alleles);
    });
  }
});
