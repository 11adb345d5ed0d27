/**
 * One Strand side of the variant-scoring benchmark (score-variants.ts runs it as a child
 * process, so per-core runs can be pinned with taskset): on the work directory the driver
 * prepared (a reference FASTA, a VCF, a saved model, the variants' windows), times either
 * `scoreVariantWindows` on the pre-cut windows (`--what model`) or the whole `scoreVcf`
 * pipeline (`--what pipeline`: pre-flight, VCF parsing, windows from the FASTA, encoding,
 * inference, chunk files, scores.tsv and scores.vcf), with `--threads` inference threads. One
 * untimed warm-up first. Prints one JSON line.
 *
 *   node --import tsx tools/bench/score-run.ts --dir DIR --what model|pipeline [--threads 1]
 *        [--engine auto|onnx|tfjs] [--rc] [--batch 256]
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPredictor, initBackend, loadModel, scoreVariantWindows } from '@strand/models';
import type { WindowPair } from '@strand/models';
import { scoreVcf } from '@strand/jobs';
import { positiveInteger, round } from './bench-helpers.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    what: { type: 'string', default: 'pipeline' },
    threads: { type: 'string', default: '1' },
    engine: { type: 'string', default: 'auto' },
    rc: { type: 'boolean', default: false },
    batch: { type: 'string', default: '256' },
  },
});
const dir = args.dir ?? '';
const threads = positiveInteger('threads', args.threads);
const batchSize = positiveInteger('batch', args.batch);
const engine = args.engine as 'auto' | 'onnx' | 'tfjs';
if (
  !['auto', 'onnx', 'tfjs'].includes(engine) ||
  !['model', 'pipeline'].includes(args.what ?? '')
) {
  console.error('--engine auto|onnx|tfjs, --what model|pipeline');
  process.exit(2);
}
await initBackend();
const options = { reverseComplement: args.rc, batchSize };

if (args.what === 'model') {
  const windows: WindowPair[] = (await readFile(join(dir, 'windows.tsv'), 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [refWindow = '', altWindow = ''] = line.split('\t');
      return { refWindow, altWindow };
    });
  const { model } = await loadModel(join(dir, 'model'));
  const predictor = await createPredictor(model, { engine, threads });
  await scoreVariantWindows(predictor, windows.slice(0, batchSize), options);
  const started = performance.now();
  await scoreVariantWindows(predictor, windows, options);
  const seconds = (performance.now() - started) / 1000;
  await predictor.dispose();
  model.dispose();
  print('model', predictor.engine, windows.length, seconds);
} else {
  const run = (out: string, vcf = 'snvs.vcf') =>
    scoreVcf({
      vcf: join(dir, vcf),
      reference: join(dir, 'reference.fa'),
      modelDir: join(dir, 'model'),
      outDir: join(dir, out),
      batchSize,
      reverseComplement: args.rc,
      inference: { engine, threads },
    });
  await run('warm-up', 'warm-up.vcf'); // a few hundred records: kernel and session set-up
  const started = performance.now();
  const result = await run(`out-${process.pid}`);
  const seconds = (performance.now() - started) / 1000;
  await rm(join(dir, 'warm-up'), { recursive: true, force: true });
  await rm(join(dir, `out-${process.pid}`), { recursive: true, force: true });
  print('pipeline', result.engine, result.scored, seconds);
}

function print(what: string, engineName: string, variants: number, seconds: number): void {
  console.log(
    JSON.stringify({
      side: 'strand',
      what,
      engine: engineName,
      threads,
      variants,
      seconds: round(seconds, 4),
      variants_per_s: round(variants / seconds, 1),
    }),
  );
}
