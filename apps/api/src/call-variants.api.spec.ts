import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_READ_SIMULATOR, sharedDataPath, simulateReads } from '@strand/genomics/testing';
import { callVariants, DEFAULT_CALLER_MODEL } from '@strand/jobs';
import { seedModelRun, seedPileupModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

// Issue 16: calling as a job over GraphQL (callVariants), its VCF downloaded like other job
// files, imported as a variants dataset by the same job, then scored by scoreVariants. Reads are
// simulated on a few kb of E. coli (dwgsim → minimap2 → samtools) so the whole chain takes
// seconds.
const ECOLI = sharedDataPath('reference', 'ecoli536_NC_008253.fa.gz');
const REGION = 'NC_008253.1:300001-306000';
const WIDTH = 51;
const MISSING = [
  ...(HAS_READ_SIMULATOR ? [] : ['dwgsim/minimap2/samtools']),
  ...(existsSync(ECOLI) ? [] : [ECOLI]),
];
const SKIPPED = MISSING.length
  ? ` (skipped: ${MISSING.join(', ')} missing; tools/scripts/install-test-deps.sh installs the tools)`
  : '';

const CALL = `mutation ($input: CallVariantsInput!) {
  callVariants(input: $input) { job { id kind status } userErrors { field code message } }
}`;

interface CallPayload {
  callVariants: {
    job: { id: string; kind: string; status: string } | null;
    userErrors: { field: string | null; code: string; message: string }[];
  };
}

interface JobView {
  status: string;
  error: string | null;
  result: string | null;
  progress: { done: number; total: number | null; unit: string | null };
  outputDataset: { id: string; kind: string; recordCount: number; warningCount: number } | null;
}

let server: TestServer;
let importDir: string;
let runId: string;

/** Follows a job to its end through jobProgress; returns the events' done values and the job. */
async function finished(jobId: string, token = server.adminToken) {
  const events = await server.subscribe<{
    jobProgress: { done: boolean; progress: { done: number } };
  }>(
    `subscription ($id: ID!) { jobProgress(jobId: $id) { done progress { done } } }`,
    { id: jobId },
    (e) => e.jobProgress.done,
    token,
  );
  const res = await server.request<{ job: JobView }>(
    `query ($id: ID!) { job(id: $id) { status error result progress { done total unit }
       outputDataset { id kind recordCount warningCount } } }`,
    { id: jobId },
    token,
  );
  return { dones: events.map((e) => e.jobProgress.progress.done), job: res.data!.job };
}

const records = (vcf: string) =>
  vcf
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));

async function download(jobId: string, name: string, token: string | null) {
  return fetch(`${server.url}/jobs/${jobId}/files/${name}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe.skipIf(MISSING.length > 0)(`callVariants over GraphQL${SKIPPED}`, () => {
  beforeAll(async () => {
    importDir = await mkdtemp(join(tmpdir(), 'strand-call-api-'));
    // 6 kb at 20×, 0.3% variants (a third indels): ~18 planted variants.
    simulateReads(ECOLI, REGION, join(importDir, 'sim'), { coverage: 20, rate: 0.003, seed: 7 });
    // A BAM without its index, to be refused up front.
    await copyFile(join(importDir, 'sim', 'reads.bam'), join(importDir, 'unindexed.bam'));
    process.env.STRAND_IMPORT_DIR = importDir;
    server = await startTestServer();
    runId = await seedModelRun(server.db, server.defaultProjectId, WIDTH);
  }, 90_000);
  afterAll(async () => {
    delete process.env.STRAND_IMPORT_DIR;
    await server?.stop();
    if (importDir) await rm(importDir, { recursive: true, force: true });
  });

  it('calls as a job with progress in bases, serves calls.vcf, imports it, and scores it', async () => {
    const editor = await server.createUser('caller', { [server.defaultProjectId]: 'editor' });
    const started = await server.request<CallPayload>(
      CALL,
      {
        input: {
          bam: 'sim/reads.bam',
          reference: 'sim/ref.fa',
          region: REGION,
          importAs: 'strand calls',
        },
      },
      editor.token,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.callVariants.userErrors).toEqual([]);
    expect(started.data!.callVariants.job).toMatchObject({ kind: 'CALL_VARIANTS' });
    const jobId = started.data!.callVariants.job!.id;
    const { dones, job } = await finished(jobId, editor.token);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
    const result = JSON.parse(job.result!) as Record<string, number | string | string[]>;
    expect(result).toMatchObject({
      basesTotal: 6000,
      region: REGION,
      minQual: 0,
      model: 'pileup-caller',
      files: ['calls.vcf'],
      datasetId: job.outputDataset!.id,
    });

    // The job's VCF is what `strand call` writes for the same reads (callVariants, run here).
    const viewer = await server.createUser('reader', { [server.defaultProjectId]: 'viewer' });
    const res = await download(jobId, 'calls.vcf', viewer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/x-vcf/);
    const served = records(await res.text());
    const direct = join(importDir, 'direct.vcf');
    await callVariants({
      bam: join(importDir, 'sim', 'reads.bam'),
      reference: join(importDir, 'sim', 'ref.fa'),
      region: REGION,
      out: direct,
    });
    expect(served).toEqual(records(await readFile(direct, 'utf8')));
    const truth = records(await readFile(join(importDir, 'sim', 'truth.vcf'), 'utf8'));
    expect(truth.length).toBeGreaterThan(5);
    const pass = served.filter((r) => r[6] === 'PASS');
    expect(pass.length).toBeGreaterThan(truth.length * 0.7);
    expect(result.calls).toBe(served.length);
    expect(
      Number(result.snvs) +
        Number(result.indels) +
        Number(result.lowQual) +
        Number(result.alleleBalance),
    ).toBe(served.length);

    // Imported by the same job as a clean variants dataset, one record per call…
    expect(job.outputDataset).toMatchObject({
      kind: 'variants',
      recordCount: served.length,
      warningCount: 0,
    });
    // …that scoreVariants takes right away.
    const scoring = await server.request<{
      scoreVariants: { job: { id: string } | null; userErrors: unknown[] };
    }>(
      `mutation ($input: ScoreVariantsInput!) { scoreVariants(input: $input) { job { id } userErrors { field code message } } }`,
      { input: { datasetId: job.outputDataset!.id, reference: 'sim/ref.fa', runId } },
      editor.token,
    );
    expect(scoring.data!.scoreVariants.userErrors).toEqual([]);
    const scored = await finished(scoring.data!.scoreVariants.job!.id, editor.token);
    expect(scored.job).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(JSON.parse(scored.job.result!)).toMatchObject({
      variants: served.length,
      scored: served.length,
      notScored: { refMismatch: 0, unknownChromosome: 0, skipped: 0 },
    });

    // A viewer reads the job but may not start one; another project's member sees nothing.
    const refused = await server.request<CallPayload>(
      CALL,
      { input: { bam: 'sim/reads.bam', reference: 'sim/ref.fa' } },
      viewer.token,
    );
    expect(refused.data!.callVariants).toMatchObject({
      job: null,
      userErrors: [{ code: 'FORBIDDEN' }],
    });
    const other = await server.createProject('elsewhere');
    const outsider = await server.createUser('outsider', { [other]: 'admin' });
    expect((await download(jobId, 'calls.vcf', outsider.token)).status).toBe(404);
    const hidden = await server.request<{ job: unknown }>(
      `query ($id: ID!) { job(id: $id) { id } }`,
      { id: jobId },
      outsider.token,
    );
    expect(hidden.data).toEqual({ job: null });
  }, 120_000);

  it('refuses, before queueing, files outside the import directory, a missing index and an unknown contig', async () => {
    const call = async (input: Record<string, unknown>) =>
      (
        await server.request<CallPayload>(CALL, {
          input: { bam: 'sim/reads.bam', reference: 'sim/ref.fa', ...input },
        })
      ).data!.callVariants;
    expect(await call({ bam: '../etc/passwd' })).toEqual({
      job: null,
      userErrors: [
        {
          field: 'bam',
          code: 'FILE_NOT_FOUND',
          message: 'no file "../etc/passwd" in the import directory',
        },
      ],
    });
    expect(await call({ reference: '/etc/hostname' })).toMatchObject({
      job: null,
      userErrors: [{ field: 'reference', code: 'FILE_NOT_FOUND' }],
    });
    const unindexed = await call({ bam: 'unindexed.bam' });
    expect(unindexed).toMatchObject({
      job: null,
      userErrors: [{ field: 'bam', code: 'MISSING_INDEX' }],
    });
    // Named by the file's name, never by the server's directories.
    expect(unindexed.userErrors[0].message).toMatch(/^unindexed\.bam: no \.bai or \.csi index/);
    expect(unindexed.userErrors[0].message).not.toContain(importDir);
    expect(await call({ region: 'chrNope:1-100' })).toMatchObject({
      job: null,
      userErrors: [{ field: 'region', code: 'INVALID_REGION' }],
    });
    expect(await call({ minQual: -1 })).toMatchObject({
      job: null,
      userErrors: [{ field: 'minQual', code: 'OUT_OF_RANGE' }],
    });
    const jobs = await server.request<{ jobs: { totalCount: number } }>(
      `query { jobs(kind: CALL_VARIANTS) { totalCount } }`,
    );
    expect(jobs.data!.jobs.totalCount).toBe(1);
  });

  it('calls with a stored pileup model named as `strand call --model` names it, only in its project', async () => {
    const pileupRun = await seedPileupModelRun(
      server.db,
      server.defaultProjectId,
      DEFAULT_CALLER_MODEL,
    );
    const registered = await server.request<{
      registerModel: { modelVersion: { id: string } | null };
    }>(
      `mutation ($runId: ID!) { registerModel(runId: $runId, name: "caller") { modelVersion { id } } }`,
      { runId: pileupRun },
    );
    const versionId = registered.data!.registerModel.modelVersion!.id;
    await server.request(
      `mutation { setModelAlias(name: "caller", alias: "production", version: 1) { userErrors { code } } }`,
    );
    const call = async (input: Record<string, unknown>, token = server.adminToken) =>
      (
        await server.request<CallPayload>(
          CALL,
          { input: { bam: 'sim/reads.bam', reference: 'sim/ref.fa', ...input } },
          token,
        )
      ).data!.callVariants;
    const small = 'NC_008253.1:300001-302000';
    const started = await call({ region: small, model: 'caller@production' });
    expect(started.userErrors).toEqual([]);
    const { job } = await finished(started.job!.id);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(JSON.parse(job.result!)).toMatchObject({ model: 'caller@production', basesTotal: 2000 });
    const lineage = await server.request<{
      job: { run: { id: string } | null; modelVersion: { id: string } | null; lineage: string };
    }>(`query ($id: ID!) { job(id: $id) { run { id } modelVersion { id } lineage } }`, {
      id: started.job!.id,
    });
    expect(lineage.data!.job).toMatchObject({
      run: { id: pileupRun },
      modelVersion: { id: versionId },
    });
    expect(JSON.parse(lineage.data!.job.lineage)).toMatchObject({
      model: 'caller@production',
      architecture: 'pileup',
      modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The run id and the version id name it too.
    for (const model of [pileupRun, versionId]) {
      expect((await call({ region: small, model })).userErrors).toEqual([]);
    }

    // Refused before queueing: not a model reference, an unknown alias, a DNA sequence model.
    const codes = async (input: Record<string, unknown>, token?: string) =>
      (await call(input, token)).userErrors.map((e) => [e.field, e.code]);
    expect(await codes({ model: 'caller' })).toEqual([['model', 'INVALID_MODEL']]);
    expect(await codes({ model: '  ' })).toEqual([['model', 'INVALID_MODEL']]);
    expect(await codes({ model: `${'x'.repeat(400)}@a` })).toEqual([['model', 'INVALID_MODEL']]);
    expect(await codes({ model: 'caller@staging' })).toEqual([['model', 'NOT_FOUND']]);
    expect(await codes({ model: runId })).toEqual([['model', 'NOT_A_PILEUP_MODEL']]);
    // Another project's admin cannot call with this project's model, by id or by name.
    const other = await server.createProject('other callers');
    const outsider = await server.createUser('other-admin', { [other]: 'admin' });
    for (const model of [pileupRun, versionId, 'caller@production']) {
      expect(await codes({ projectId: other, model }, outsider.token)).toEqual([
        ['model', 'NOT_FOUND'],
      ]);
    }
  }, 120_000);

  it('stores every candidate with its pileup image as a pileups dataset, read a page and an image at a time', async () => {
    const editor = await server.createUser('pileup-maker', { [server.defaultProjectId]: 'editor' });
    const region = 'NC_008253.1:300001-303000';
    const started = await server.request<CallPayload>(
      CALL,
      {
        input: {
          bam: 'sim/reads.bam',
          reference: 'sim/ref.fa',
          region,
          pileupsAs: 'pileups',
          truth: 'sim/truth.vcf',
        },
      },
      editor.token,
    );
    expect(started.data!.callVariants.userErrors).toEqual([]);
    const jobId = started.data!.callVariants.job!.id;
    const { job } = await finished(jobId, editor.token);
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    const result = JSON.parse(job.result!) as {
      candidates: number;
      calls: number;
      pileupsDatasetId: string;
    };
    expect(job.outputDataset).toMatchObject({
      id: result.pileupsDatasetId,
      kind: 'pileups',
      recordCount: result.candidates,
    });
    expect(result.candidates).toBeGreaterThan(result.calls);
    const datasetId = result.pileupsDatasetId;

    // A viewer pages through the candidates; the called ones are the job's VCF records.
    const viewer = await server.createUser('pileup-viewer', {
      [server.defaultProjectId]: 'viewer',
    });
    const PAGE = `query ($id: ID!, $offset: Int, $first: Int) { dataset(id: $id) { status
      pileupCandidates(offset: $offset, first: $first) { totalCount offset
        candidates { index chrom pos ref alt variant genotype truth qual filter depth altCount probabilities } } } }`;
    interface Candidate {
      index: number;
      chrom: string;
      pos: number;
      ref: string;
      alt: string;
      genotype: string;
      truth: string | null;
      qual: number;
      filter: string;
      probabilities: number[];
    }
    interface Page {
      dataset: {
        status: string;
        pileupCandidates: { totalCount: number; offset: number; candidates: Candidate[] } | null;
      } | null;
    }
    const all: Candidate[] = [];
    for (let offset = 0; offset < result.candidates; offset += 100) {
      const page = await server.request<Page>(
        PAGE,
        { id: datasetId, offset, first: 100 },
        viewer.token,
      );
      expect(page.errors).toBeUndefined();
      expect(page.data!.dataset!.pileupCandidates).toMatchObject({
        totalCount: result.candidates,
        offset,
      });
      all.push(...page.data!.dataset!.pileupCandidates!.candidates);
    }
    expect(all.map((c) => c.index)).toEqual(all.map((_, i) => i));
    // Labelled from the truth VCF: its variants among the candidates are het or hom-alt.
    const truthVcf = records(await readFile(join(importDir, 'sim', 'truth.vcf'), 'utf8'));
    expect(all.every((c) => c.truth !== null)).toBe(true);
    const trueOnes = all.filter((c) => c.truth !== 'hom-ref');
    expect(trueOnes.length).toBeGreaterThan(0);
    for (const c of trueOnes) {
      expect(truthVcf.some((r) => r[0] === c.chrom && Math.abs(Number(r[1]) - c.pos) <= 30)).toBe(
        true,
      );
    }
    const vcf = records(await (await download(jobId, 'calls.vcf', viewer.token)).text());
    expect(
      all
        .filter((c) => c.genotype !== 'hom-ref')
        .map((c) => [c.chrom, String(c.pos), c.ref, c.alt, c.qual.toFixed(1), c.filter]),
    ).toEqual(vcf.map((r) => [r[0], r[1], r[3], r[4], r[5], r[6]]));

    // One candidate's image: six channels of rows × width values in 0–1, with its call.
    const IMAGE = `query ($id: ID!, $index: Int!) { dataset(id: $id) { pileupImage(index: $index) {
      width rows candidate { index pos genotype } channels { name values } } } }`;
    const called = all.find((c) => c.genotype !== 'hom-ref')!;
    const image = await server.request<{
      dataset: {
        pileupImage: {
          width: number;
          rows: number;
          candidate: { index: number; pos: number; genotype: string };
          channels: { name: string; values: number[] }[];
        };
      };
    }>(IMAGE, { id: datasetId, index: called.index }, viewer.token);
    expect(image.errors).toBeUndefined();
    const img = image.data!.dataset.pileupImage;
    expect(img).toMatchObject({
      width: 21,
      rows: 40,
      candidate: { index: called.index, pos: called.pos, genotype: called.genotype },
    });
    expect(img.channels.map((c) => c.name)).toEqual([
      'base',
      'base_quality',
      'mapping_quality',
      'strand',
      'supports_alt',
      'differs_from_ref',
    ]);
    for (const channel of img.channels) {
      expect(channel.values).toHaveLength(21 * 40);
      expect(channel.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    // Row 0 is the reference: a base in every column; reads below carry the called allele.
    const base = img.channels[0]!.values;
    expect(base.slice(0, 21).every((v) => v > 0)).toBe(true);
    const supports = img.channels[4]!.values;
    expect(supports[1 * 21 + 10]).toBe(1);

    // Refusals: an index outside the dataset, a page too large; other kinds answer null.
    const outside = await server.request(
      IMAGE,
      { id: datasetId, index: result.candidates },
      viewer.token,
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await server.request(PAGE, { id: datasetId, first: 101 }, viewer.token);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const other = await server.createProject('pileup outsiders');
    const outsider = await server.createUser('pileup-outsider', { [other]: 'admin' });
    const hidden = await server.request<Page>(PAGE, { id: datasetId }, outsider.token);
    expect(hidden.data).toEqual({ dataset: null });
    const empty = await server.request<CallPayload>(CALL, {
      input: { bam: 'sim/reads.bam', reference: 'sim/ref.fa', pileupsAs: '  ' },
    });
    expect(empty.data!.callVariants.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['pileupsAs', 'EMPTY_NAME'],
    ]);
    const unlabelled = await server.request<CallPayload>(CALL, {
      input: { bam: 'sim/reads.bam', reference: 'sim/ref.fa', truth: 'sim/truth.vcf' },
    });
    expect(unlabelled.data!.callVariants.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['truth', 'TRUTH_WITHOUT_PILEUPS'],
    ]);
    const noTruth = await server.request<CallPayload>(CALL, {
      input: { bam: 'sim/reads.bam', reference: 'sim/ref.fa', pileupsAs: 'p', truth: 'nope.vcf' },
    });
    expect(noTruth.data!.callVariants.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['truth', 'FILE_NOT_FOUND'],
    ]);
  }, 120_000);
});
