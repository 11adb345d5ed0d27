import { parseArgs } from 'node:util';
import type { CallEvaluation, KindScores } from '@strand/genomics';
import { evaluateCalls, FastaIndex, parseRegion, ReferenceReader } from '@strand/genomics';
import { basename } from 'node:path';
import type { CallVariantsOptions } from '@strand/jobs';
import {
  callVariants,
  DEFAULT_CALLER_MODEL,
  DEFAULT_MIN_QUAL,
  storePileups,
  trainCaller,
} from '@strand/jobs';
import { Dataset } from '@strand/data';
import { openEmbeddedStore } from '../embedded-store.ts';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';

const CALL_HELP = `usage: strand call --bam FILE --reference FASTA [--region R] [--model M] --out calls.vcf

Calls SNVs and indels from aligned reads with the pileup CNN (DeepVariant-style).
  --bam FILE           indexed BAM (.bai/.csi) or CRAM (.crai)
  --reference FASTA    the reference the reads were aligned to (a .fai is built when missing)
  --region R           chrom[:start-end], 1-based; default the whole file
  ${MODEL_HELP} (default: the model shipped with Strand)
  --data-dir DIR       the embedded store for a stored --model and --pileups-as
  --pileups-as NAME    also store every candidate's pileup image and call as a pileups
                       dataset of the embedded store (the dashboard, strand call train --dataset)
  --truth VCF          with --pileups-as: label each stored candidate with the truth's genotype
                       (not a true allele: hom-ref), so strand call train --dataset can learn it
  --sample NAME        the VCF's sample column (default SAMPLE)
  --min-qual Q         write calls with QUAL < Q as FILTER LowQual (default ${DEFAULT_MIN_QUAL})
  --out FILE           the VCF 4.2 to write (GT, GQ, PL)
  --json               print the result as JSON`;

function minQualOf(command: string, value: string | undefined): number {
  const q = Number(value);
  if (!Number.isFinite(q) || q < 0)
    throw new CliError(`${command}: --min-qual must be a number ≥ 0; got "${value}"`, 2);
  return q;
}

/** `strand call`: candidates → pileup images → genotypes → VCF. */
export async function call(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      bam: { type: 'string' },
      reference: { type: 'string' },
      region: { type: 'string' },
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      'pileups-as': { type: 'string' },
      truth: { type: 'string' },
      sample: { type: 'string' },
      'min-qual': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${CALL_HELP}\n`);
    return 0;
  }
  for (const flag of ['bam', 'reference', 'out'] as const)
    if (!values[flag]) throw new CliError(`strand call: --${flag} is required\n${CALL_HELP}`, 2);
  const minQual =
    values['min-qual'] === undefined ? undefined : minQualOf('strand call', values['min-qual']);
  const pileupsAs = values['pileups-as']?.trim();
  if (values['pileups-as'] !== undefined && (!pileupsAs || pileupsAs.length > 200))
    throw new CliError('strand call: --pileups-as must name the dataset (1–200 characters)', 2);
  if (values.truth && !pileupsAs)
    throw new CliError('strand call: --truth labels the stored pileups; give --pileups-as too', 2);
  const out = createOutput(values.json);
  const options: CallVariantsOptions = {
    bam: values.bam as string,
    reference: values.reference as string,
    region: values.region,
    modelDir: values.model
      ? await modelDirOf('call', values.model, values['data-dir'], 'pileup')
      : DEFAULT_CALLER_MODEL,
    sample: values.sample,
    minQual,
    out: values.out as string,
    onProgress: (p) =>
      out.progress(
        'calling',
        p.basesDone,
        p.basesTotal,
        `${p.candidates} candidates, ${p.calls} calls`,
      ),
  };
  let result;
  let pileupsDataset: { id: string; name: string } | undefined;
  if (pileupsAs) {
    const { db, project } = await openEmbeddedStore(values['data-dir']);
    try {
      const source = {
        bam: basename(options.bam),
        reference: basename(options.reference),
        region: options.region ?? null,
        model: values.model ?? basename(DEFAULT_CALLER_MODEL),
        truth: values.truth ? basename(values.truth) : null,
      };
      const stored = await storePileups(
        db.fork(),
        db.artifacts,
        { projectId: project.id, name: pileupsAs, source },
        (pileups) => callVariants({ ...options, pileups, truth: values.truth }),
      );
      result = { ...stored.called, pileupsDataset: { id: stored.dataset.id, name: pileupsAs } };
      pileupsDataset = result.pileupsDataset;
    } finally {
      await db.close();
    }
  } else {
    result = await callVariants(options);
  }
  out.result(result, (r) =>
    [
      `Called ${r.calls} variants (${r.snvs} SNVs, ${r.indels} indels PASS; ${r.lowQual} LowQual, ${r.alleleBalance} AlleleBalance) from ${r.candidates} candidates over ${r.basesDone} bp (backend ${r.backend}).`,
      `Wrote ${r.out}`,
      ...(pileupsDataset
        ? [
            `Stored ${r.candidates} pileups as dataset "${pileupsDataset.name}" (${pileupsDataset.id})`,
          ]
        : []),
    ].join('\n'),
  );
  return 0;
}

const TRAIN_HELP = `usage: strand call train --bam FILE --truth VCF --reference FASTA [--region R] --out DIR
       strand call train --dataset NAME|ID [--data-dir DIR] --out DIR

Trains the pileup genotyper on candidates labelled by a truth VCF (e.g. simulated reads from
tools/scripts/simulate-reads.sh). --bam, --truth and --region repeat, in the same order.
  --dataset NAME|ID    (repeats) a pileups dataset of the embedded store stored with
                       strand call --pileups-as … --truth: its images are trained on as they are,
                       without reading the BAMs again (with --bam too: both)
  --data-dir DIR       the embedded store for --dataset
  --epochs N           default 8
  --width N, --rows N  pileup image size (default 21 × 40)
  --seed N             default 1
  --json               print the result as JSON`;

/** `strand call train`: a pileup model from truth-labelled reads. */
export async function callTrain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      bam: { type: 'string', multiple: true },
      truth: { type: 'string', multiple: true },
      region: { type: 'string', multiple: true },
      dataset: { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      reference: { type: 'string' },
      out: { type: 'string' },
      epochs: { type: 'string', default: '8' },
      width: { type: 'string', default: '21' },
      rows: { type: 'string', default: '40' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${TRAIN_HELP}\n`);
    return 0;
  }
  const bams = values.bam ?? [];
  const truths = values.truth ?? [];
  const regions = values.region ?? [];
  const datasets = values.dataset ?? [];
  if ((!bams.length && !datasets.length) || (bams.length && !values.reference) || !values.out)
    throw new CliError(
      `strand call train: --out and either --dataset or --bam, --truth and --reference are required\n${TRAIN_HELP}`,
      2,
    );
  if (truths.length !== bams.length || (regions.length > 0 && regions.length !== bams.length))
    throw new CliError(
      'strand call train: give one --truth (and one --region, if any) per --bam',
      2,
    );
  const int = (name: 'epochs' | 'width' | 'rows' | 'seed', min: number) => {
    const v = Number(values[name]);
    if (!Number.isInteger(v) || v < min)
      throw new CliError(
        `strand call train: --${name} must be an integer ≥ ${min}; got "${values[name]}"`,
        2,
      );
    return v;
  };
  const width = int('width', 5);
  const shapeGiven = argv.some((a) => /^--(width|rows)(=|$)/.test(a));
  if (width % 2 === 0)
    throw new CliError('strand call train: --width must be odd (the candidate is the centre)', 2);
  const out = createOutput(values.json);
  const tables = datasets.length ? await pileupTables(datasets, values['data-dir']) : [];
  const result = await trainCaller({
    samples: bams.map((bam, i) => ({
      bam,
      truth: truths[i] as string,
      reference: values.reference as string,
      region: regions[i],
    })),
    tables,
    out: values.out,
    // Stored pileups keep their own shape unless --width / --rows ask for one.
    shape: tables.length && !shapeGiven ? undefined : { width, rows: int('rows', 4) },
    epochs: int('epochs', 1),
    seed: int('seed', 0),
    onEpoch: (r) =>
      out.info(
        `epoch ${r.epoch}/${r.epochs}: ${Object.entries(r.metrics)
          .map(([k, v]) => `${k} ${v.toFixed(4)}`)
          .join(', ')}`,
      ),
  });
  out.result(
    result,
    (r) =>
      `Trained on ${r.examples} candidates (hom-ref ${r.classes[0]}, het ${r.classes[1]}, hom-alt ${r.classes[2]}); saved ${values.out}`,
  );
  return 0;
}

/** The table files of pileups datasets of the embedded store, each named by id or name. */
async function pileupTables(refs: readonly string[], dataDir: string | undefined) {
  const { db, project } = await openEmbeddedStore(dataDir);
  try {
    const em = db.fork();
    const paths: string[] = [];
    for (const ref of refs) {
      const found = await em.find(
        Dataset,
        { project: project.id, $or: [{ id: ref }, { name: ref }] },
        { orderBy: { createdAt: 'desc' } },
      );
      const dataset = found.find((d) => d.id === ref) ?? found[0];
      if (!dataset) throw new CliError(`strand call train: --dataset ${ref}: no such dataset`);
      if (found.length > 1 && dataset.id !== ref)
        throw new CliError(
          `strand call train: --dataset ${ref}: ${found.length} datasets have that name; give its id (${found.map((d) => d.id).join(', ')})`,
        );
      if (dataset.kind !== 'pileups' || dataset.status !== 'READY' || !dataset.artifactPath)
        throw new CliError(
          `strand call train: --dataset ${ref} is a ${dataset.status} ${dataset.kind} dataset; a READY pileups dataset is needed (strand call --pileups-as NAME --truth VCF)`,
        );
      if (dataset.summary?.['labels'] !== 'truth')
        throw new CliError(
          `strand call train: --dataset ${ref} was stored without truth labels; store it with strand call --pileups-as NAME --truth VCF`,
        );
      paths.push(await db.artifacts.pull(dataset.artifactPath));
    }
    return paths;
  } finally {
    await db.close();
  }
}

const EVAL_HELP = `usage: strand call eval --truth T.vcf --calls C.vcf --reference FASTA [--region R]

Precision, recall and F1 of SNVs and indels apart, and genotype concordance, after normalising
both VCFs against the reference (PASS records only).
  --min-qual Q         also leave out calls with QUAL < Q (to choose strand call's --min-qual
                       on validation reads called with --min-qual 0)
  --json               print the result as JSON`;

const row = (name: string, s: KindScores) =>
  `${name.padEnd(6)} truth ${String(s.truth).padStart(6)}  TP ${String(s.truePositives).padStart(6)}  FP ${String(s.falsePositives).padStart(5)}  FN ${String(s.falseNegatives).padStart(5)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  GT concordance ${s.genotypeConcordance.toFixed(4)}`;

/** `strand call eval`: a call set against a truth VCF. */
export async function callEval(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      truth: { type: 'string' },
      calls: { type: 'string' },
      reference: { type: 'string' },
      region: { type: 'string' },
      'min-qual': { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${EVAL_HELP}\n`);
    return 0;
  }
  for (const flag of ['truth', 'calls', 'reference'] as const)
    if (!values[flag])
      throw new CliError(`strand call eval: --${flag} is required\n${EVAL_HELP}`, 2);
  const minQual = minQualOf('strand call eval', values['min-qual']);
  const fasta = await FastaIndex.open(values.reference as string);
  const region = values.region ? parseRegion(values.region, (c) => fasta.length(c)) : undefined;
  const result: CallEvaluation = await evaluateCalls(
    values.truth as string,
    values.calls as string,
    new ReferenceReader(fasta),
    region,
    minQual,
  );
  createOutput(values.json).result(result, (r) =>
    [row('SNV', r.snv), row('indel', r.indel), row('all', r.all)].join('\n'),
  );
  return 0;
}
