/**
 * What calibration and per-base attribution cost in `scoreVcf`: the same whole-chromosome-sized
 * VCF scored three ways, each in a fresh child process (so each has its own peak RSS):
 *   plain       — no background, no ISM;
 *   background  — `--background random --background-size B` (default 10 000);
 *   ism         — `--ism-top K` (default 10).
 * Data: a generated chromosome of `--length` random bases (default 48 Mb, about chr21) and
 * `--n` SNVs spread evenly over it (default 200 000); an untrained DeepBind of the training
 * benchmark's size on 101 bp windows (speed does not depend on the weights).
 *
 *   node --import tsx tools/bench/score-calibration.ts [--n 200000] [--length 48000000]
 *        [--background-size 10000] [--ism-top 10] [--repeat 1]
 *
 * Prints one JSON line per run and a summary `{ plain, background, ism }` of medians:
 * seconds, variants/s and peak RSS (MB).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from '@strand/genomics';
import { buildModel, saveModel } from '@strand/models';
import type { ArchitectureConfig } from '@strand/models';
import { median, positiveInteger, round } from './bench-helpers.ts';
import { trainBenchSpec } from './train-models.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '200000' },
    length: { type: 'string', default: '48000000' },
    'background-size': { type: 'string', default: '10000' },
    'ism-top': { type: 'string', default: '10' },
    repeat: { type: 'string', default: '1' },
    child: { type: 'string' },
  },
});

if (args.child !== undefined) {
  // The child: one scoreVcf, then its time and peak RSS.
  const { scoreVcf } = await import('@strand/jobs');
  const options = JSON.parse(args.child) as Parameters<typeof scoreVcf>[0];
  const start = performance.now();
  const result = await scoreVcf(options);
  const seconds = (performance.now() - start) / 1000;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const { scored, background, attributions } = result;
  process.stdout.write(
    `${JSON.stringify({ seconds, rssMb, scored, background: background?.alleles ?? 0, attributed: attributions?.variants ?? 0 })}\n`,
  );
  process.exit(0);
}

const n = positiveInteger('n', args.n);
const length = positiveInteger('length', args.length);
const backgroundSize = positiveInteger('background-size', args['background-size']);
const ismTop = positiveInteger('ism-top', args['ism-top']);
const repeat = positiveInteger('repeat', args.repeat);
const WIDTH = 101;

const dir = await mkdtemp(join(tmpdir(), 'strand-bench-calibration-'));
try {
  // The chromosome, written in 60-base lines without holding it whole.
  const rng = createRng(21);
  const reference = join(dir, 'chrB.fa');
  const chosen = new Map<number, string>(); // 1-based position → its base
  const step = Math.floor(length / (n + 1));
  await new Promise<void>((done, fail) => {
    const out = createWriteStream(reference);
    out.on('error', fail);
    out.write('>chrB\n');
    let line = '';
    for (let i = 0; i < length; i++) {
      const base = 'ACGT'[rng.int(4)];
      if ((i + 1) % step === 0 && chosen.size < n) chosen.set(i + 1, base);
      line += base;
      if (line.length === 60 || i === length - 1) {
        out.write(`${line}\n`);
        line = '';
      }
    }
    out.end(done);
  });
  const vcf = join(dir, 'snvs.vcf');
  const records = [...chosen].map(
    ([pos, ref], i) => `chrB\t${pos}\tv${i}\t${ref}\t${'ACGT'.replace(ref, '')[i % 3]}\t.\tPASS\t.`,
  );
  await writeFile(
    vcf,
    `##fileformat=VCFv4.2\n##contig=<ID=chrB,length=${length}>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n${records.join('\n')}\n`,
  );
  const spec = trainBenchSpec('deepbind', WIDTH);
  const model = buildModel(spec);
  const modelDir = join(dir, 'model');
  await saveModel(model, modelDir, {
    architecture: 'deepbind',
    config: spec.config as ArchitectureConfig,
    alphabet: 'ACGT',
    inputLength: WIDTH,
    labelNames: ['bound'],
    seed: 0,
    backend: 'cpu',
    dataChecksum: 'bench',
    createdAt: new Date().toISOString(),
  });
  model.dispose();

  const modes = {
    plain: {},
    background: { background: { kind: 'random' }, backgroundSize },
    ism: { ismTop },
  } as const;
  const runs: Record<string, { seconds: number; rssMb: number }[]> = {};
  const script = fileURLToPath(import.meta.url);
  const spawn = (options: object) => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', script, '--child', JSON.stringify(options)],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(child.stderr.slice(-2000));
    const line = child.stdout.trim().split('\n').at(-1) ?? '{}';
    return JSON.parse(line) as { seconds: number; rssMb: number; scored: number };
  };
  // A warm-up run first: the first predictor of a model pays one-time costs (its ONNX export),
  // which would otherwise be charged to whichever mode ran first.
  const warm = join(dir, 'warm-up.vcf');
  await writeFile(warm, (await readFile(vcf, 'utf8')).split('\n').slice(0, 600).join('\n') + '\n');
  spawn({ vcf: warm, reference, modelDir, outDir: join(dir, 'warm-up') });
  for (let r = 0; r < repeat; r++) {
    for (const [mode, extra] of Object.entries(modes)) {
      const options = { vcf, reference, modelDir, outDir: join(dir, `${mode}-${r}`), ...extra };
      const run = spawn(options);
      console.log(JSON.stringify({ mode, round: r + 1, ...run }));
      (runs[mode] ??= []).push(run);
    }
  }
  const summary = Object.fromEntries(
    Object.entries(runs).map(([mode, list]) => {
      const seconds = median(list.map((x) => x.seconds));
      return [
        mode,
        {
          seconds: round(seconds, 1),
          variantsPerSecond: Math.round(n / seconds),
          rssMb: round(median(list.map((x) => x.rssMb)), 0),
        },
      ];
    }),
  );
  console.log(JSON.stringify({ n, length, backgroundSize, ismTop, ...summary }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
