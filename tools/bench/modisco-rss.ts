/**
 * Flat memory of motif discovery (issue 17: "flat memory on 100k sequences"), on the code path
 * `strand modisco` and the DISCOVER_MOTIFS job share (`discoverMotifs` fed by streamed batches).
 * Runs `strand modisco` in a child process under /usr/bin/time on seeded planted-motif tables
 * (CTCF or GATA1 planted in half the records) of each size, with a small DeepBind trained once on
 * 2,000 records of the same kind. Run from the repo root:
 *   npm run bench:modisco                      10k, 30k, 100k sequences of 100 bp, 10 shuffles (the default)
 *   npm run bench:modisco -- --sizes 2000,5000 --shuffles 4
 * Prints JSON: per size the peak RSS (MB), wall and CPU seconds, seqlets called / clustered and the top
 * motif's best JASPAR match; `ratio` is the largest size's peak RSS over the smallest's, and
 * `ok` says it is ≤ 1.2. Exits 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_MOTIFS, findMotif, plantedMotifRecords } from '@strand/genomics';

const listArg = (flag: string, fallback: number[]) => {
  const at = process.argv.indexOf(flag);
  return at === -1 ? fallback : process.argv[at + 1]!.split(',').map(Number);
};
const SIZES = listArg('--sizes', [10_000, 30_000, 100_000]);
const [SHUFFLES] = listArg('--shuffles', [10]);
const LENGTH = 100;
const MAX_RATIO = 1.2;
const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const MOTIFS = ['CTCF', 'GATA1'].map((name) => {
  const pfm = findMotif(name, BUNDLED_MOTIFS);
  if (!pfm) throw new Error(`no bundled motif ${name}`);
  return pfm;
});

async function writeTable(path: string, count: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  if (!out.write('id\tlabel\tsequence\n')) await once(out, 'drain');
  let i = 0;
  for (const r of plantedMotifRecords({ count, length: LENGTH, motifs: MOTIFS, seed })) {
    if (!out.write(`s${i++}\t${r.label}\t${r.sequence}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * Runs `strand …` under /usr/bin/time: stdout, peak RSS (MB), wall seconds and CPU seconds (user
 * + system: less sensitive than wall time to other work on the machine).
 */
function strand(args: string[]): {
  stdout: string;
  peakRssMb: number;
  seconds: number;
  cpuSeconds: number;
} {
  const t0 = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'cpu=%U+%S maxrss=%M', process.execPath, bin, ...args],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 26,
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const m = /cpu=([\d.]+)\+([\d.]+) maxrss=(\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) {
    throw new Error(`strand ${args[0]} failed (${r.status}): ${(r.stderr ?? '').slice(-2000)}`);
  }
  return {
    stdout: r.stdout,
    peakRssMb: round(Number(m[3]) / 1024),
    seconds: round(seconds),
    cpuSeconds: round(Number(m[1]) + Number(m[2])),
  };
}

interface ModiscoJson {
  sequences: number;
  seqletsCalled: number;
  seqletsClustered: number;
  motifs: { name: string; seqlets: number; matches: { name: string; p: number }[] }[];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'strand-modisco-rss-'));
  try {
    const train = join(dir, 'train.tsv');
    await writeTable(train, 2_000, 7);
    const model = join(dir, 'model');
    const trained = strand([
      'train',
      '--train',
      train,
      '--out',
      model,
      '--epochs',
      '6',
      '--config',
      '{"filters":16}',
    ]);
    console.error(`trained in ${trained.seconds} s`);
    const runs = [];
    for (const size of SIZES) {
      const file = join(dir, `seqs-${size}.tsv`);
      await writeTable(file, size, size);
      const r = strand([
        'modisco',
        '--model',
        model,
        '--sequences',
        file,
        '--shuffles',
        String(SHUFFLES),
        '--json',
      ]);
      const out = JSON.parse(r.stdout) as ModiscoJson;
      const top = out.motifs[0];
      const run = {
        size,
        peakRssMb: r.peakRssMb,
        seconds: r.seconds,
        cpuSeconds: r.cpuSeconds,
        seqletsCalled: out.seqletsCalled,
        seqletsClustered: out.seqletsClustered,
        motifs: out.motifs.length,
        top: top ? `${top.name} ${top.seqlets} → ${top.matches[0]?.name ?? '—'}` : null,
      };
      console.error(JSON.stringify(run));
      runs.push(run);
      rmSync(file, { force: true });
    }
    const ratio = round(runs[runs.length - 1]!.peakRssMb / runs[0]!.peakRssMb, 3);
    const report = { length: LENGTH, shuffles: SHUFFLES, runs, ratio, maxRatio: MAX_RATIO };
    console.log(JSON.stringify({ ...report, ok: ratio <= MAX_RATIO }, null, 2));
    if (ratio > MAX_RATIO) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
