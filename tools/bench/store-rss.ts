/**
 * Flat memory of the real data paths, as a user runs them (`strand` in a child process, peak RSS
 * from /usr/bin/time). Run from the repo root:
 *   npm run bench:rss            CI sizes: 20k and 200k records (import, train), 5k and 50k
 *                                variants (score); about a minute on two cores
 *   npm run bench:rss -- --full  the sizes: 200k and 2M records, 200k and 2M variants
 * Prints JSON: per path the peak RSS of the small and the large run and their ratio, which must
 * be ≤ 1.2 (and the large import ≤ 400 MB), and the training loader's sequences/s read alone
 * (≥ 100,000). Paths:
 *   import   `strand import sequence-classification` of a seeded table of 101 bp sequences
 *   train    `strand train --dataset NAME --epochs 1` (deepbind, small filters in CI) on each
 *   loader   the store's training loader alone (StoreStream): one shuffled epoch of the large
 *            table, one-hot batches of 64
 *   score    `strand score` of a seeded VCF of SNVs against a seeded 4 Mb reference
 * Exits 1 when a ratio or a bound is missed (the loader's floor only with --full: a rate on
 * busy CI cores says little).
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFai, createRng } from '@strand/genomics';
import { closeSource, openStoreSource, sourceStream } from '@strand/jobs';

const full = process.argv.includes('--full');
/** `--sizes 2000,20000` and `--variants 500,5000` set other sizes (a quick look). */
const listArg = (flag: string, fallback: number[]) => {
  const at = process.argv.indexOf(flag);
  return at === -1 ? fallback : process.argv[at + 1].split(',').map(Number);
};
const SIZES = listArg('--sizes', full ? [200_000, 2_000_000] : [20_000, 200_000]);
const VARIANTS = listArg('--variants', full ? [200_000, 2_000_000] : [5_000, 50_000]);
const LENGTH = 101;
const MAX_RATIO = 1.2;
const MAX_IMPORT_MB = 400;
const MIN_LOADER_PER_SECOND = 100_000;
const CHROMOSOMES = 4;
const CHROM_LENGTH = 1_000_000;
const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function* table(count: number): Generator<string> {
  const rng = createRng(count);
  yield 'id\tlabel\tsequence\n';
  for (let i = 0; i < count; i++) {
    let seq = '';
    for (let j = 0; j < LENGTH; j++) seq += 'ACGT'[rng.int(4)];
    yield `s${i}\t${rng.int(2)}\t${seq}\n`;
  }
}

/** A seeded reference: CHROMOSOMES × CHROM_LENGTH random bases. */
function bases(): string[] {
  const rng = createRng(11);
  return Array.from({ length: CHROMOSOMES }, () => {
    const codes = new Uint8Array(CHROM_LENGTH);
    for (let i = 0; i < CHROM_LENGTH; i++) codes[i] = 'ACGT'.charCodeAt(rng.int(4));
    return Buffer.from(codes).toString('latin1');
  });
}

function* reference(chroms: string[]): Generator<string> {
  for (const [c, seq] of chroms.entries()) {
    yield `>chr${c + 1}\n`;
    for (let at = 0; at < seq.length; at += 60) yield `${seq.slice(at, at + 60)}\n`;
  }
}

/** SNVs in position order, chromosome by chromosome, REF as the reference has it. */
function* vcf(count: number, chroms: string[]): Generator<string> {
  yield '##fileformat=VCFv4.2\n';
  for (let c = 1; c <= CHROMOSOMES; c++) yield `##contig=<ID=chr${c},length=${CHROM_LENGTH}>\n`;
  yield '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
  const perChrom = Math.ceil(count / CHROMOSOMES);
  const step = (CHROM_LENGTH - 400) / perChrom;
  let n = 0;
  for (let c = 0; c < CHROMOSOMES && n < count; c++) {
    for (let k = 0; k < perChrom && n < count; k++, n++) {
      const pos = 200 + Math.floor(k * step);
      const ref = chroms[c][pos - 1];
      const alt = ref === 'A' ? 'G' : 'A';
      yield `chr${c + 1}\t${pos}\tv${n}\t${ref}\t${alt}\t.\tPASS\t.\n`;
    }
  }
}

/** Runs `strand …` under /usr/bin/time: its peak RSS (MB) and seconds. */
function strand(args: string[]): { peakRssMb: number; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', process.execPath, bin, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  const kb = /maxrss=(\d+)\s*$/.exec(r.stderr ?? '')?.[1];
  if (r.status !== 0 || kb === undefined) {
    throw new Error(
      `strand ${args.join(' ')} failed (${r.status}): ${(r.stderr ?? '').slice(-2000)}`,
    );
  }
  return { peakRssMb: round(Number(kb) / 1024), seconds: round(seconds) };
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/** Small and large run of one path, measured once more when the ratio misses (RSS wobbles). */
function pair(
  label: string,
  run: (size: number, attempt: number) => { peakRssMb: number; seconds: number },
  sizes: number[],
) {
  const measure = (attempt: number) => {
    const [small, large] = sizes.map((size) => ({ size, ...run(size, attempt) }));
    const result = { small, large, ratio: round(large.peakRssMb / small.peakRssMb, 3) };
    console.error(`${label}: ${JSON.stringify(result)}`);
    return result;
  };
  const first = measure(0);
  return first.ratio <= MAX_RATIO ? first : { ...measure(1), firstRatio: first.ratio };
}

/** Sequences/s of the store's training loader alone: one shuffled epoch, batches of 64. */
async function loaderRate(file: string): Promise<{ sequences: number; perSecond: number }> {
  const source = await openStoreSource(file, 'bench');
  try {
    const stream = sourceStream(source, new Uint8Array(source.count).fill(1), 'binary', 1, null);
    const t0 = performance.now();
    let n = 0;
    let touch = 0;
    for await (const batch of stream.batches(64, 1)) {
      n += batch.count;
      touch += batch.x[n % batch.x.length];
    }
    const seconds = (performance.now() - t0) / 1000;
    if (Number.isNaN(touch)) throw new Error('unreachable');
    return { sequences: n, perSecond: Math.round(n / seconds) };
  } finally {
    await closeSource(source);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strand-store-rss-'));
  try {
    for (const size of SIZES) await writeLines(join(dir, `seqs-${size}.tsv`), table(size));
    // A re-measured import goes to a store of its own (a second dataset of the same name would
    // make `train --dataset NAME` ambiguous); training reads the last one.
    let store = '';
    const imported = pair(
      'import',
      (size, attempt) => {
        store = join(dir, `store-${attempt}`);
        return strand([
          'import',
          'sequence-classification',
          join(dir, `seqs-${size}.tsv`),
          '--name',
          `seqs-${size}`,
          '--data-dir',
          store,
        ]);
      },
      SIZES,
    );
    const trainArgs = (size: number) => [
      'train',
      '--dataset',
      `seqs-${size}`,
      '--data-dir',
      store,
      '--epochs',
      '1',
      '--batch-size',
      full ? '64' : '256',
      ...(full ? [] : ['--config', '{"filters":8,"hiddenUnits":8}']),
    ];
    const model = join(dir, 'model');
    strand([...trainArgs(SIZES[0]), '--out', model]);
    const trained = pair('train', (size) => strand(trainArgs(size)), SIZES);
    const largeTable = join(
      store,
      'artifacts',
      'datasets',
      (
        JSON.parse(
          spawnSync(
            process.execPath,
            [bin, 'inspect', `seqs-${SIZES[1]}`, '--data-dir', store, '--json'],
            {
              encoding: 'utf8',
            },
          ).stdout,
        ) as { id: string }
      ).id,
      'table.arrow',
    );
    const loader = await loaderRate(largeTable);
    const chroms = bases();
    const fasta = join(dir, 'ref.fa');
    await writeLines(fasta, reference(chroms));
    await buildFai(fasta);
    for (const n of VARIANTS) await writeLines(join(dir, `variants-${n}.vcf`), vcf(n, chroms));
    const scored = pair(
      'score',
      (n) =>
        strand([
          'score',
          '--model',
          model,
          '--vcf',
          join(dir, `variants-${n}.vcf`),
          '--reference',
          fasta,
          '--out',
          join(dir, `scores-${n}-${Math.random().toString(36).slice(2)}`),
        ]),
      VARIANTS,
    );
    const report = {
      sizes: SIZES,
      variants: VARIANTS,
      import: { ...imported, maxLargeMb: MAX_IMPORT_MB },
      train: trained,
      loader: { ...loader, min: MIN_LOADER_PER_SECOND },
      score: scored,
      maxRatio: MAX_RATIO,
      ok:
        imported.ratio <= MAX_RATIO &&
        imported.large.peakRssMb <= MAX_IMPORT_MB &&
        trained.ratio <= MAX_RATIO &&
        scored.ratio <= MAX_RATIO &&
        // A rate on shared CI cores says little: the floor holds for the full-size run.
        (!full || loader.perSecond >= MIN_LOADER_PER_SECOND),
    };
    console.log(JSON.stringify(report, null, 2));
    if (!report.ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
