/**
 * Memory check of the streaming batch iterator (fastaBedBatches). Run from the repo root:
 *   npm run bench:rss     (node --expose-gc --import tsx tools/bench/encode-rss.ts)
 * Writes a seeded 4 Mb reference (4 × 1 Mb, with its .fai) and BED files of 100k and 1M regions
 * to a temp dir (streamed to disk, never held in memory), encodes each in a fresh child process
 * under V8's default flags and prints, as JSON, each run's peak RSS (also over a baseline child
 * that encodes no region), records/s, the heap it retained, the young generation's size at the
 * end and how many scavenges ran, and the ratio of the peaks, which must be ≤ 1.10: memory flat
 * however many records. Exits 1 when it is not.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { buildFai, createRng, fastaBedBatches } from '@strand/genomics';

const CHROMOSOMES = 4;
const CHROM_LENGTH = 1_000_000;
const LINE = 60;
const WINDOW = 101;
const BATCH = 64;
const MAX_RATIO = 1.1;

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

/**
 * Child: encode every batch, touch the data so nothing is optimised away, report. V8 grows its
 * young generation (by up to ~16 MB of RSS) once enough bytes have survived scavenges since the
 * last growth, so what decides a flat peak is how much the loop allocates per record, not only
 * what it retains: the scavenge count and young-generation size are printed to show which.
 */
async function child(fasta: string, bed: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as { detail?: { kind?: number } };
      if (detail?.kind === MINOR_GC) scavenges++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const t0 = performance.now();
  let records = 0;
  let checksum = 0;
  for await (const batch of fastaBedBatches({
    fasta,
    bed,
    length: WINDOW,
    batchSize: BATCH,
    labelColumn: 'score',
  })) {
    records += batch.count;
    checksum += batch.x[(records * 7) % batch.x.length] + batch.y[0];
    batch.release();
  }
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  observer.disconnect();
  gc?.();
  const liveHeapMb = process.memoryUsage().heapUsed / 1e6;
  process.stdout.write(
    JSON.stringify({
      records,
      seconds,
      peakRssMb,
      liveHeapMb,
      youngGenerationMb: (newSpace?.space_size ?? 0) / 1e6,
      scavenges,
      checksum,
    }),
  );
}

/** `PerformanceEntry.detail.kind` of a scavenge (perf_hooks.constants.NODE_PERFORMANCE_GC_MINOR). */
const MINOR_GC = 1;

interface Run {
  records: number;
  peakRssMb: number;
  /** Heap in use after a full collection at the end: what the run retained. */
  liveHeapMb: number;
  /** Size of V8's new space at the end of the loop (grows mid-run when enough survives). */
  youngGenerationMb: number;
  /** Scavenges during the loop (collections of the young generation). */
  scavenges: number;
  recordsPerSecond: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function runChild(fasta: string, bed: string): Run {
  const script = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', '--import', 'tsx', script, '--child', fasta, bed];
  const result = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Omit<
    Run,
    'recordsPerSecond'
  > & { seconds: number };
  return {
    records: result.records,
    peakRssMb: round1(result.peakRssMb),
    liveHeapMb: round1(result.liveHeapMb),
    youngGenerationMb: round1(result.youngGenerationMb),
    scavenges: result.scavenges,
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
    // The same child with no regions: what Node, tsx and the library cost before any encoding.
    const empty = join(dir, 'regions-0.bed');
    await writeLines(empty, regions(0));
    const baseline = runChild(fasta, empty);
    const runs = beds.map((bed) => runChild(fasta, bed));
    const ratio = ratioOf(runs);
    const report = {
      window: WINDOW,
      batchSize: BATCH,
      v8Flags: [],
      baselinePeakRssMb: baseline.peakRssMb,
      runs: runs.map((r) => ({ ...r, overBaselineMb: round1(r.peakRssMb - baseline.peakRssMb) })),
      ratio,
      maxRatio: MAX_RATIO,
      ok: ratio <= MAX_RATIO,
    };
    console.log(JSON.stringify(report, null, 2));
    if (!report.ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
await (at === -1 ? main() : child(process.argv[at + 1], process.argv[at + 2]));
