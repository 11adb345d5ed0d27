import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpgMotifTable, profileTable } from '@strand/jobs/testing';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const IMPORT = /* GraphQL */ `
  mutation ($input: ImportDatasetInput!) {
    importDataset(input: $input) {
      job {
        id
        kind
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
type Payload = {
  importDataset: {
    job: { id: string; kind: string; status: string } | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};

const JOB = /* GraphQL */ `
  query ($id: ID!) {
    job(id: $id) {
      id
      status
      error
      result
      params
      progress {
        done
        total
        unit
        fraction
      }
      outputDataset {
        id
        name
        kind
        recordCount
        sequenceLength
      }
    }
  }
`;
interface JobView {
  id: string;
  status: string;
  error: string | null;
  result: string | null;
  params: string;
  progress: { done: number; total: number | null; unit: string; fraction: number | null };
  outputDataset: {
    id: string;
    name: string;
    recordCount: number;
    sequenceLength: number | null;
  } | null;
}

/** Follows a job to its end through the jobProgress subscription, then reads it. */
async function finished(jobId: string): Promise<JobView> {
  const events = await server.subscribe<{ jobProgress: { done: boolean; status: string } }>(
    `subscription ($id: ID!) { jobProgress(jobId: $id) { jobId status done progress { done total unit } } }`,
    { id: jobId },
    (e) => e.jobProgress.done,
  );
  expect(events.at(-1)!.jobProgress.done).toBe(true);
  const res = await server.request<{ job: JobView }>(JOB, { id: jobId });
  expect(res.data!.job.status).toBe(events.at(-1)!.jobProgress.status);
  return res.data!.job;
}

let server: TestServer;
let importDir: string;
let outside: string;

beforeAll(async () => {
  importDir = await mkdtemp(join(tmpdir(), 'strand-imports-'));
  outside = await mkdtemp(join(tmpdir(), 'strand-outside-'));
  await writeFile(join(importDir, 'ok.tsv'), 'id\tlabel\tsequence\na\tyes\tACGT\nb\tno\tTTTT\n');
  await writeFile(join(importDir, 'bad.tsv'), 'id\tlabel\tsequence\na\tyes\tACGT\nb\tno\tTT!T\n');
  await writeFile(join(importDir, 'cpg.tsv'), cpgMotifTable(30, 20, 1));
  await writeFile(join(importDir, 'profiles.tsv'), profileTable(20, 30, 1));
  // VCF 4.0 with GATK's GQ as Float and no ##contig: htslib reads it with warnings.
  await writeFile(
    join(importDir, 'old.vcf'),
    '##fileformat=VCFv4.0\n##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n##FORMAT=<ID=GQ,Number=1,Type=Float,Description="Genotype Quality">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n1\t10\t.\tA\tG\t.\t.\t.\tGT:GQ\t0/1:12.5\n',
  );
  // An intervals import: a reference, 60 regions on it (named without its chr prefix), two tasks.
  const chr1 = Array.from({ length: 3000 }, (_, i) => 'ACGT'[(i * 7 + (i >> 3)) % 4]).join('');
  await writeFile(join(importDir, 'ref.fa'), `>chr1\n${chr1}\n`);
  await writeFile(
    join(importDir, 'regions.bed'),
    Array.from({ length: 60 }, (_, i) => `1\t${100 + i * 45}\t${130 + i * 45}\n`).join(''),
  );
  await writeFile(join(importDir, 'a.bed'), 'chr1\t0\t1000\n');
  await writeFile(join(importDir, 'b.bed'), 'chr1\t2000\t2100\n');
  await writeFile(join(outside, 'secret.tsv'), 'id\tlabel\tsequence\na\t1\tACGT\n');
  process.env.STRAND_IMPORT_DIR = importDir;
  server = await startTestServer();
});
afterAll(async () => {
  delete process.env.STRAND_IMPORT_DIR;
  await server?.stop();
  await rm(importDir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('importDataset', () => {
  it('imports a file from the import directory as a job for a project admin', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-classification', path: 'ok.tsv', name: 'ok' },
    });
    expect(res.data!.importDataset.userErrors).toEqual([]);
    expect(res.data!.importDataset.job).toMatchObject({ kind: 'IMPORT_DATASET' });
    const job = await finished(res.data!.importDataset.job!.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(job.outputDataset).toMatchObject({ name: 'ok', recordCount: 2, sequenceLength: 4 });
    expect(JSON.parse(job.result!)).toMatchObject({ records: 2 });
    // The server's directories stay on the server: files are named by their file name.
    expect(JSON.parse(job.params)).toMatchObject({
      kind: 'sequence-classification',
      path: 'ok.tsv',
    });
    expect(job.params).not.toContain(importDir);
  });

  it('imports intervals (reference + BED regions + task BEDs) as a job with progress', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: {
        kind: 'intervals',
        path: 'regions.bed',
        referencePath: 'ref.fa',
        taskPaths: ['a.bed', 'b.bed'],
        windowWidth: 50,
        name: 'windows',
      },
    });
    expect(res.data!.importDataset.userErrors).toEqual([]);
    const job = await finished(res.data!.importDataset.job!.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(job.progress).toMatchObject({ unit: 'bytes', fraction: 1 });
    expect(job.outputDataset).toMatchObject({
      name: 'windows',
      recordCount: 60,
      sequenceLength: 50,
    });
    expect(JSON.parse(job.params)).toMatchObject({
      referencePath: 'ref.fa',
      taskPaths: ['a.bed', 'b.bed'],
    });
    const missing = await server.request<Payload>(IMPORT, {
      input: { kind: 'intervals', path: 'regions.bed', referencePath: 'nope.fa' },
    });
    expect(missing.data!.importDataset.userErrors).toEqual([
      {
        field: 'referencePath',
        code: 'FILE_NOT_FOUND',
        message: 'no file "nope.fa" in the import directory',
      },
    ]);
  });

  it('fails the job with file:line: reason and stores nothing', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-classification', path: 'bad.tsv' },
    });
    const job = await finished(res.data!.importDataset.job!.id);
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(/^bad\.tsv:3: /);
    expect(job.outputDataset).toBeNull();
    const list = await server.request<{ datasets: { edges: { node: { name: string } }[] } }>(
      `{ datasets(first: 100) { edges { node { name } } } }`,
    );
    expect(list.data!.datasets.edges.map((e) => e.node.name)).not.toContain('bad.tsv');
  });

  it('keeps the warnings on the dataset (Dataset.warnings); strict fails the job at the line', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'variants', path: 'old.vcf' },
    });
    const job = await finished(res.data!.importDataset.job!.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(JSON.parse(job.result!).warnings).toMatchObject({ 'vcf-version': 1 });
    const read = await server.request<{
      dataset: {
        warningCount: number;
        warnings: {
          rule: string;
          count: number;
          examples: { file: string; line: number; message: string }[];
        }[];
      };
    }>(
      `query ($id: ID!) { dataset(id: $id) { warningCount warnings { rule count examples { file line message } } } }`,
      { id: job.outputDataset!.id },
    );
    const { warnings, warningCount } = read.data!.dataset;
    expect(warnings.map((w) => w.rule)).toEqual(
      expect.arrayContaining(['vcf-version', 'vcf-reserved-definition', 'vcf-undeclared-contig']),
    );
    expect(warningCount).toBe(warnings.reduce((sum, w) => sum + w.count, 0));
    expect(warnings.find((w) => w.rule === 'vcf-reserved-definition')!.examples[0]).toMatchObject({
      file: 'old.vcf',
      line: 3,
    });
    const strict = await server.request<Payload>(IMPORT, {
      input: { kind: 'variants', path: 'old.vcf', strict: true },
    });
    const failed = await finished(strict.data!.importDataset.job!.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/^old\.vcf:1: /);
  });

  it('keeps feature columns (deepcpg) and imports count profiles as sequence-regression', async () => {
    const cpg = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-classification', path: 'cpg.tsv', featureColumns: ['cpg_'] },
    });
    const cpgJob = await finished(cpg.data!.importDataset.job!.id);
    expect(cpgJob).toMatchObject({ status: 'SUCCEEDED', outputDataset: { recordCount: 30 } });
    const profiles = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-regression', path: 'profiles.tsv' },
    });
    const profileJob = await finished(profiles.data!.importDataset.job!.id);
    expect(profileJob).toMatchObject({
      status: 'SUCCEEDED',
      outputDataset: { kind: 'sequence-regression', recordCount: 20, sequenceLength: 30 },
    });
  });

  it('refuses an unknown kind before queueing anything', async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'spreadsheet', path: 'ok.tsv' },
    });
    expect(res.data!.importDataset.job).toBeNull();
    expect(res.data!.importDataset.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['kind', 'UNKNOWN_KIND'],
    ]);
  });

  it('reads nothing outside the import directory', async () => {
    for (const path of [
      join(outside, 'secret.tsv'),
      '../' + outside.split('/').pop() + '/secret.tsv',
      '/etc/passwd',
    ]) {
      const res = await server.request<Payload>(IMPORT, {
        input: { kind: 'sequence-classification', path },
      });
      expect(res.data!.importDataset.userErrors.map((e) => [e.field, e.code])).toEqual([
        ['path', 'FILE_NOT_FOUND'],
      ]);
    }
  });

  it('needs the admin role of the project', async () => {
    const editor = await server.createUser('editor', { [server.defaultProjectId]: 'editor' });
    const res = await server.request<Payload>(
      IMPORT,
      { input: { kind: 'sequence-classification', path: 'ok.tsv' } },
      editor.token,
    );
    expect(res.data!.importDataset.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it("hides a project's jobs from members of other projects", async () => {
    const res = await server.request<Payload>(IMPORT, {
      input: { kind: 'sequence-classification', path: 'ok.tsv', name: 'private' },
    });
    const jobId = res.data!.importDataset.job!.id;
    await finished(jobId);
    const other = await server.createProject('elsewhere');
    const outsider = await server.createUser('outsider', { [other]: 'admin' });
    const read = await server.request<{
      job: unknown;
      node: unknown;
      jobs: { totalCount: number };
    }>(
      `query ($id: ID!) { job(id: $id) { id } node(id: $id) { id } jobs(first: 10) { totalCount } }`,
      { id: jobId },
      outsider.token,
    );
    expect(read.data).toEqual({ job: null, node: null, jobs: { totalCount: 0 } });
    const cancel = await server.request<{ cancelJob: { userErrors: { code: string }[] } }>(
      `mutation ($id: ID!) { cancelJob(id: $id) { job { id } userErrors { code } } }`,
      { id: jobId },
      outsider.token,
    );
    expect(cancel.data!.cancelJob.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const watching = server.subscribe(
      `subscription ($id: ID!) { jobProgress(jobId: $id) { done } }`,
      { id: jobId },
      () => true,
      outsider.token,
    );
    await expect(watching).rejects.toThrow(/"code":"NOT_FOUND"/);
  });
});
