import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, Project } from '@strand/data';
import { sharedDataPath } from '@strand/genomics/testing';
import { writeTestVcf } from '@strand/jobs/testing';
import { seedModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { GraphQLResponse, TestServer } from './testing/test-server.ts';

const SHARED_REFERENCE = sharedDataPath('reference', 'hg19_chr17_part.fa');
const HAS_REFERENCE = existsSync(SHARED_REFERENCE);
const WIDTH = 51;
const COUNT = 400;

const SCORE = /* GraphQL */ `
  mutation ($input: ScoreVariantsInput!) {
    scoreVariants(input: $input) {
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
  scoreVariants: {
    job: { id: string; kind: string; status: string } | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};

const PAGE = /* GraphQL */ `
  query (
    $jobId: ID!
    $first: Int
    $after: String
    $orderBy: VariantScoreOrderInput
    $filter: VariantScoreFilterInput
  ) {
    variantScores(jobId: $jobId, first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
        node {
          row
          chrom
          pos
          variantId
          ref
          alt
          task
          refPred
          altPred
          diff
          absDiff
          logOddsChange
          quantile
        }
      }
    }
  }
`;
interface Row {
  row: number;
  chrom: string;
  pos: number;
  variantId: string | null;
  ref: string;
  alt: string;
  task: string;
  refPred: number;
  altPred: number;
  diff: number;
  absDiff: number;
  logOddsChange: number;
  quantile: number | null;
}
interface Page {
  variantScores: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Row }[];
  };
}

let server: TestServer;
let importDir: string;
let runId: string;
let datasetId: string;
let alleles: number;
let plantedMismatches: number;

/** Imports a file of the import directory as a variants dataset; returns its id. */
async function importVariants(path: string): Promise<string> {
  const res = await server.request<{ importDataset: { job: { id: string } | null } }>(
    `mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } userErrors { code } } }`,
    { input: { kind: 'variants', path } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  const job = await finished(res.data.importDataset.job!.id);
  return (JSON.parse(job.result!) as { datasetId: string }).datasetId;
}

interface JobView {
  id: string;
  status: string;
  error: string | null;
  errorCode: string | null;
  result: string | null;
  lineage: string;
  progress: { done: number; total: number | null; unit: string };
  dataset: { id: string } | null;
  run: { id: string } | null;
}

/** Follows a job to its end through jobProgress; returns the events and the job as stored. */
async function finished(jobId: string, token?: string) {
  const events = await server.subscribe<{
    jobProgress: {
      done: boolean;
      status: string;
      progress: { done: number; total: number | null; unit: string };
    };
  }>(
    `subscription ($id: ID!) { jobProgress(jobId: $id) { status done progress { done total unit } } }`,
    { id: jobId },
    (e) => e.jobProgress.done,
    token,
  );
  const res = await server.request<{ job: JobView }>(
    `query ($id: ID!) { job(id: $id) { id status error errorCode result lineage progress { done total unit } dataset { id } run { id } } }`,
    { id: jobId },
    token,
  );
  return Object.assign(res.data!.job, { events: events.map((e) => e.jobProgress) });
}

async function score(input: Record<string, unknown>, token?: string) {
  const res = await server.request<Payload>(
    SCORE,
    { input: { datasetId, reference: 'chr17.fa', runId, ...input } },
    token,
  );
  return res.data!.scoreVariants;
}

/** Every row of a listing, page by page; checks the paging invariants on the way. */
async function allRows(jobId: string, variables: Record<string, unknown>, token?: string) {
  const rows: Row[] = [];
  let after: string | null = null;
  let total: number | null = null;
  for (;;) {
    const res: GraphQLResponse<Page> = await server.request<Page>(
      PAGE,
      { jobId, ...variables, after },
      token,
    );
    expect(res.errors).toBeUndefined();
    const page = res.data!.variantScores;
    total ??= page.totalCount;
    expect(page.totalCount).toBe(total);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { rows, total: total ?? 0 };
}

async function download(jobId: string, name: string, token: string | null = server.adminToken) {
  return fetch(`${server.url}/jobs/${jobId}/files/${name}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe.skipIf(!HAS_REFERENCE)('scoreVariants (hg19 chr17 piece)', () => {
  let jobId: string;

  beforeAll(async () => {
    importDir = await mkdtemp(join(tmpdir(), 'strand-score-api-'));
    const reference = join(importDir, 'chr17.fa');
    await copyFile(SHARED_REFERENCE, reference);
    const vcf = join(importDir, 'calls.vcf');
    alleles = await writeTestVcf(vcf, reference, { count: COUNT, seed: 4, mismatchShare: 0.03 });
    // Counted here from the files themselves, not from the scorer.
    const sequence = (await readFile(reference, 'utf8')).split('\n')[1].toUpperCase();
    plantedMismatches = (await readFile(vcf, 'utf8'))
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .filter(([, pos, , ref]) => sequence[Number(pos) - 1] !== ref)
      .map(([, , , , alts]) => alts.split(',').length)
      .reduce((a, b) => a + b, 0);
    await writeTestVcf(join(importDir, 'wrong-build.vcf'), reference, {
      count: 60,
      seed: 5,
      mismatchShare: 0.5,
    });
    process.env.STRAND_IMPORT_DIR = importDir;
    server = await startTestServer();
    runId = await seedModelRun(server.db, server.defaultProjectId, WIDTH);
    datasetId = await importVariants('calls.vcf');
  }, 60_000);
  afterAll(async () => {
    delete process.env.STRAND_IMPORT_DIR;
    await server?.stop();
    if (importDir) await rm(importDir, { recursive: true, force: true });
  });

  it('scores a VCF as a job for an editor: pre-flight reports the planted REF mismatches', async () => {
    expect(plantedMismatches).toBeGreaterThan(0);
    const editor = await server.createUser('scorer', { [server.defaultProjectId]: 'editor' });
    const started = await score({ chunkSize: 150 }, editor.token);
    expect(started.userErrors).toEqual([]);
    expect(started.job).toMatchObject({ kind: 'SCORE_VARIANTS', status: 'QUEUED' });
    jobId = started.job!.id;
    const job = await finished(jobId, editor.token);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(job.events.at(-1)).toMatchObject({ status: 'SUCCEEDED', done: true });
    expect(job.progress).toMatchObject({ done: COUNT, total: COUNT, unit: 'variants' });
    const dones = job.events.map((e) => e.progress.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    expect(job.dataset).toEqual({ id: datasetId });
    expect(job.run).toEqual({ id: runId });
    expect(JSON.parse(job.lineage)).toMatchObject({
      reference: { name: 'chr17.fa', bytes: 40_008, faiSha256: expect.any(String) },
      datasetChecksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const result = JSON.parse(job.result!) as Record<string, unknown>;
    expect(result).toMatchObject({
      variants: COUNT,
      scored: alleles - plantedMismatches,
      rows: alleles - plantedMismatches,
      notScored: { refMismatch: plantedMismatches, unknownChromosome: 0, skipped: 0 },
      preflight: {
        records: COUNT,
        refMismatches: { count: plantedMismatches },
        missingChromosomes: { records: 0 },
      },
      files: ['scores.tsv', 'scores.vcf'],
      window: { length: WIDTH, refBaseIndex: 25 },
    });
  });

  it('pages variantScores by |effect|, largest first across pages, with the right totalCount', async () => {
    const { rows, total } = await allRows(jobId, { first: 40 });
    expect(total).toBe(alleles - plantedMismatches);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.row)).size).toBe(total);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].absDiff).toBeLessThanOrEqual(rows[i - 1].absDiff);
    }
    // The same rows in the other direction, and filtered.
    const ascending = await allRows(jobId, {
      first: 100,
      orderBy: { field: 'ABS_DIFF', direction: 'ASC' },
    });
    expect(ascending.rows.map((r) => r.row)).toEqual(rows.map((r) => r.row).reverse());
    const cut = rows[Math.floor(rows.length / 3)].absDiff;
    const big = await allRows(jobId, { first: 25, filter: { minAbsDiff: cut, chrom: 'chr17' } });
    expect(big.total).toBe(rows.filter((r) => r.absDiff >= cut).length);
    // People type `17` for the VCF's `chr17`: the filter reconciles the spelling.
    const typed = await allRows(jobId, { first: 25, filter: { minAbsDiff: cut, chrom: '17' } });
    expect(typed.rows.map((r) => r.row)).toEqual(big.rows.map((r) => r.row));
    const none = await allRows(jobId, { filter: { task: 'no-such-task' } });
    expect(none).toEqual({ rows: [], total: 0 });
    const bad = await server.request(PAGE, { jobId, after: 'bm9wZQ' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('serves scores.tsv equal to the rows, and scores.vcf, streamed to a project member', async () => {
    const viewer = await server.createUser('reader', { [server.defaultProjectId]: 'viewer' });
    const res = await download(jobId, 'scores.tsv', viewer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/tab-separated-values/);
    const [header, ...lines] = (await res.text()).trimEnd().split('\n');
    expect(header).toBe(
      'chrom\tpos\tid\tref\talt\ttask\tref_pred\talt_pred\tdiff\tabs_diff\tlog_odds',
    );
    const { rows } = await allRows(jobId, {
      first: 100,
      orderBy: { field: 'POSITION', direction: 'ASC' },
    });
    const asLine = (r: Row) =>
      [
        r.chrom,
        r.pos,
        r.variantId ?? '.',
        r.ref,
        r.alt,
        r.task,
        r.refPred,
        r.altPred,
        r.diff,
        r.absDiff,
        r.logOddsChange,
      ].join('\t');
    expect(rows.sort((a, b) => a.row - b.row).map(asLine)).toEqual(lines);

    const vcf = await download(jobId, 'scores.vcf', viewer.token);
    expect(vcf.status).toBe(200);
    const text = await vcf.text();
    expect(text).toContain('##INFO=<ID=STRAND_DIFF,');
    expect(text.split('\n').filter((l) => l.includes('STRAND_DIFF=')).length).toBeGreaterThan(0);
  });

  it("shows another project's member nothing: no job, NOT_FOUND scores, 404 files", async () => {
    const other = await server.createProject('elsewhere');
    const outsider = await server.createUser('outsider', { [other]: 'admin' });
    const read = await server.request<{ job: unknown }>(
      `query ($id: ID!) { job(id: $id) { id } }`,
      { id: jobId },
      outsider.token,
    );
    expect(read.data).toEqual({ job: null });
    const scores = await server.request(PAGE, { jobId }, outsider.token);
    expect(scores.data).toBeNull();
    expect(scores.errors?.[0]).toMatchObject({
      message: `no variant-scoring job with id "${jobId}"`,
      extensions: { code: 'NOT_FOUND' },
    });
    const file = await download(jobId, 'scores.tsv', outsider.token);
    expect(file.status).toBe(404);
    expect(await file.text()).not.toContain('chrom');
    expect((await download(jobId, 'progress.json')).status).toBe(404);
    expect((await download(jobId, '..%2Fpreflight.json')).status).toBe(404);
    expect((await download(crypto.randomUUID(), 'scores.tsv')).status).toBe(404);
    expect((await download(jobId, 'scores.tsv', null)).status).toBe(401);
    // …and cannot score with this project's data either.
    const forbidden = await score({ projectId: server.defaultProjectId }, outsider.token);
    expect(forbidden.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('serves the reference FASTA and its .fai with byte ranges, to members of the project only', async () => {
    const viewer = await server.createUser('genome-viewer', {
      [server.defaultProjectId]: 'viewer',
    });
    const get = (
      name: string,
      headers: Record<string, string> = {},
      token: string | null = viewer.token,
    ) =>
      fetch(`${server.url}/jobs/${jobId}/reference/${name}`, {
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const fasta = await readFile(join(importDir, 'chr17.fa'));
    const whole = await get('sequence');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(fasta)).toBe(true);
    const part = await get('sequence', { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${fasta.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(fasta.subarray(100, 200))).toBe(true);
    const tail = await get('sequence', { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(fasta.subarray(-10))).toBe(true);
    const open = await get('sequence', { range: `bytes=${fasta.length - 5}-` });
    expect(Buffer.from(await open.arrayBuffer()).equals(fasta.subarray(-5))).toBe(true);
    const past = await get('sequence', { range: `bytes=${fasta.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${fasta.length}`);
    expect((await get('sequence', { range: 'bytes=0-1,5-9' })).status).toBe(416);
    const fai = await get('fai');
    expect(fai.status).toBe(200);
    expect(await fai.text()).toBe(await readFile(join(importDir, 'chr17.fa.fai'), 'utf8'));
    // A plain FASTA has no .gzi; names off the list and traversal find nothing.
    expect((await get('gzi')).status).toBe(404);
    expect((await get('..%2F..%2Fchr17.fa')).status).toBe(404);
    expect((await get('constructor')).status).toBe(404);
    expect((await get('sequence', {}, null)).status).toBe(401);
    const other = await server.createProject('genome-elsewhere');
    const outsider = await server.createUser('genome-outsider', { [other]: 'admin' });
    const refused = await get('sequence', {}, outsider.token);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('chr17');
    expect(
      (await fetch(`${server.url}/jobs/${jobId}/reference/sequence`, { method: 'POST' })).status,
    ).toBe(405);
  });

  it('never serves a reference that lies outside the import and artifact directories', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'strand-outside-'));
    try {
      const secret = join(outside, 'secret.fa');
      await writeFile(secret, '>secret\nACGT\n');
      await writeFile(`${secret}.fai`, 'secret\t4\t8\t4\t5\n');
      await symlink(secret, join(importDir, 'linked.fa'));
      await symlink(`${secret}.fai`, join(importDir, 'linked.fa.fai'));
      const em = server.db.fork();
      const project = em.getReference(Project, server.defaultProjectId);
      // Jobs as a changed database or a swapped link would leave them: the path is checked anew.
      const direct = new Job(project, 'SCORE_VARIANTS', { reference: secret }, 'jobs/outside-a');
      const linked = new Job(
        project,
        'SCORE_VARIANTS',
        { reference: join(importDir, 'linked.fa') },
        'jobs/outside-b',
      );
      // A kind whose reference is not served (scoring and explanation jobs' are).
      const motifs = new Job(
        project,
        'DISCOVER_MOTIFS',
        { reference: join(importDir, 'chr17.fa') },
        'jobs/outside-c',
      );
      await em.persist([direct, linked, motifs]).flush();
      for (const job of [direct, linked, motifs]) {
        for (const name of ['sequence', 'fai']) {
          const res = await fetch(`${server.url}/jobs/${job.id}/reference/${name}`, {
            headers: { authorization: `Bearer ${server.adminToken}` },
          });
          expect(res.status, `${job.kind} ${name}`).toBe(404);
          expect(await res.text()).not.toContain('ACGT');
        }
      }
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('calibrates against a background (random, or a variants dataset): quantile per row and in the result', async () => {
    const plain = await allRows(jobId, { first: 5 });
    expect(plain.rows[0].quantile).toBeNull();
    for (const [background, size] of [
      ['random', 200],
      [datasetId, 100],
    ] as const) {
      const started = await score({ background, backgroundSize: size });
      expect(started.userErrors).toEqual([]);
      const job = await finished(started.job!.id);
      expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
      const result = JSON.parse(job.result!) as { background: Record<string, unknown> };
      expect(result.background).toMatchObject({
        kind: background === 'random' ? 'random' : 'file',
        datasetId: background === 'random' ? null : datasetId,
        alleles: expect.any(Number),
      });
      expect(result.background['alleles']).toBeGreaterThan(size / 2);
      const { rows } = await allRows(job.id, { first: 100 });
      // Largest |effect| first, so quantiles never rise down the list; all within [0, 1].
      for (const r of rows) expect(r.quantile).toBeGreaterThanOrEqual(0);
      expect(rows[0].quantile).toBeLessThanOrEqual(1);
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i].quantile!).toBeLessThanOrEqual(rows[i - 1].quantile!);
      }
      const tsv = await (await download(job.id, 'scores.tsv')).text();
      expect(tsv.split('\n')[0].split('\t').at(-1)).toBe('quantile');
    }
    const errors = async (input: Record<string, unknown>) =>
      (await score(input)).userErrors.map((e) => [e.field, e.code]);
    expect(await errors({ background: 'nope' })).toEqual([['background', 'NOT_FOUND']]);
    expect(await errors({ background: 'random', backgroundSize: 5 })).toEqual([
      ['backgroundSize', 'OUT_OF_RANGE'],
    ]);
    expect(await errors({ backgroundSize: 500 })).toEqual([['backgroundSize', 'REQUIRED']]);
  }, 180_000);

  it('attributes the top variants by ISM (ismTop) and serves them with variantAttributions', async () => {
    const ATTRIBUTIONS = `query ($jobId: ID!, $first: Int) {
      variantAttributions(jobId: $jobId, first: $first) {
        row chrom pos variantId ref alt task diff quantile center refWindow altWindow refScores altScores
      }
    }`;
    type Attribution = Row & {
      center: number;
      refWindow: string;
      altWindow: string;
      refScores: number[];
      altScores: number[];
    };
    const started = await score({ ismTop: 3 });
    expect(started.userErrors).toEqual([]);
    const job = await finished(started.job!.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    const result = JSON.parse(job.result!) as Record<string, unknown>;
    expect(result).toMatchObject({
      attributions: { file: 'ism.json', variants: 3 },
      files: ['scores.tsv', 'scores.vcf', 'ism.json'],
    });
    const res = await server.request<{ variantAttributions: Attribution[] }>(ATTRIBUTIONS, {
      jobId: job.id,
      first: 2,
    });
    expect(res.errors).toBeUndefined();
    const attributions = res.data!.variantAttributions;
    // The same alleles as the first rows of variantScores (largest |effect| first): one page
    // (paging through every row, two at a time, ran into the per-token rate limit in CI).
    const first: GraphQLResponse<Page> = await server.request<Page>(PAGE, {
      jobId: job.id,
      first: 2,
      after: null,
    });
    expect(first.errors).toBeUndefined();
    const rows = first.data!.variantScores.edges.map((e) => e.node);
    expect(attributions.map((a) => a.row)).toEqual(rows.map((r) => r.row));
    for (const a of attributions) {
      expect(a.refScores).toHaveLength(WIDTH * 4);
      expect(a.altScores).toHaveLength(WIDTH * 4);
      expect(a.refWindow).toHaveLength(WIDTH);
      // The variant's own substitution in the ref window is its effect.
      expect(a.refScores[a.center * 4 + 'ACGT'.indexOf(a.alt)]).toBeCloseTo(a.diff, 3);
    }
    const file = await download(job.id, 'ism.json');
    expect(file.headers.get('content-type')).toMatch(/^application\/json/);
    expect((JSON.parse(await file.text()) as { variants: unknown[] }).variants).toHaveLength(3);
    // A job scored without ismTop has none; the bound is enforced both ways.
    const none = await server.request<{ variantAttributions: Attribution[] }>(ATTRIBUTIONS, {
      jobId,
    });
    expect(none.data!.variantAttributions).toEqual([]);
    const tooMany = await server.request(ATTRIBUTIONS, { jobId, first: 51 });
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const bad = await score({ ismTop: 51 });
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([['ismTop', 'OUT_OF_RANGE']]);
  }, 180_000);

  it('refuses bad input before queueing: reference outside the import directory, wrong dataset kind', async () => {
    const outside = await score({ reference: '/etc/hostname' });
    expect(outside.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['reference', 'FILE_NOT_FOUND'],
    ]);
    const notAModel = await score({ runId: datasetId });
    expect(notAModel.userErrors.map((e) => [e.field, e.code])).toEqual([['runId', 'NOT_FOUND']]);
  });

  it('takes the model as a registered name + alias, and records the version in the lineage', async () => {
    const registered = await server.request<{
      registerModel: { modelVersion: { id: string } | null };
    }>(
      `mutation ($runId: ID!) { registerModel(runId: $runId, name: "tiny") { modelVersion { id } } }`,
      {
        runId,
      },
    );
    const versionId = registered.data!.registerModel.modelVersion!.id;
    await server.request(
      `mutation { setModelAlias(name: "tiny", alias: "production", version: 1) { userErrors { code } } }`,
    );
    const unknown = await score({ runId: null, modelName: 'tiny', alias: 'staging' });
    expect(unknown.userErrors).toEqual([
      { field: 'alias', code: 'NOT_FOUND', message: 'model "tiny" has no alias "staging"' },
    ]);
    const started = await score({ runId: null, modelName: 'tiny', alias: 'production' });
    expect(started.userErrors).toEqual([]);
    const job = await finished(started.job!.id);
    expect(job.status).toBe('SUCCEEDED');
    expect(job.run).toEqual({ id: runId });
    const lineage = await server.request<{
      job: { modelVersion: { id: string; version: number } };
    }>(`query ($id: ID!) { job(id: $id) { modelVersion { id version } } }`, {
      id: started.job!.id,
    });
    expect(lineage.data!.job.modelVersion).toEqual({ id: versionId, version: 1 });
    expect(JSON.parse(job.lineage)).toMatchObject({ modelName: 'tiny', alias: 'production' });
  });

  it('fails a wrong-build VCF with the pre-flight message, keeping the summary; force scores it', async () => {
    const wrong = await importVariants('wrong-build.vcf');
    const refused = await score({ datasetId: wrong });
    const job = await finished(refused.job!.id);
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatch(
      /^wrong-build\.vcf: \d+ of \d+ alleles \([\d.]+%\) have a REF that does not match the reference .*: wrong genome build\? \(force to score anyway\)$/,
    );
    expect(job.error).not.toContain(importDir);
    // The code a client acts on (the dashboard offers force), not the message's wording.
    expect(job.errorCode).toBe('PREFLIGHT_FAILED');
    expect(JSON.parse(job.result!)).toMatchObject({
      preflight: { records: 60, refMismatches: { count: expect.any(Number) } },
    });
    const forced = await finished((await score({ datasetId: wrong, force: true })).job!.id);
    expect(forced.status).toBe('SUCCEEDED');
    expect(JSON.parse(forced.result!)).toMatchObject({ forced: true, variants: 60 });
  });
});
