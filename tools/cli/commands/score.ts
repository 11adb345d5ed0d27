import { parseArgs } from 'node:util';
import type { PreflightSummary } from '@strand/genomics';
import { BACKGROUND_SIZE, MAX_ISM_TOP, MAX_SHIFTS, parseBackground, scoreVcf } from '@strand/jobs';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';

const HELP = `usage: strand score --model DIR|ID --vcf FILE --reference FASTA [--out DIR] [options]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --vcf FILE           variants (VCF 4.1–4.5, plain, gzip or bgzip)
  --reference FASTA    the genome build the VCF was called on (a .fai is built when missing)
  --out DIR            results: scores.tsv, scores.vcf, progress.json (default strand-scores);
                       a run stopped midway continues where it left off
  --rc                 average the predictions of both strands (default for a model trained
                       with --rc-average: its strand.json says rcAverage)
  --no-rc              one strand only, even for a model trained with --rc-average
  --shifts N           shift averaging: also score with both windows moved 1…N bases left and
                       right, and average the 2N + 1 predictions (default 0, at most 10)
  --background random|FILE
                       calibrate: also score a background and give each allele a quantile,
                       the share of background variants whose |alt − ref| is below its own
                       (ties count half; the sign is not used: 0.99 = a larger effect, up or
                       down, than 99% of the background). random: random single-base
                       substitutions at random positions of --reference; FILE: a VCF of common
                       variants (e.g. gnomAD AF > 5%), sampled. Scored with the same windows,
                       strands and shifts; written as scores.tsv's quantile column and
                       scores.vcf's STRAND_QUANTILE
  --background-size N  background variants drawn (default ${BACKGROUND_SIZE.default}, ${BACKGROUND_SIZE.min}–${BACKGROUND_SIZE.max})
  --ism-top K          per-base attribution of the K alleles of largest |alt − ref| (0–${MAX_ISM_TOP},
                       default 0): in-silico mutagenesis of their ref and alt windows, every
                       base substitution's effect on the same model output, written to ism.json
Indels are left-anchored: ref and alt windows share the left flank and the padding base, and
the alt window's right flank moves with the indel (normalise the VCF first, bcftools norm, so an
indel in a repeat has one place); the result's windows field and scores.vcf's header say so.
  --force              score even when the pre-flight finds a gross mismatch
  --chunk-size N       records per resumable chunk (default 1000, or the resumed run's)
  --json               print the result as JSON`;

/** Human lines of a pre-flight summary. */
function describePreflight(s: PreflightSummary): string[] {
  const kinds = Object.entries(s.kinds)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [`Pre-flight: ${s.records} records (${kinds || 'no placeable alleles'})`];
  if (s.refMismatches.count > 0) {
    lines.push(`  ${s.refMismatches.count} REF mismatches, e.g.`);
    for (const e of s.refMismatches.first)
      lines.push(`    line ${e.line ?? '?'} ${e.chrom}:${e.pos} REF ${e.ref}: ${e.detail}`);
  }
  if (s.duplicates.count > 0) lines.push(`  ${s.duplicates.count} duplicate alleles`);
  if (s.missingChromosomes.records > 0)
    lines.push(
      `  ${s.missingChromosomes.records} records on chromosomes not in the reference: ${s.missingChromosomes.names.slice(0, 10).join(', ')}`,
    );
  if (s.skipped.count > 0)
    lines.push(`  ${s.skipped.count} alleles that cannot be placed (symbolic, *, breakends)`);
  return lines;
}

/** `strand score`: pre-flight, then variant-effect scores of every ALT allele of a VCF. */
export async function score(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      vcf: { type: 'string' },
      reference: { type: 'string' },
      out: { type: 'string', default: 'strand-scores' },
      rc: { type: 'boolean' },
      'no-rc': { type: 'boolean', default: false },
      shifts: { type: 'string' },
      background: { type: 'string' },
      'background-size': { type: 'string' },
      'ism-top': { type: 'string' },
      force: { type: 'boolean', default: false },
      'chunk-size': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  for (const flag of ['model', 'vcf', 'reference'] as const) {
    if (!values[flag]) throw new CliError(`strand score: --${flag} is required\n${HELP}`, 2);
  }
  if (values.rc && values['no-rc'])
    throw new CliError('strand score: --rc and --no-rc contradict each other', 2);
  const chunkSize = values['chunk-size'] === undefined ? undefined : Number(values['chunk-size']);
  if (chunkSize !== undefined && (!Number.isInteger(chunkSize) || chunkSize < 1))
    throw new CliError(
      `strand score: --chunk-size must be an integer ≥ 1; got "${values['chunk-size']}"`,
      2,
    );
  const shifts = values.shifts === undefined ? 0 : Number(values.shifts);
  if (!Number.isInteger(shifts) || shifts < 0 || shifts > MAX_SHIFTS)
    throw new CliError(
      `strand score: --shifts must be an integer from 0 to ${MAX_SHIFTS}; got "${values.shifts}"`,
      2,
    );
  const backgroundSize =
    values['background-size'] === undefined ? undefined : Number(values['background-size']);
  if (backgroundSize !== undefined) {
    if (values.background === undefined)
      throw new CliError('strand score: --background-size needs --background', 2);
    const { min, max } = BACKGROUND_SIZE;
    if (!Number.isInteger(backgroundSize) || backgroundSize < min || backgroundSize > max)
      throw new CliError(
        `strand score: --background-size must be an integer from ${min} to ${max}; got "${values['background-size']}"`,
        2,
      );
  }
  if (values.background === '')
    throw new CliError('strand score: --background needs random or a VCF file', 2);
  const ismTop = values['ism-top'] === undefined ? 0 : Number(values['ism-top']);
  if (!Number.isInteger(ismTop) || ismTop < 0 || ismTop > MAX_ISM_TOP)
    throw new CliError(
      `strand score: --ism-top must be an integer from 0 to ${MAX_ISM_TOP}; got "${values['ism-top']}"`,
      2,
    );
  const out = createOutput(values.json);
  const result = await scoreVcf({
    vcf: values.vcf as string,
    reference: values.reference as string,
    modelDir: await modelDirOf('score', values.model as string, values['data-dir']),
    outDir: values.out,
    chunkSize,
    shifts,
    ...(values.background === undefined
      ? {}
      : { background: parseBackground(values.background), backgroundSize }),
    onBackgroundProgress: (done, total) => out.progress('background', done, total, 'variants'),
    ismTop,
    onIsmProgress: (done, total) => out.progress('ISM', done, total, 'variants'),
    ...(values.rc ? { reverseComplement: true } : {}),
    ...(values['no-rc'] ? { reverseComplement: false } : {}),
    force: values.force,
    onPreflight: (s) => describePreflight(s).forEach((line) => out.info(line)),
    onProgress: (p) =>
      out.progress('scoring', p.variantsDone, p.variantsTotal, `${p.scored} alleles`),
  });
  if (result.resumedFrom > 0)
    out.info(`Resumed after ${result.resumedFrom} records done by an earlier run.`);
  out.result(result, (r) =>
    [
      `Scored ${r.scored} alleles of ${r.variants} records (tasks: ${r.tasks.join(', ')}; backend ${r.backend}).`,
      `Windows: ${r.windows.width} bases, indels ${r.windows.anchor}-anchored, ${r.windows.shifts ? `averaged over shifts −${r.windows.shifts}…${r.windows.shifts}` : 'centred only'}${r.reverseComplement ? ', both strands' : ''}.`,
      ...(r.background
        ? [
            `Calibrated against ${r.background.alleles} ${r.background.kind === 'random' ? 'random substitutions of the reference' : 'background file alleles'}: quantile column.`,
          ]
        : []),
      ...(r.attributions
        ? [`ISM of the top ${r.attributions.variants} alleles by |diff|: ${r.attributions.file}`]
        : []),
      `Not scored: ${r.notScored.refMismatch} REF mismatches, ${r.notScored.unknownChromosome} on unknown chromosomes, ${r.notScored.skipped} unplaceable.`,
      `Wrote ${r.files.tsv} and ${r.files.vcf}`,
    ].join('\n'),
  );
  return 0;
}
