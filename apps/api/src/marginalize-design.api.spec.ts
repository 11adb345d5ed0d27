import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@strand/genomics';
import { seedModelRun } from './testing/model-run.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const WIDTH = 51;

type UserErrors = { field: string; code: string; message: string }[];
type Payload<K extends string> = Record<
  K,
  { job: { id: string; kind: string } | null; userErrors: UserErrors }
>;

const MARGINALIZE = /* GraphQL */ `
  mutation ($input: MarginalizeInput!) {
    marginalize(input: $input) {
      job {
        id
        kind
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;
const DESIGN = /* GraphQL */ `
  mutation ($input: DesignSequenceInput!) {
    designSequence(input: $input) {
      job {
        id
        kind
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`;

let server: TestServer;
let importDir: string;
let runId: string;
let datasetId: string;
const random = createRng(9);
const sequence = () => Array.from({ length: WIDTH }, () => 'ACGT'[random.int(4)]).join('');

async function marginalize(input: Record<string, unknown>) {
  const res = await server.request<Payload<'marginalize'>>(MARGINALIZE, {
    input: { runId, datasetId, ...input },
  });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.marginalize;
}

async function design(input: Record<string, unknown>) {
  const res = await server.request<Payload<'designSequence'>>(DESIGN, {
    input: { runId, ...input },
  });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.designSequence;
}

beforeAll(async () => {
  importDir = await mkdtemp(join(tmpdir(), 'strand-md-api-'));
  const rows = Array.from(
    { length: 40 },
    (_, i) => `s${i}\t${i % 2 ? 'yes' : 'no'}\t${sequence()}`,
  );
  await writeFile(join(importDir, 'seqs.tsv'), `id\tlabel\tsequence\n${rows.join('\n')}\n`);
  process.env.STRAND_IMPORT_DIR = importDir;
  server = await startTestServer();
  runId = await seedModelRun(server.db, server.defaultProjectId, WIDTH);
  const imported = await server.request<{ importDataset: { job: { id: string } } }>(
    `mutation { importDataset(input: { kind: "sequence-classification", path: "seqs.tsv" }) { job { id } } }`,
  );
  datasetId = (await server.waitForJob(imported.data!.importDataset.job.id)).outputDataset!.id;
}, 60_000);
afterAll(async () => {
  delete process.env.STRAND_IMPORT_DIR;
  await server?.close();
  await rm(importDir, { recursive: true, force: true });
});

describe('marginalize', () => {
  it('runs as a job; marginalization reads the effect, the spacings and the ablation', async () => {
    const started = await marginalize({
      label: 'yes',
      motif: 'GATA1',
      positionStep: 8,
      secondMotif: 'TTGCA',
      minSpacing: 2,
      maxSpacing: 6,
      ablate: true,
      backgrounds: 15,
    });
    expect(started.userErrors).toEqual([]);
    expect(started.job!.kind).toBe('MARGINALIZE');
    const jobId = started.job!.id;
    expect(await server.waitForJob(jobId)).toMatchObject({ status: 'SUCCEEDED', error: null });
    const res = await server.request<{
      marginalization: {
        jobId: string;
        target: string;
        sequences: number;
        backgrounds: number;
        motif: { id: string | null; name: string | null; consensus: string; position: number };
        effect: { n: number; mean: number; sd: number; min: number; max: number };
        positions: { position: number; effect: { n: number } }[];
        second: { consensus: string; position: number | null };
        spacings: { spacing: number; effect: { n: number; mean: number } }[];
        bestSpacing: number;
        ablation: { ablated: number; drop: { n: number } };
      };
    }>(
      `query ($jobId: ID!) { marginalization(jobId: $jobId) { jobId target sequences backgrounds
        motif { id name consensus position } effect { n mean sd min max }
        positions { position effect { n } } second { consensus position } spacings { spacing effect { n mean } } bestSpacing
        ablation { ablated drop { n } } } }`,
      { jobId },
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.marginalization;
    expect(r).toMatchObject({ jobId, target: 'logit', sequences: 15, backgrounds: 15 });
    expect(r.motif.name).toBe('GATA1');
    expect(r.motif.position).toBe(Math.floor((WIDTH - r.motif.consensus.length) / 2));
    expect(r.effect.n).toBe(15);
    expect(r.effect.min).toBeLessThanOrEqual(r.effect.mean);
    expect(r.effect.max).toBeGreaterThanOrEqual(r.effect.mean);
    const room = WIDTH - r.motif.consensus.length;
    expect(r.positions.map((p) => p.position)).toEqual(
      Array.from({ length: Math.floor(room / 8) + 1 }, (_, i) => i * 8),
    );
    expect(r.positions.every((p) => p.effect.n === 15)).toBe(true);
    expect(r.second).toEqual({ consensus: 'TTGCA', position: null });
    expect(r.spacings.map((s) => s.spacing)).toEqual([2, 3, 4, 5, 6]);
    const best = r.spacings.reduce((a, b) => (b.effect.mean > a.effect.mean ? b : a));
    expect(r.bestSpacing).toBe(best.spacing);
    expect(r.ablation.drop.n).toBe(r.ablation.ablated);
  });

  it('refuses bad inputs with located userErrors and starts no job', async () => {
    const bad = await marginalize({ motif: 'NOT_A_FACTOR', backgrounds: 5000, maxSpacing: 3 });
    expect(bad.job).toBeNull();
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['backgrounds', 'OUT_OF_RANGE'],
      ['maxSpacing', 'NEEDS_SECOND_MOTIF'],
      ['motif', 'UNKNOWN_MOTIF'],
    ]);
    const away = await marginalize({ motif: 'ACGT', datasetId: 'nope', jaspar: '../x.jaspar' });
    expect(away.job).toBeNull();
    expect(away.userErrors[0]!.field).toBe('jaspar');
  });
});

describe('designSequence', () => {
  it('runs as a job; sequenceDesign reads the trajectory', async () => {
    const start = sequence();
    const started = await design({
      sequence: start,
      method: 'BEAM',
      direction: 'DOWN',
      maxEdits: 3,
      beamWidth: 2,
      fixedPositions: [0, 1, 2],
    });
    expect(started.userErrors).toEqual([]);
    expect(started.job!.kind).toBe('DESIGN');
    const jobId = started.job!.id;
    expect(await server.waitForJob(jobId)).toMatchObject({ status: 'SUCCEEDED', error: null });
    const res = await server.request<{
      sequenceDesign: {
        method: string;
        start: { sequence: string; score: number };
        best: { score: number; sequence: string; edits: { position: number }[] };
        trajectory: { step: number; score: number; edits: { position: number }[] }[];
      };
    }>(
      `query ($jobId: ID!) { sequenceDesign(jobId: $jobId) { method start { sequence score }
        best { score sequence edits { position from to } }
        trajectory { step score edits { position } } } }`,
      { jobId },
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.sequenceDesign;
    expect(r.method).toBe('beam');
    expect(r.start.sequence).toBe(start);
    expect(r.trajectory[0]).toMatchObject({ step: 0, score: r.start.score, edits: [] });
    // Lowering: every step scores below the one before, within three edits, none at 0–2.
    const scores = r.trajectory.map((s) => s.score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(r.best.score).toBe(Math.min(...scores));
    expect(r.best.edits.length).toBeLessThanOrEqual(3);
    expect(r.best.edits.every((e) => e.position > 2)).toBe(true);
  });

  it('refuses bad inputs with located userErrors', async () => {
    const bad = await design({
      sequence: 'ACGT',
      maxEdits: 0,
      gcMin: 1.5,
      fixedPositions: [-1],
    });
    expect(bad.job).toBeNull();
    expect(bad.userErrors.map((e) => [e.field, e.code])).toEqual([
      ['maxEdits', 'OUT_OF_RANGE'],
      ['gcMin', 'OUT_OF_RANGE'],
      ['sequence', 'WRONG_LENGTH'],
      ['fixedPositions[0]', 'OUT_OF_RANGE'],
    ]);
  });
});
