/**
 * Memory check of the streaming batch iterator (fastaBedBatches). Run from the repo root:
 *   node --expose-gc --import tsx tools/bench/encode-rss.ts
 * Writes a seeded 4 Mb reference (4 × 1 Mb, with its .fai) and BED files of 100k and 1M regions
 * to a temp dir (streamed to disk, never held in memory), encodes each in a fresh child process
 * and prints, as JSON, each run's peak RSS and records/s and the ratio of the peaks, which must
 * be ≤ 1.10: memory flat however many records.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildFai, createRng, fastaBedBatches } from '@strand/genomics';

const CHROMOSOMES = 4;
const CHROM_LENGTH = 1_000_000;
const LINE = 60;
const WINDOW = 101;
const BATCH = 64;
const MAX_RATIO = 1.1;
/**
 * V8 starts the young generation small and grows it (by ~16 MB of RSS here) once enough objects
 * survive scavenges, at a point that depends on allocation timing, not on what is retained: a
 * run may grow it at record 600k and a shorter one never. Starting it at its full size makes the
 * peak measure what the iterator keeps alive; the default-flag runs are printed too.
 */
const PINNED_YOUNG_GENERATION = ['--min-semi-space-size=16'];

/** Writes `lines()` to `path` through a stream, waiting whenever the buffer is full. */
async function writeLines(path: string, lines: () => Generator<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines()) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function* reference(): Generator<string> {
  const rng = createRng(11);
  for (let c = 1; c <= CHROMOSOMES; c++) {
    yield `>chr${c}\n`;
    for (let at = 0; at < CHROM_LENGTH; at += LINE) {
      let line = '';
      for (let i = 0; i < Math.min(LINE, CHROM_LENGTH - at); i++) line += 'ACGT'[rng.int(4)];
      yield `${line}\n`;
    }
  }
}

function regions(count: number): () => Generator<string> {
  return function* () {
    const rng = createRng(count);
    for (let i = 0; i < count; i++) {
      const start = rng.int(CHROM_LENGTH - 500);
      yield `chr${1 + rng.int(CHROMOSOMES)}\t${start}\t${start + 50 + rng.int(400)}\tr${i}\t${rng.int(2)}\n`;
    }
  };
}

/** Child: encode every batch, touch the data so nothing is optimised away, report. */
async function child(fasta: string, bed: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const t0 = performance.now();
  let records = 0;
  let checksum = 0;
  for await (const { x, y, count } of fastaBedBatches({
    fasta,
    bed,
    length: WINDOW,
    batchSize: BATCH,
    labelColumn: 'score',
  })) {
    records += count;
    checksum += x[(records * 7) % x.length] + y[0];
  }
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  gc?.();
  const liveHeapMb = process.memoryUsage().heapUsed / 1e6;
  process.stdout.write(JSON.stringify({ records, seconds, peakRssMb, liveHeapMb, checksum }));
}

interface Run {
  records: number;
  peakRssMb: number;
  /** Heap in use after a full collection at the end: what the run retained. */
  liveHeapMb: number;
  recordsPerSecond: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function runChild(fasta: string, bed: string, v8Flags: string[]): Run {
  const script = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', ...v8Flags, '--import', 'tsx', script, '--child', fasta, bed];
  const result = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as {
    records: number;
    seconds: number;
    peakRssMb: number;
    liveHeapMb: number;
  };
  return {
    records: result.records,
    peakRssMb: round1(result.peakRssMb),
    liveHeapMb: round1(result.liveHeapMb),
    recordsPerSecond: Math.round(result.records / result.seconds),
  };
}

const ratioOf = ([small, large]: Run[]) =>
  Math.round((large.peakRssMb / small.peakRssMb) * 1000) / 1000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strand-encode-rss-'));
  try {
    const fasta = join(dir, 'ref.fa');
    await writeLines(fasta, reference);
    await buildFai(fasta);
    const beds = [100_000, 1_000_000].map((count) => join(dir, `regions-${count}.bed`));
    for (const [i, count] of [100_000, 1_000_000].entries()) {
      await writeLines(beds[i], regions(count));
    }
    const runs = beds.map((bed) => runChild(fasta, bed, PINNED_YOUNG_GENERATION));
    // For information: V8's default, which may grow the young generation mid-run.
    const runsDefaultV8 = beds.map((bed) => runChild(fasta, bed, []));
    const ratio = ratioOf(runs);
    const report = {
      window: WINDOW,
      batchSize: BATCH,
      v8Flags: PINNED_YOUNG_GENERATION,
      runs,
      ratio,
      maxRatio: MAX_RATIO,
      ok: ratio <= MAX_RATIO,
      runsDefaultV8,
      ratioDefaultV8: ratioOf(runsDefaultV8),
    };
    console.log(JSON.stringify(report, null, 2));
    if (!report.ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
await (at === -1 ? main() : child(process.argv[at + 1], process.argv[at + 2]));
