/**
 * The variant-scoring benchmark: N SNVs spread over the hg19 chr17 piece in shared/data, scored
 * with an (untrained: speed does not depend on the weights) DeepBind of the training
 * benchmark's size (64 filters of width 12, dense 32) on 101 bp windows, batch 256.
 *
 *   node --import tsx tools/bench/score-variants.ts [--n 5000] [--vs-torch] [--torch-threads 1]
 *        [--backend wasm|cpu|tensorflow] [--rc]
 *
 * Prints JSON lines: `model` = scoreVariantWindows alone on pre-cut windows (2 forward rows per
 * variant, 4 with --rc); `pipeline` = scoreVcf end to end (pre-flight, VCF parsing, windows from
 * the FASTA, scoring, chunk files, scores.tsv and scores.vcf). With --vs-torch, afterwards (not
 * concurrently) a PyTorch inference of the same model on the same number of rows, written to a
 * temporary .py and run with /usr/bin/python3, and the ratio model ÷ torch variants/s. The WASM
 * backend uses one core, hence one PyTorch thread by default.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { FastaIndex, ReferenceReader, variantWindows } from '@strand/genomics';
import type { VariantWindow } from '@strand/genomics';
import type { BackendName } from '@strand/models';
import { buildModel, initBackend, saveModel, scoreVariantWindows } from '@strand/models';
import { scoreVcf } from '@strand/jobs';

const PYTHON = '/usr/bin/python3';
const LENGTH = 101;
const BATCH = 256;
const CONFIG = { filters: 64, kernelSize: 12, hiddenUnits: 32, dropout: 0.2 };
const REFERENCE = fileURLToPath(
  new URL('../../../shared/data/reference/hg19_chr17_part.fa', import.meta.url),
);

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '5000' },
    'vs-torch': { type: 'boolean', default: false },
    'torch-threads': { type: 'string', default: '1' },
    backend: { type: 'string' },
    rc: { type: 'boolean', default: false },
  },
});
const n = positiveInteger('n', args.n);
const torchThreads = positiveInteger('torch-threads', args['torch-threads']);
const backendArg = args.backend;
if (backendArg !== undefined && !['wasm', 'cpu', 'tensorflow'].includes(backendArg)) {
  console.error(`--backend "${backendArg}": expected wasm, cpu or tensorflow`);
  process.exit(2);
}
const backend = await initBackend((backendArg as BackendName | undefined) ?? 'auto');

const dir = await mkdtemp(join(tmpdir(), 'strand-bench-score-'));
try {
  const reference = join(dir, 'chr17.fa');
  await copyFile(REFERENCE, reference);
  const vcf = join(dir, 'snvs.vcf');
  await writeFile(vcf, await snvVcf(reference, n));
  const model = buildModel({
    architecture: 'deepbind',
    config: CONFIG,
    inputLength: LENGTH,
    alphabetSize: 4,
    seed: 0,
  });
  const modelDir = join(dir, 'model');
  await saveModel(model, modelDir, {
    architecture: 'deepbind',
    config: CONFIG,
    alphabet: 'ACGT',
    inputLength: LENGTH,
    labelNames: ['bound'],
    seed: 0,
    backend,
    dataChecksum: 'bench',
    createdAt: new Date().toISOString(),
  });

  // Model alone: windows cut first, untimed; one untimed warm-up batch pays kernel setup.
  const fasta = await FastaIndex.open(reference);
  const reader = new ReferenceReader(fasta);
  const windows: VariantWindow[] = [];
  for (const line of (await readFile(vcf, 'utf8')).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [chrom, pos, , ref, alt] = line.split('\t');
    for (const w of await variantWindows(
      { chrom, pos: Number(pos), ref, alts: [alt] },
      reader,
      LENGTH,
    ))
      if (w.status === 'ok') windows.push(w);
  }
  const options = { batchSize: BATCH, reverseComplement: args.rc };
  scoreVariantWindows(model, windows.slice(0, BATCH), options);
  let started = performance.now();
  scoreVariantWindows(model, windows, options);
  const modelSeconds = (performance.now() - started) / 1000;
  model.dispose();
  const engine = `tfjs-${tf.version.tfjs}-${backend}`;
  const strand = {
    what: 'model',
    engine,
    variants: windows.length,
    rows_per_variant: args.rc ? 4 : 2,
    seconds: round(modelSeconds, 4),
    variants_per_s: round(windows.length / modelSeconds, 1),
  };
  console.log(JSON.stringify(strand));

  started = performance.now();
  const result = await scoreVcf({
    vcf,
    reference,
    modelDir,
    outDir: join(dir, 'out'),
    batchSize: BATCH,
    reverseComplement: args.rc,
  });
  const pipelineSeconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      what: 'pipeline',
      engine,
      variants: result.scored,
      seconds: round(pipelineSeconds, 4),
      variants_per_s: round(result.scored / pipelineSeconds, 1),
    }),
  );

  if (args['vs-torch']) {
    const script = join(dir, 'torch_score.py');
    await writeFile(script, torchScript());
    const rows = windows.length * strand.rows_per_variant;
    const run = spawnSync(
      PYTHON,
      [script, String(rows), String(LENGTH), String(BATCH), String(torchThreads)],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) {
      console.error(
        `PyTorch reference failed (exit ${run.status}); is python3-torch installed?\n${run.stderr}`,
      );
      process.exit(1);
    }
    const torch = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds: number };
    const torchRate = windows.length / torch.seconds;
    console.log(
      JSON.stringify({
        what: 'torch',
        ...torch,
        variants: windows.length,
        variants_per_s: round(torchRate, 1),
      }),
    );
    console.log(JSON.stringify({ ratio: round(strand.variants_per_s / torchRate, 3) }));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** A VCF of `count` SNVs evenly spread over the FASTA's one sequence, REFs read from it. */
async function snvVcf(fastaPath: string, count: number): Promise<string> {
  const [header, ...lines] = (await readFile(fastaPath, 'utf8')).split('\n');
  const name = header.slice(1).split(/\s/)[0];
  const sequence = lines.join('').toUpperCase();
  const step = sequence.length / (count + 1);
  const out = ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
  let last = 0;
  for (let i = 0; i < count; i++) {
    let pos = Math.max(last + 1, Math.floor((i + 1) * step));
    while (pos <= sequence.length && !'ACGT'.includes(sequence[pos - 1])) pos++;
    if (pos > sequence.length) break;
    last = pos;
    const ref = sequence[pos - 1];
    out.push(`${name}\t${pos}\t.\t${ref}\t${ref === 'A' ? 'G' : 'A'}\t.\t.\t.`);
  }
  return `${out.join('\n')}\n`;
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    console.error(`--${flag} "${value}": expected a positive integer`);
    process.exit(2);
  }
  return number;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

// The same DeepBind in PyTorch, inference only: rows × [4, length] one-hot, batches of `batch`.
function torchScript(): string {
  return `
import json, sys, time, torch
rows, length, batch, threads = (int(a) for a in sys.argv[1:5])
torch.set_num_threads(threads)
torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Conv1d(4, ${CONFIG.filters}, ${CONFIG.kernelSize}), torch.nn.ReLU(),
    torch.nn.AdaptiveMaxPool1d(1), torch.nn.Flatten(),
    torch.nn.Linear(${CONFIG.filters}, ${CONFIG.hiddenUnits}), torch.nn.ReLU(), torch.nn.Dropout(0.2),
    torch.nn.Linear(${CONFIG.hiddenUnits}, 1), torch.nn.Sigmoid(),
).eval()
idx = torch.randint(0, 4, (rows, length))
x = torch.nn.functional.one_hot(idx, 4).float().permute(0, 2, 1).contiguous()
with torch.no_grad():
    model(x[:batch])
    start = time.perf_counter()
    for i in range(0, rows, batch):
        model(x[i:i + batch]).numpy()
    seconds = time.perf_counter() - start
print(json.dumps({"engine": "torch-" + torch.__version__, "threads": threads, "rows": rows, "seconds": round(seconds, 4)}))
`;
}
