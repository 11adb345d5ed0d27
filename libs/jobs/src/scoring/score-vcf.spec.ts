import { spawn } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataPath } from '@strand/genomics/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FastaIndex, openVcf, ReferenceReader, variantWindows } from '@strand/genomics';
import type { VcfRecord } from '@strand/genomics';
import { createPredictor, loadModel, scoreVariantWindows } from '@strand/models';
import { scoreVcf } from './score-vcf.ts';
import { saveTinyModel, writeTestVcf } from './testing/scoring-fixtures.ts';

const SHARED_REFERENCE = sharedDataPath('reference', 'hg19_chr17_part.fa');
const HAS_REFERENCE = existsSync(SHARED_REFERENCE);
const CHILD = fileURLToPath(new URL('./testing/score-vcf-child.ts', import.meta.url));
const WIDTH = 51;
const COUNT = 3000;
const CHUNK = 200;

let dir: string;
let reference: string;
let modelDir: string;
let vcf: string;
let alleles: number;

/** The scorer's inputs: where the test made them, or copies of them elsewhere. */
interface Inputs {
  vcf: string;
  reference: string;
  modelDir: string;
}

/** Runs the scorer in a child process; resolves with its exit (code or signal). */
function child(
  outDir: string,
  delayMs: number,
  onSpawn?: (kill: () => void) => void,
  inputs: Inputs = { vcf, reference, modelDir },
) {
  const options = { ...inputs, outDir, chunkSize: CHUNK };
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(options)], {
    env: { ...process.env, STRAND_TEST_CHUNK_DELAY_MS: String(delayMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d: Buffer) => (stdout += d));
  proc.stderr.on('data', (d: Buffer) => (stderr += d));
  onSpawn?.(() => proc.kill('SIGKILL'));
  return new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((done) => proc.on('exit', (code, signal) => done({ code, signal, stdout, stderr })));
}

async function committedChunks(outDir: string): Promise<number> {
  try {
    return (JSON.parse(await readFile(join(outDir, 'progress.json'), 'utf8')) as { chunks: number })
      .chunks;
  } catch {
    return 0;
  }
}

describe.skipIf(!HAS_REFERENCE)('scoreVcf (hg19 chr17 piece)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strand-score-vcf-'));
    reference = join(dir, 'chr17.fa');
    await copyFile(SHARED_REFERENCE, reference);
    modelDir = join(dir, 'model');
    await saveTinyModel(modelDir, WIDTH);
    vcf = join(dir, 'calls.vcf');
    alleles = await writeTestVcf(vcf, reference, { count: COUNT, seed: 1 });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('resumes after a SIGKILL mid-run, from copies of its inputs elsewhere, with output identical to an uninterrupted run', async () => {
    const whole = join(dir, 'whole');
    const result = await scoreVcf({ vcf, reference, modelDir, outDir: whole, chunkSize: CHUNK });
    expect(result).toMatchObject({
      variants: COUNT,
      scored: alleles,
      resumedFrom: 0,
      tasks: ['bound'],
    });

    const killed = join(dir, 'killed');
    const first = await child(killed, 150, (kill) => {
      const poll = setInterval(() => {
        void committedChunks(killed).then((n) => {
          if (n >= 3) {
            clearInterval(poll);
            kill();
          }
        });
      }, 20);
    });
    expect(first.signal).toBe('SIGKILL');
    const atKill = await committedChunks(killed);
    expect(atKill).toBeGreaterThanOrEqual(3);
    expect(atKill).toBeLessThan(COUNT / CHUNK);
    expect(existsSync(join(killed, 'scores.tsv'))).toBe(false);

    // Resumed as on another worker: the same inputs, pulled to other paths (new mtimes).
    const elsewhere = join(dir, 'elsewhere');
    await cp(modelDir, join(elsewhere, 'model'), { recursive: true });
    await copyFile(vcf, join(elsewhere, 'calls.vcf'));
    await copyFile(reference, join(elsewhere, 'chr17.fa'));
    const second = await child(killed, 0, undefined, {
      vcf: join(elsewhere, 'calls.vcf'),
      reference: join(elsewhere, 'chr17.fa'),
      modelDir: join(elsewhere, 'model'),
    });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ resumedFrom: atKill * CHUNK, scored: alleles });

    const tsv = await readFile(join(killed, 'scores.tsv'), 'utf8');
    expect(tsv).toBe(await readFile(join(whole, 'scores.tsv'), 'utf8'));
    expect(await readFile(join(killed, 'scores.vcf'), 'utf8')).toBe(
      await readFile(join(whole, 'scores.vcf'), 'utf8'),
    );
    // No gap, no duplicate: one row per allele, each (pos, alt) once, in file order.
    const rows = tsv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    expect(rows).toHaveLength(alleles);
    expect(new Set(rows.map((r) => `${r[1]}:${r[4]}`)).size).toBe(alleles);
    const positions = rows.map((r) => Number(r[1]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect((await readdir(join(killed, 'chunks'))).sort()).toEqual(
      (await readdir(join(whole, 'chunks'))).sort(),
    );
  }, 120_000);

  it('writes scores.tsv and scores.vcf with the documented columns and INFO keys', async () => {
    const tsv = (await readFile(join(dir, 'whole', 'scores.tsv'), 'utf8')).split('\n');
    expect(tsv[0]).toBe(
      'chrom\tpos\tid\tref\talt\ttask\tref_pred\talt_pred\tdiff\tabs_diff\tlog_odds',
    );
    const [chrom, pos, id, ref, alt, task, refPred, altPred, diff, absDiff, logOdds] =
      tsv[2].split('\t');
    expect([chrom, pos, id, task]).toEqual(['chr17', '26', 'rs1', 'bound']);
    expect([ref.length, alt.length]).toEqual([1, 1]);
    const [r, a] = [Number(refPred), Number(altPred)];
    expect(Number(diff)).toBeCloseTo(a - r, 6);
    expect(Number(absDiff)).toBeCloseTo(Math.abs(a - r), 6);
    expect(Number(logOdds)).toBeCloseTo(Math.log(a / (1 - a)) - Math.log(r / (1 - r)), 4);

    const lines = (await readFile(join(dir, 'whole', 'scores.vcf'), 'utf8')).split('\n');
    expect(lines.filter((l) => l.startsWith('##INFO=<ID=STRAND_'))).toEqual([
      `##INFO=<ID=STRAND_REF,Number=A,Type=Float,Description="Strand: the model's prediction for the reference window">`,
      `##INFO=<ID=STRAND_ALT,Number=A,Type=Float,Description="Strand: the model's prediction for the alternate window">`,
      '##INFO=<ID=STRAND_DIFF,Number=A,Type=Float,Description="Strand: alt − ref prediction">',
      '##INFO=<ID=STRAND_LOG_ODDS,Number=A,Type=Float,Description="Strand: logit(alt) − logit(ref), probabilities clipped to [1e-7, 1 − 1e-7]">',
    ]);
    const record = lines.find((l) => l.startsWith('chr17\t26\t'))!;
    expect(record.split('\t')[7]).toBe(
      `STRAND_REF=${refPred};STRAND_ALT=${altPred};STRAND_DIFF=${diff};STRAND_LOG_ODDS=${logOdds}`,
    );
    // rs0 carries DP=0 and an insertion; rs37 two ALTs.
    expect(lines.find((l) => l.includes('\trs0\t'))!.split('\t')[7]).toMatch(
      /^DP=0;STRAND_REF=[^,;]+;/,
    );
    expect(lines.find((l) => l.includes('\trs37\t'))!.split('\t')[7]).toMatch(
      /^STRAND_REF=[^,;]+,[^,;]+;/,
    );
  });

  it('refuses a VCF whose REFs mostly disagree with the reference before scoring, unless forced', async () => {
    const bad = join(dir, 'bad.vcf');
    await writeTestVcf(bad, reference, { count: 100, seed: 2, mismatchShare: 0.3 });
    const outDir = join(dir, 'bad');
    let seen: { refMismatches: { count: number } } | undefined;
    await expect(
      scoreVcf({ vcf: bad, reference, modelDir, outDir, onPreflight: (s) => void (seen = s) }),
    ).rejects.toMatchObject({ code: 'PREFLIGHT_FAILED' });
    expect(seen?.refMismatches.count).toBe(26);
    await expect(scoreVcf({ vcf: bad, reference, modelDir, outDir })).rejects.toThrow(
      `${bad}: 26 of 102 alleles (25.5%) have a REF that does not match the reference (first: line 9 chr17:1980 REF A, reference has c): wrong genome build? (force to score anyway)`,
    );
    expect(existsSync(outDir)).toBe(false);
    const forced = await scoreVcf({ vcf: bad, reference, modelDir, outDir, force: true });
    expect(forced.notScored).toEqual({ refMismatch: 26, unknownChromosome: 0, skipped: 0 });
    expect(forced.scored).toBe(102 - 26);
  });

  it('gives identical scores on two runs (reverse-complement averaged) and refuses to mix runs', async () => {
    const small = join(dir, 'small.vcf');
    await writeTestVcf(small, reference, { count: 300, seed: 3 });
    const run = (outDir: string) =>
      scoreVcf({ vcf: small, reference, modelDir, outDir, reverseComplement: true, chunkSize: 64 });
    await run(join(dir, 'rc1'));
    await run(join(dir, 'rc2'));
    expect(await readFile(join(dir, 'rc2', 'scores.tsv'), 'utf8')).toBe(
      await readFile(join(dir, 'rc1', 'scores.tsv'), 'utf8'),
    );
    await expect(
      scoreVcf({ vcf: small, reference, modelDir, outDir: join(dir, 'rc1'), chunkSize: 64 }),
    ).rejects.toThrow(
      `${join(dir, 'rc1', 'progress.json')}: holds another run's progress (reverseComplement true, now false); choose another output folder or delete it`,
    );
    // Another VCF at the same path is another run: inputs are named by content.
    const edited = join(dir, 'edited.vcf');
    const runEdited = () =>
      scoreVcf({ vcf: edited, reference, modelDir, outDir: join(dir, 'rc-edited'), chunkSize: 64 });
    await writeTestVcf(edited, reference, { count: 300, seed: 3 });
    await runEdited();
    await writeTestVcf(edited, reference, { count: 300, seed: 4 });
    await expect(runEdited()).rejects.toThrow(
      /progress\.json: holds another run's progress \(vcfSha256 "[0-9a-f]{64}", now "[0-9a-f]{64}"\)/,
    );
    // Progress from before the inputs were named by content is not taken for this run's.
    const old = join(dir, 'rc-old');
    await mkdir(old);
    await writeFile(
      join(old, 'progress.json'),
      JSON.stringify({ formatVersion: 1, fingerprint: { vcf: small, chunkSize: 64 }, chunks: 1 }),
    );
    await expect(run(old)).rejects.toThrow(
      `${join(old, 'progress.json')}: holds progress written by an older Strand, which cannot be resumed; choose another output folder or delete it`,
    );
  });

  it('averages both strands for a model trained with rcAverage, unless told not to', async () => {
    const small = join(dir, 'small.vcf');
    const rcModel = join(dir, 'rc-model');
    await cp(modelDir, rcModel, { recursive: true });
    const meta = JSON.parse(await readFile(join(rcModel, 'strand.json'), 'utf8'));
    await writeFile(join(rcModel, 'strand.json'), JSON.stringify({ ...meta, rcAverage: true }));
    const following = await scoreVcf({
      vcf: small,
      reference,
      modelDir: rcModel,
      outDir: join(dir, 'rc-follow'),
      chunkSize: 64,
    });
    expect(following.reverseComplement).toBe(true);
    expect(await readFile(join(dir, 'rc-follow', 'scores.tsv'), 'utf8')).toBe(
      await readFile(join(dir, 'rc1', 'scores.tsv'), 'utf8'),
    );
    const forward = await scoreVcf({
      vcf: small,
      reference,
      modelDir: rcModel,
      outDir: join(dir, 'rc-off'),
      chunkSize: 64,
      reverseComplement: false,
    });
    expect(forward.reverseComplement).toBe(false);
  });

  it('averages predictions over shifted windows (--shifts), indels left-anchored, and says so', async () => {
    const few = join(dir, 'few.vcf');
    await writeTestVcf(few, reference, { count: 40, seed: 5 });
    const result = await scoreVcf({
      vcf: few,
      reference,
      modelDir,
      outDir: join(dir, 'shifted'),
      shifts: 2,
      reverseComplement: false,
    });
    expect(result.windows).toEqual({ width: WIDTH, anchor: 'left', shifts: 2 });
    const vcfText = await readFile(join(dir, 'shifted', 'scores.vcf'), 'utf8');
    expect(vcfText).toMatch(/Anchor=left,Shifts=2,/);
    // The known answer: each allele's ref and alt predictions are the means over its five
    // windows (shift −2 … 2), predicted one by one here.
    const { model } = await loadModel(modelDir);
    const predictor = await createPredictor(model);
    try {
      const rows = (await readFile(join(dir, 'shifted', 'scores.tsv'), 'utf8'))
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t'));
      const records: VcfRecord[] = [];
      for await (const r of await openVcf(few)) records.push(r);
      const reader = new ReferenceReader(await FastaIndex.open(reference));
      for (const row of rows.slice(0, 6)) {
        const record = records.find((r) => r.pos === Number(row[1]) && r.ref === row[3])!;
        const altIndex = record.alts.indexOf(row[4]);
        const pairs = [];
        for (let shift = -2; shift <= 2; shift++) {
          const w = (await variantWindows(record, reader, WIDTH, shift))[altIndex];
          if (w.status !== 'ok') throw new Error(w.reason);
          pairs.push(w);
        }
        const each = await scoreVariantWindows(predictor, pairs);
        const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
        expect(Number(row[6])).toBeCloseTo(mean(each.ref), 5);
        expect(Number(row[7])).toBeCloseTo(mean(each.alt), 5);
      }
    } finally {
      await predictor.dispose();
      model.dispose();
    }
    await expect(
      scoreVcf({ vcf: few, reference, modelDir, outDir: join(dir, 'bad'), shifts: 11 }),
    ).rejects.toThrow('shifts must be an integer from 0 to 10, got 11');
  });
});
