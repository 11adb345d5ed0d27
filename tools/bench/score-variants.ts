/**
 * The variant-scoring benchmark: N SNVs spread over a real genome in shared/data (default the
 * 4.9 Mb E. coli 536 genome, 200,000 SNVs: a call set's size, where a job's one-off start —
 * loading the model, the inference session — no longer decides the rate; `--reference chr17`
 * is the 40 kb hg19 piece, at most one SNV per base), scored with an untrained model (speed
 * does not depend on the weights; default DeepBind of the training benchmark's size on 101 bp
 * windows), batches of 256 variants.
 *
 *   node --import tsx tools/bench/score-variants.ts [--n 200000] [--reference ecoli|chr17]
 *        [--vs-torch] [--rc]
 *        [--model deepbind|deepsea|basset] [--threads P] [--repeat 1] [--cpu 0] [--no-pin]
 *        [--engine auto|onnx|tfjs]
 *
 * The same stages on both sides, each in a fresh child process, alternating:
 * - Strand `model`: scoreVariantWindows on the pre-cut windows (encoding included, as in the
 *   pipeline) — score-run.ts;
 * - Strand `pipeline`: scoreVcf end to end (pre-flight, VCF parsing, windows from the FASTA,
 *   encoding, inference, chunk files, scores.tsv and scores.vcf);
 * - PyTorch (torch/score.py) on the same windows: `model` on pre-encoded rows and `encode`
 *   (numpy one-hot of the window strings, then the model).
 * Per core: one inference thread each (ONNX Runtime's intra-op / torch.set_num_threads(1)),
 * both processes pinned to CPU `--cpu` with taskset (Strand's JS thread, which reads and
 * writes, shares that core). Per machine: P threads each (default all cores). Ends with one JSON
 * line `{ "ratio_per_core": …, "ratio_per_machine": … }`: Strand pipeline variants/s ÷ PyTorch
 * model-only variants/s (medians over `--repeat` rounds).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { FastaIndex, ReferenceReader, variantWindows } from '@strand/genomics';
import { buildModel, initBackend, saveModel } from '@strand/models';
import type { ArchitectureConfig } from '@strand/models';
import { canPin, median, PYTHON, positiveInteger, requireTorch, round } from './bench-helpers.ts';
import type { TrainBenchModel } from './train-models.ts';
import { TRAIN_BENCH_DEFAULTS, trainBenchSpec } from './train-models.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const REFERENCES: Record<string, string> = {
  ecoli: here('../../../shared/data/reference/ecoli536_NC_008253.fa.gz'),
  chr17: here('../../../shared/data/reference/hg19_chr17_part.fa'),
};

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '200000' },
    reference: { type: 'string', default: 'ecoli' },
    'vs-torch': { type: 'boolean', default: false },
    rc: { type: 'boolean', default: false },
    model: { type: 'string', default: 'deepbind' },
    threads: { type: 'string', default: String(os.availableParallelism()) },
    repeat: { type: 'string', default: '1' },
    cpu: { type: 'string', default: '0' },
    'no-pin': { type: 'boolean', default: false },
    engine: { type: 'string', default: 'auto' },
    batch: { type: 'string', default: '256' },
  },
});
const n = positiveInteger('n', args.n);
const machine = positiveInteger('threads', args.threads);
const repeat = positiveInteger('repeat', args.repeat);
const batch = positiveInteger('batch', args.batch);
const source = REFERENCES[args.reference ?? ''];
if (source === undefined) {
  console.error(
    `--reference "${args.reference}": expected ${Object.keys(REFERENCES).join(' or ')}`,
  );
  process.exit(2);
}
const name = args.model as TrainBenchModel;
if (!['deepbind', 'deepsea', 'basset'].includes(name)) {
  console.error(`--model "${args.model}": expected deepbind, deepsea or basset`);
  process.exit(2);
}
if (args['vs-torch']) requireTorch();
const pin = !args['no-pin'] && canPin();
const length = TRAIN_BENCH_DEFAULTS[name].len;

// The work directory every child reads: reference, VCFs, the saved model, the windows.
await initBackend('cpu'); // building and saving the model runs no kernels worth a backend
const dir = await mkdtemp(join(os.tmpdir(), 'strand-bench-score-'));
try {
  const reference = join(dir, 'reference.fa');
  // Uncompressed, so the pipeline indexes it as users' plain FASTA files are.
  if (source.endsWith('.gz')) await writeFile(reference, gunzipSync(await readFile(source)));
  else await copyFile(source, reference);
  const records = await snvRecords(reference, n);
  const header = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
  await writeFile(join(dir, 'snvs.vcf'), header + records.join('\n') + '\n');
  await writeFile(join(dir, 'warm-up.vcf'), header + records.slice(0, 512).join('\n') + '\n');
  const spec = trainBenchSpec(name, length);
  const model = buildModel(spec);
  await saveModel(model, join(dir, 'model'), {
    architecture: name,
    config: spec.config as ArchitectureConfig,
    alphabet: 'ACGT',
    inputLength: length,
    labelNames: name === 'deepbind' ? ['bound'] : [],
    seed: 0,
    backend: 'cpu',
    dataChecksum: 'bench',
    createdAt: new Date().toISOString(),
  });
  model.dispose();
  const reader = new ReferenceReader(await FastaIndex.open(reference));
  const lines: string[] = [];
  for (const record of records) {
    const [chrom, pos, , ref, alt] = record.split('\t') as [string, string, string, string, string];
    for (const w of await variantWindows(
      { chrom, pos: Number(pos), ref, alts: [alt] },
      reader,
      length,
    )) {
      if (w.status === 'ok') lines.push(`${w.refWindow}\t${w.altWindow}`);
    }
  }
  await writeFile(join(dir, 'windows.tsv'), lines.join('\n') + '\n');

  const run = (command: string[], pinned: boolean): Record<string, number> => {
    const argv = pinned && pin ? ['taskset', '-c', String(args.cpu), ...command] : command;
    const child = spawnSync(argv[0] as string, argv.slice(1), {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      cwd: here('../..'),
    });
    if (child.status !== 0) {
      console.error(
        `${argv.join(' ')} failed (exit ${child.status}):\n${child.stderr.slice(-4000)}`,
      );
      process.exit(1);
    }
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    console.log(line);
    return JSON.parse(line) as Record<string, number>;
  };
  const strand = (what: string, threads: number) => [
    process.execPath,
    '--import',
    'tsx',
    here('./score-run.ts'),
    '--dir',
    dir,
    '--what',
    what,
    '--threads',
    String(threads),
    '--engine',
    String(args.engine),
    '--batch',
    String(batch),
    ...(args.rc ? ['--rc'] : []),
  ];
  const torch = (threads: number) => [
    PYTHON,
    here('./torch/score.py'),
    '--model',
    name,
    '--config',
    JSON.stringify(TRAIN_BENCH_DEFAULTS[name].config),
    '--windows',
    join(dir, 'windows.tsv'),
    '--len',
    String(length),
    '--batch',
    String(batch),
    '--threads',
    String(threads),
    '--rc',
    args.rc ? '1' : '0',
  ];
  const rates: Record<string, number[]> = {};
  const add = (key: string, value: number | undefined) => {
    if (value !== undefined) (rates[key] ??= []).push(value);
  };
  for (let r = 0; r < repeat; r++) {
    for (const [scope, threads] of [
      ['core', 1],
      ['machine', machine],
    ] as const) {
      const pinned = scope === 'core';
      add(`strand_model_${scope}`, run(strand('model', threads), pinned)['variants_per_s']);
      add(`strand_pipeline_${scope}`, run(strand('pipeline', threads), pinned)['variants_per_s']);
      if (args['vs-torch']) {
        const t = run(torch(threads), pinned);
        add(`torch_model_${scope}`, t['model_variants_per_s']);
        add(`torch_encode_model_${scope}`, t['encode_model_variants_per_s']);
      }
    }
  }
  console.log(
    `\n${name}: ${lines.length} SNVs over ${args.reference}, ${length} bp windows, ${args.rc ? 4 : 2} rows per variant, batches of ${batch}; per core = 1 inference thread${pin ? ` (pinned to CPU ${args.cpu})` : ''}, per machine = ${machine}`,
  );
  const summary: Record<string, number> = {};
  console.log(`${'run'.padEnd(28)} ${'variants/s'.padStart(11)} ${'range'.padStart(21)}`);
  for (const [key, xs] of Object.entries(rates)) {
    summary[key] = median(xs);
    const range = `${round(Math.min(...xs), 1)}–${round(Math.max(...xs), 1)}`;
    console.log(
      `${key.padEnd(28)} ${String(round(median(xs), 1)).padStart(11)} ${range.padStart(21)}`,
    );
  }
  const ratio = (a: string, b: string) =>
    summary[a] !== undefined && summary[b] !== undefined
      ? round(summary[a] / summary[b], 3)
      : undefined;
  console.log(
    JSON.stringify({
      model: name,
      ratio_per_core: ratio('strand_pipeline_core', 'torch_model_core'),
      ratio_per_machine: ratio('strand_pipeline_machine', 'torch_model_machine'),
      model_ratio_per_core: ratio('strand_model_core', 'torch_model_core'),
      model_ratio_per_machine: ratio('strand_model_machine', 'torch_model_machine'),
      threads: machine,
      variants_per_s: Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, round(v, 1)])),
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** `count` SNV lines evenly spread over the FASTA's one sequence, REFs read from it. */
async function snvRecords(fastaPath: string, count: number): Promise<string[]> {
  const [head = '', ...rest] = (await readFile(fastaPath, 'utf8')).split('\n');
  const chrom = head.slice(1).split(/\s/)[0] ?? '';
  const sequence = rest.join('').toUpperCase();
  const step = sequence.length / (count + 1);
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < count; i++) {
    let pos = Math.max(last + 1, Math.floor((i + 1) * step));
    while (pos <= sequence.length && !'ACGT'.includes(sequence[pos - 1] ?? 'N')) pos++;
    if (pos > sequence.length) break;
    last = pos;
    const ref = sequence[pos - 1] as string;
    out.push(`${chrom}\t${pos}\t.\t${ref}\t${ref === 'A' ? 'G' : 'A'}\t.\t.\t.`);
  }
  return out;
}
