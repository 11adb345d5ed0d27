import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, reverseComplement } from '@strand/genomics';
import { initBackend, inSilicoMutagenesis, loadModel } from '@strand/models';
import { seedModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const WIDTH = 51;

const EXPLAIN = /* GraphQL */ `
  mutation ($input: ExplainSequenceInput!) {
    explainSequence(input: $input) {
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
  explainSequence: {
    job: { id: string; kind: string; status: string } | null;
    userErrors: { field: string; code: string; message: string }[];
  };
};

const EXPLANATION = /* GraphQL */ `
  query ($jobId: ID!) {
    explanation(jobId: $jobId) {
      jobId
      method
      task
      taskName
      inputLength
      summary
      sequences {
        id
        chrom
        start
        end
        strand
        prediction
        scores
        positionScores
        topPositions {
          position
          score
        }
      }
    }
  }
`;
interface Explanation {
  jobId: string;
  method: string;
  task: number;
  taskName: string;
  inputLength: number;
  summary: string;
  sequences: {
    id: string;
    chrom: string | null;
    start: number | null;
    end: number | null;
    strand: string | null;
    prediction: number;
    scores: number[][];
    positionScores: number[];
    topPositions: { position: number; score: number }[];
  }[];
}

let server: TestServer;
let importDir: string;
let runId: string;
const random = createRng(11);
const sequence = () => Array.from({ length: WIDTH }, () => 'ACGT'[random.int(4)]).join('');
const SEQUENCES = [sequence(), sequence()];
/** The reference of the region tests: chrA of 200 bases, chrB of 40. */
const CHR_A = Array.from({ length: 200 }, () => 'ACGT'[random.int(4)]).join('');
const FASTA = `>chrA\n${CHR_A.slice(0, 80)}\n${CHR_A.slice(80, 160)}\n${CHR_A.slice(160)}\n>chrB\n${'ACGT'.repeat(10)}\n`;

async function explain(input: Record<string, unknown>, token?: string) {
  const res = await server.request<Payload>(EXPLAIN, { input: { runId, ...input } }, token);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.explainSequence;
}

/** Starts an explanation, follows it to its end, and reads the result. */
async function explained(input: Record<string, unknown>): Promise<Explanation> {
  const started = await explain(input);
  expect(started.userErrors).toEqual([]);
  const jobId = started.job!.id;
  const events = await server.subscribe<{ jobProgress: { done: boolean; status: string } }>(
    `subscription ($id: ID!) { jobProgress(jobId: $id) { status done } }`,
    { id: jobId },
    (e) => e.jobProgress.done,
  );
  const job = await server.request<{ job: { status: string; error: string | null } }>(
    `query ($id: ID!) { job(id: $id) { status error } }`,
    { id: jobId },
  );
  expect(job.data!.job).toEqual({ status: 'SUCCEEDED', error: null });
  expect(events.at(-1)!.jobProgress.status).toBe('SUCCEEDED');
  const res = await server.request<{ explanation: Explanation }>(EXPLANATION, { jobId });
  expect(res.errors).toBeUndefined();
  return res.data!.explanation;
}

beforeAll(async () => {
  importDir = await mkdtemp(join(tmpdir(), 'strand-explain-api-'));
  const rows = Array.from(
    { length: 20 },
    (_, i) => `s${i}\t${i % 2 ? 'yes' : 'no'}\t${sequence()}`,
  );
  await writeFile(join(importDir, 'seqs.tsv'), `id\tlabel\tsequence\n${rows.join('\n')}\n`);
  await writeFile(join(importDir, 'ref.fa'), FASTA);
  process.env.STRAND_IMPORT_DIR = importDir;
  server = await startTestServer();
  runId = await seedModelRun(server.db, server.defaultProjectId, WIDTH);
}, 60_000);
afterAll(async () => {
  delete process.env.STRAND_IMPORT_DIR;
  await server?.stop();
  if (importDir) await rm(importDir, { recursive: true, force: true });
});

describe('explainSequence', () => {
  it('gives the ISM attributions the library (and strand explain) give, per sequence', async () => {
    const result = await explained({ sequences: SEQUENCES, method: 'ISM' });
    expect(result).toMatchObject({
      method: 'ISM',
      task: 0,
      taskName: 'bound',
      inputLength: WIDTH,
      summary: 'max |effect|',
    });
    await initBackend();
    const { model } = await loadModel(server.db.artifacts.resolve(`models/${runId}`));
    try {
      const round = (x: number) => Number(x.toPrecision(6));
      SEQUENCES.forEach((seq, i) => {
        const { ref, scores } = inSilicoMutagenesis(model, seq);
        const got = result.sequences[i];
        expect(got.id).toBe(`seq${i + 1}`);
        expect(got.prediction).toBe(round(ref));
        const want = Array.from({ length: WIDTH }, (_, p) =>
          Array.from(scores.subarray(p * 4, p * 4 + 4), round),
        );
        expect(got.scores).toEqual(want);
        // 0 at the base present; the summary is the largest |effect| of the position.
        expect(got.scores.map((row, p) => row['ACGT'.indexOf(seq[p])])).toEqual(
          new Array(WIDTH).fill(0),
        );
        expect(got.positionScores).toEqual(want.map((row) => Math.max(...row.map(Math.abs))));
        expect(got.topPositions).toHaveLength(10);
        const top = [...got.positionScores.entries()].sort(
          ([pa, a], [pb, b]) => Math.abs(b) - Math.abs(a) || pa - pb,
        );
        expect(got.topPositions).toEqual(
          top.slice(0, 10).map(([p, score]) => ({ position: p + 1, score })),
        );
      });
    } finally {
      model.dispose();
    }
  });

  it('explains the first records of a sequence dataset with gradient × input', async () => {
    const imported = await server.request<{ importDataset: { job: { id: string } } }>(
      `mutation { importDataset(input: { kind: "sequence-classification", path: "seqs.tsv" }) { job { id } } }`,
    );
    const importJob = imported.data!.importDataset.job.id;
    const datasetId = (await server.waitForJob(importJob)).outputDataset!.id;
    const result = await explained({ datasetId, limit: 3, method: 'GRADXINPUT' });
    expect(result.summary).toBe('sum');
    expect(result.sequences.map((s) => s.id)).toEqual(['s0', 's1', 's2']);
    for (const s of result.sequences) {
      expect(s.scores).toHaveLength(WIDTH);
      // Gradient × one-hot input: at most one non-zero base per position.
      expect(s.scores.every((row) => row.filter((x) => x !== 0).length <= 1)).toBe(true);
    }
  });

  it('refuses bad sequences, naming each by number and never by its bases', async () => {
    const short = 'ACGT'.repeat(5);
    const bad = await explain({
      sequences: [SEQUENCES[0], short, `${SEQUENCES[0].slice(0, 50)}X`],
      method: 'SALIENCY',
    });
    expect(bad.job).toBeNull();
    expect(bad.userErrors).toEqual([
      {
        field: 'sequences.1',
        code: 'WRONG_LENGTH',
        message: `sequence 2 has 20 bases; the model takes ${WIDTH}`,
      },
      {
        field: 'sequences.2',
        code: 'INVALID_BASE',
        message: 'sequence 3: position 51 is not A, C, G, T or N',
      },
    ]);
    const many = await explain({ sequences: new Array(101).fill(SEQUENCES[0]), method: 'IG' });
    expect(many.userErrors.map((e) => e.code)).toEqual(['OUT_OF_RANGE']);
    const neither = await explain({ method: 'IG' });
    expect(neither.userErrors.map((e) => e.code)).toEqual(['SEQUENCES_REQUIRED']);
    const task = await explain({ sequences: [SEQUENCES[0]], method: 'IG', task: -1 });
    expect(task.userErrors.map((e) => [e.field, e.code])).toEqual([['task', 'OUT_OF_RANGE']]);
  });

  it('needs EDITOR, and hides explanations from other projects', async () => {
    const viewer = await server.createUser('viewer', { [server.defaultProjectId]: 'viewer' });
    const denied = await explain({ sequences: [SEQUENCES[0]], method: 'ISM' }, viewer.token);
    expect(denied.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    const started = await explain({ sequences: [SEQUENCES[0]], method: 'ISM' });
    const jobId = started.job!.id;
    const other = await server.createProject('elsewhere');
    const outsider = await server.createUser('outsider', { [other]: 'admin' });
    const res = await server.request(EXPLANATION, { jobId }, outsider.token);
    expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    const foreignModel = await explain(
      { projectId: other, sequences: [SEQUENCES[0]], method: 'ISM' },
      outsider.token,
    );
    expect(foreignModel.userErrors.map((e) => [e.field, e.code])).toEqual([['runId', 'NOT_FOUND']]);
  });

  it('explains genomic regions of a reference, keeping their coordinates, and serves the reference', async () => {
    const result = await explained({
      regions: ['chrA:11-61', 'chrA:101-151:-'],
      reference: 'ref.fa',
      method: 'GRADXINPUT',
    });
    expect(
      result.sequences.map(({ id, chrom, start, end, strand }) => [id, chrom, start, end, strand]),
    ).toEqual([
      ['chrA:11-61', 'chrA', 11, 61, '+'],
      ['chrA:101-151:-', 'chrA', 101, 151, '-'],
    ]);
    // The same numbers as the bases given inline: the region's, reverse-complemented on '-'.
    const inline = await explained({
      sequences: [CHR_A.slice(10, 61), reverseComplement(CHR_A.slice(100, 151))],
      method: 'GRADXINPUT',
    });
    expect(result.sequences.map((s) => s.scores)).toEqual(inline.sequences.map((s) => s.scores));
    expect(inline.sequences[0]).toMatchObject({
      chrom: null,
      start: null,
      end: null,
      strand: null,
    });

    // The job's reference, to members, as a scoring job's.
    const get = (name: string, token = server.adminToken, range?: string) =>
      fetch(`${server.url}/jobs/${result.jobId}/reference/${name}`, {
        headers: { authorization: `Bearer ${token}`, ...(range ? { range } : {}) },
      });
    const part = await get('sequence', server.adminToken, 'bytes=6-15');
    expect(part.status).toBe(206);
    expect(await part.text()).toBe(FASTA.slice(6, 16));
    const fai = await get('fai');
    expect(fai.status).toBe(200);
    expect((await fai.text()).split('\n')[0]).toBe('chrA\t200\t6\t80\t81');
    const other = await server.createProject('regions-elsewhere');
    const outsider = await server.createUser('regions-outsider', { [other]: 'admin' });
    expect((await get('sequence', outsider.token)).status).toBe(404);
    // An explanation of inline sequences has no reference to serve.
    const inlineJob = await explain({ sequences: [SEQUENCES[0]], method: 'ISM' });
    await server.waitForJob(inlineJob.job!.id);
    const none = await fetch(`${server.url}/jobs/${inlineJob.job!.id}/reference/fai`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(none.status).toBe(404);
  });

  it('keeps the coordinates of an intervals dataset, and serves the reference given with it', async () => {
    // Regions named without the chr prefix: the import resolves them to the reference's names.
    await writeFile(join(importDir, 'peaks.bed'), 'A\t40\t60\nchrA\t120\t130\n');
    const imported = await server.request<{ importDataset: { job: { id: string } } }>(
      `mutation { importDataset(input: { kind: "intervals", path: "peaks.bed", referencePath: "ref.fa", windowWidth: ${WIDTH} }) { job { id } } }`,
    );
    const datasetId = (await server.waitForJob(imported.data!.importDataset.job.id)).outputDataset!
      .id;
    const result = await explained({ datasetId, reference: 'ref.fa', method: 'GRADXINPUT' });
    // Windows of 51 centred on each region: [25, 76) and [100, 151), 0-based half-open.
    expect(
      result.sequences.map(({ id, chrom, start, end, strand }) => [id, chrom, start, end, strand]),
    ).toEqual([
      ['chrA:25-76', 'chrA', 26, 76, '+'],
      ['chrA:100-151', 'chrA', 101, 151, '+'],
    ]);
    const inline = await explained({
      sequences: [CHR_A.slice(25, 76), CHR_A.slice(100, 151)],
      method: 'GRADXINPUT',
    });
    expect(result.sequences.map((s) => s.scores)).toEqual(inline.sequences.map((s) => s.scores));
    const fai = await fetch(`${server.url}/jobs/${result.jobId}/reference/fai`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(fai.status).toBe(200);
  });

  it('refuses bad regions with located errors, and regions without a reference', async () => {
    const bad = await explain({
      regions: ['chrZ:1-51', 'chrB:1-51', 'chrA:1-50', 'chrA:160-210', 'chrA-1-51'],
      reference: 'ref.fa',
      method: 'ISM',
    });
    expect(bad.job).toBeNull();
    expect(bad.userErrors).toEqual([
      {
        field: 'regions.0',
        code: 'UNKNOWN_CONTIG',
        message: 'region 1 ("chrZ:1-51"): contig "chrZ" is not in the reference',
      },
      {
        field: 'regions.1',
        code: 'OFF_CONTIG',
        message: 'region 2 ("chrB:1-51") runs off chrB, which has 40 bases',
      },
      {
        field: 'regions.2',
        code: 'WRONG_LENGTH',
        message: `region 3 ("chrA:1-50") has 50 bases; the model takes ${WIDTH}`,
      },
      {
        field: 'regions.3',
        code: 'OFF_CONTIG',
        message: 'region 4 ("chrA:160-210") runs off chrA, which has 200 bases',
      },
      {
        field: 'regions.4',
        code: 'INVALID_REGION',
        message: 'region 5: region "chrA-1-51" is not chrom:start-end (1-based, inclusive)',
      },
    ]);
    const noReference = await explain({ regions: ['chrA:1-51'], method: 'ISM' });
    expect(noReference.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['reference', 'REFERENCE_REQUIRED'],
    ]);
    const outside = await explain({
      regions: ['chrA:1-51'],
      reference: '../etc/passwd',
      method: 'ISM',
    });
    expect(outside.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['reference', 'FILE_NOT_FOUND'],
    ]);
    const both = await explain({
      regions: ['chrA:1-51'],
      sequences: [SEQUENCES[0]],
      reference: 'ref.fa',
      method: 'ISM',
    });
    expect(both.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['reference', 'AMBIGUOUS_INPUT'],
      ['sequences', 'AMBIGUOUS_INPUT'],
    ]);
    const many = await explain({
      regions: new Array(101).fill('chrA:1-51'),
      reference: 'ref.fa',
      method: 'ISM',
    });
    expect(many.userErrors.map((e) => [e.field, e.code])).toEqual([['regions', 'OUT_OF_RANGE']]);
  });
});
