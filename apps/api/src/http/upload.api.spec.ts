import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '@strand/genomics/testing';
import { startTestServer } from '../testing/test-server.ts';
import type { TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  process.env.STRAND_UPLOAD_LIMIT_BYTES = '2000';
  server = await startTestServer();
});
afterAll(async () => {
  delete process.env.STRAND_UPLOAD_LIMIT_BYTES;
  await server?.stop();
});

const upload = (query: string, body: string, token: string | null = server.adminToken) =>
  fetch(`${server.url}/upload?${query}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body,
  });

/** The import job a 202 answer names, waited for. */
async function imported(res: Response, token = server.adminToken) {
  expect(res.status).toBe(202);
  const { job } = (await res.json()) as { job: { id: string; kind: string; status: string } };
  expect(job).toMatchObject({ kind: 'IMPORT_UPLOAD', status: 'QUEUED' });
  return server.waitForJob(job.id, token);
}

const datasetOf = async (id: string, token = server.adminToken) =>
  (
    await server.request<{ dataset: Record<string, unknown> }>(
      `query ($id: ID!) { dataset(id: $id) { name kind status recordCount
         project { id } labelCounts { label count } } }`,
      { id },
      token,
    )
  ).data!.dataset;

describe('POST /upload', () => {
  it('queues the import of an uploaded sequence table (202); the job makes the dataset', async () => {
    const job = await imported(
      await upload(
        'kind=sequence-classification&filename=mine.tsv&name=mine',
        'id\tlabel\tsequence\na\tx\tACGT\nb\ty\tGGCC\n',
      ),
    );
    expect(job).toMatchObject({ status: 'SUCCEEDED', outputDataset: { recordCount: 2 } });
    expect(await datasetOf(job.outputDataset!.id)).toMatchObject({
      name: 'mine',
      kind: 'sequence-classification',
      recordCount: 2,
    });
  });

  it('fails the job of malformed content with file:line: reason; without a token 401, over the limit 413', async () => {
    const bad = await imported(
      await upload(
        'kind=sequence-classification&filename=bad.tsv',
        'id\tlabel\tsequence\na\tx\tAC!T\n',
      ),
    );
    expect(bad.status).toBe('FAILED');
    expect(bad.error).toMatch(/^bad\.tsv:2: /);
    expect((await upload('kind=variants', '##fileformat=VCFv4.2\n', null)).status).toBe(401);
    const big = await upload(
      'kind=sequence-classification',
      `id\tlabel\tsequence\n${'a\t1\tACGT\n'.repeat(400)}`,
    );
    expect(big.status).toBe(413);
  });

  it('needs the editor role', async () => {
    const viewer = await server.createUser('viewer', { [server.defaultProjectId]: 'viewer' });
    const res = await upload(
      'kind=sequence-classification',
      'id\tlabel\tsequence\na\tx\tACGT\n',
      viewer.token,
    );
    expect(res.status).toBe(403);
  });
});

/** A multipart body of the given parts (field → [filename, content]). */
function multipart(parts: Record<string, [string, string]>): FormData {
  const form = new FormData();
  for (const [field, [filename, content]] of Object.entries(parts)) {
    form.append(field, new Blob([content]), filename);
  }
  return form;
}

const post = (query: string, body: FormData, token = server.adminToken) =>
  fetch(`${server.url}/upload?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body,
  });

describe('POST /upload, multipart', () => {
  // Genes × samples: twice as many rows as columns tells the orientation.
  const matrix = `gene\tS1\tS2\tS3\n${[1, 2, 3, 4, 5, 6].map((g) => `g${g}\t1.5\t${g}\tNA\n`).join('')}`;
  const samples = 'sample\tclass\nS1\tALL\nS2\tAML\nS3\tALL\n';

  it('imports an expression matrix with its sample table, into a project named by slug', async () => {
    const projectId = await server.createProject('leukemia');
    const editor = await server.createUser('editor', { [projectId]: 'editor' });
    const res = await post(
      'kind=expression&project=leukemia&labelColumn=class&name=golub-mini',
      multipart({ file: ['matrix.tsv', matrix], labels: ['samples.tsv', samples] }),
      editor.token,
    );
    const job = await imported(res, editor.token);
    expect(job.status).toBe('SUCCEEDED');
    expect(await datasetOf(job.outputDataset!.id, editor.token)).toMatchObject({
      name: 'golub-mini',
      kind: 'expression',
      status: 'READY',
      project: { id: projectId },
      recordCount: 3,
      labelCounts: [
        { label: 'ALL', count: 2 },
        { label: 'AML', count: 1 },
      ],
    });
  });

  it('names the file of a malformed part in its error, and asks for the sample table', async () => {
    const bad = await imported(
      await post(
        'kind=sequence-classification',
        multipart({ file: ['seqs.tsv', 'id\tlabel\tsequence\na\tx\tAC!T\n'] }),
      ),
    );
    expect(bad.status).toBe('FAILED');
    expect(bad.error).toMatch(/^seqs\.tsv:2: /);
    const alone = await post('kind=expression', multipart({ file: ['matrix.tsv', matrix] }));
    expect(alone.status).toBe(400);
    expect(await alone.json()).toEqual({
      userErrors: [
        {
          field: 'labels',
          code: 'REQUIRED',
          message:
            'an expression upload needs its sample table: send multipart parts "file" and "labels"',
        },
      ],
    });
  });

  it('counts both files against the limit, also without a content-length, and rejects a broken body', async () => {
    const big = `id\tlabel\tsequence\n${'a\t1\tACGT\n'.repeat(300)}`;
    const over = await post(
      'kind=expression',
      multipart({ file: ['matrix.tsv', big], labels: ['samples.tsv', big] }),
    );
    expect(over.status).toBe(413);
    // Streamed in chunks with no content-length: the running count stops it.
    const form = new Response(
      multipart({ file: ['matrix.tsv', big], labels: ['samples.tsv', big] }),
    );
    const streamed = await fetch(`${server.url}/upload?kind=expression`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.adminToken}`,
        'content-type': form.headers.get('content-type')!,
      },
      body: form.body,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const broken = await fetch(`${server.url}/upload?kind=variants`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.adminToken}`,
        'content-type': 'multipart/form-data; boundary=xyz',
      },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\n##fileformat=VCFv4.2\n',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      errors: [{ message: 'the body ends before the closing boundary', code: 'BAD_MULTIPART' }],
    });
  });
});

describe('strand import --api (the CLI against this server)', () => {
  const bin = fileURLToPath(new URL('../../../../tools/bin/strand.mjs', import.meta.url));
  const promoters = sharedDataPath('sequences/promoters_uci/promoters.tsv');
  const golub = sharedDataPath('expression/golub_multtest');
  const strand = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, [bin, 'import', ...args, '--api', server.url, '--json'], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  let limit: string | undefined;
  beforeAll(() => {
    limit = process.env.STRAND_UPLOAD_LIMIT_BYTES;
    process.env.STRAND_UPLOAD_LIMIT_BYTES = String(5 * 1024 * 1024);
  });
  afterAll(() => {
    process.env.STRAND_UPLOAD_LIMIT_BYTES = limit;
  });

  it.skipIf(!existsSync(promoters))(
    'imports the UCI promoters with a token from STRAND_TOKEN into a project given by slug',
    async () => {
      const projectId = await server.createProject('promoters');
      const editor = await server.createUser('lab', { [projectId]: 'editor' });
      const run = await strand(
        ['sequence-classification', promoters, '--project', 'promoters', '--name', 'uci'],
        { STRAND_TOKEN: editor.token },
      );
      expect(run.stderr).toBe('');
      const dataset = JSON.parse(run.stdout);
      expect(dataset).toMatchObject({
        name: 'uci',
        kind: 'sequence-classification',
        status: 'READY',
        records: 106,
        sequenceLength: 57,
        labelCounts: { promoter: 53, non_promoter: 53 },
      });
      expect(dataset.projectId).toBe(projectId);
      const listed = await server.request<{ node: { name: string; recordCount: number } }>(
        'query ($id: ID!) { node(id: $id) { ... on Dataset { name recordCount } } }',
        { id: dataset.id },
        editor.token,
      );
      expect(listed.data?.node).toEqual({ name: 'uci', recordCount: 106 });
    },
  );

  it.skipIf(!existsSync(golub))(
    'imports Golub: the matrix and its sample table in one streamed upload',
    async () => {
      const run = await strand([
        'expression',
        `${golub}/expression.tsv`,
        '--labels',
        `${golub}/labels.tsv`,
        '--label-column',
        'class',
        '--token',
        server.adminToken,
      ]);
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({
        kind: 'expression',
        records: 38,
        labelCounts: { ALL: 27, AML: 11 },
      });
    },
  );

  it('exits 1 with the server’s reason, 2 without a token', async () => {
    const viewer = await server.createUser('reader', { [server.defaultProjectId]: 'viewer' });
    const file = join(await mkdtemp(join(tmpdir(), 'strand-cli-')), 'seqs.tsv');
    await writeFile(file, 'id\tlabel\tsequence\na\tx\tACGT\n');
    const refused = await strand(['sequence-classification', file, '--token', viewer.token]);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toMatch(/editor/);
    // Over the limit: the server answers 413 from the length before reading the body.
    process.env.STRAND_UPLOAD_LIMIT_BYTES = '100';
    const big = await strand(['sequence-classification', file, '--token', server.adminToken]);
    process.env.STRAND_UPLOAD_LIMIT_BYTES = String(5 * 1024 * 1024);
    expect(big).toMatchObject({ code: 1 });
    expect(big.stderr.trim().split('\n').at(-1)).toBe('upload over 100 bytes');
    const tokenless = await strand(['sequence-classification', file], { STRAND_TOKEN: '' });
    expect(tokenless).toMatchObject({
      code: 2,
      stderr: 'strand import: --api needs --token or STRAND_TOKEN\n',
    });
  });
});
