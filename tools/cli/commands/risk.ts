import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  bgzipCompress,
  geneBurden,
  readBed,
  readExpressionMatrix,
  readSampleAnnotations,
  simulateCohort,
  simulateExpressionCohort,
} from '@strand/genomics';
import { RISK_PIPELINE_DEFAULTS, runRiskPipeline } from '@strand/jobs';
import type { RiskPipelineResult } from '@strand/jobs';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';

const HELP = `usage: strand risk --vcf FILE --genes BED --expression FILE --labels FILE [options]
       strand risk simulate --out DIR [--samples N] [--genes N] [--risk-genes N] [--seed S]
       strand risk simulate --expression-only --out DIR [--samples N] [--probes N] …

Disease risk from gene expression + gene-level variant burden: a k-fold cross-validated
multimodal model (the \`risk\` architecture), each sample's out-of-fold risk, and the features
(gene × expression | variant-burden) ranked by integrated-gradients attribution.
  --vcf FILE            multi-sample VCF with GT (plain, gzip or bgzip); burden = non-reference
                        alleles per sample in each gene (chr1 and 1 are the same chromosome)
  --genes BED           gene intervals; the name column names the gene (several lines per gene)
  --expression FILE     expression matrix, genes × samples, first column the gene id
  --labels FILE         sample table, first column the sample id
  --label-column COL    the class column of --labels (default: its first column after the id)
  --positive LABEL      the at-risk class (default: "case" when present, else the second in
                        sorted order)
  --max-af X            rare-variant burden: count only ALT alleles with INFO/AF below X
  --folds K             default ${RISK_PIPELINE_DEFAULTS.folds}
  --seed S              default ${RISK_PIPELINE_DEFAULTS.seed}: the same seed gives the same result on the same backend
  --epochs N            per model, default ${RISK_PIPELINE_DEFAULTS.epochs}
  --top N               ranked features to show, default 10
  --sample-top N        top features kept per sample, default ${RISK_PIPELINE_DEFAULTS.topFeatures}
  --json                print the result as JSON: { folds, mean, sd, pooled, topFeatures,
                        samples: [{ id, label, risk, fold, topFeatures }], … }

simulate writes a demo cohort with known risk genes to DIR: cohort.vcf.gz, genes.bed,
expression.tsv, samples.tsv (status case/control) and truth.json; with --expression-only a
p ≫ n microarray cohort (expression.tsv, samples.tsv, truth.json) for strand cv / train.`;

const SIMULATE_HELP = `usage: strand risk simulate --out DIR [options]

Writes a simulated case/control cohort whose risk genes are known (some act through their
variant burden, some through expression): cohort.vcf.gz, genes.bed, expression.tsv,
samples.tsv and truth.json.
  --out DIR             where to write (created when missing)
  --samples N           default 200
  --genes N             default 200
  --risk-genes N        planted risk genes, default 5
  --seed S              default 42
  --json                print the files and the truth as JSON

--expression-only: a p ≫ n microarray cohort instead (no VCF): log2 intensities of --probes
probes in co-expression modules, --informative of them shifted between the classes; train on it
with strand cv --architecture mlp --train DIR/expression.tsv --labels DIR/samples.tsv
  --probes N            default 20000 (at most 100,000)
  --informative N       probes whose class means differ, default 40
  --effect X            their case − control difference in within-class sds, default 0.8
  --case-fraction X     share of cases, default 0.5
  --module-size N       probes per co-expression module, default 50
  --module-correlation X  correlation within a module, default 0.4
  (--samples defaults to 60 here)`;

function integer(flag: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`strand risk: ${flag} must be an integer ≥ ${min}; got "${raw}"`, 2);
  return n;
}

async function readable(path: string): Promise<string> {
  await access(path).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read (${e.code ?? e.message})`);
  });
  return path;
}

/** `strand risk` and `strand risk simulate`. */
export async function risk(argv: string[]): Promise<number> {
  return argv[0] === 'simulate' ? simulate(argv.slice(1)) : predict(argv);
}

async function predict(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vcf: { type: 'string' },
      genes: { type: 'string' },
      expression: { type: 'string' },
      labels: { type: 'string' },
      'label-column': { type: 'string' },
      positive: { type: 'string' },
      'max-af': { type: 'string' },
      folds: { type: 'string', default: String(RISK_PIPELINE_DEFAULTS.folds) },
      seed: { type: 'string', default: String(RISK_PIPELINE_DEFAULTS.seed) },
      epochs: { type: 'string', default: String(RISK_PIPELINE_DEFAULTS.epochs) },
      top: { type: 'string', default: '10' },
      'sample-top': { type: 'string', default: String(RISK_PIPELINE_DEFAULTS.topFeatures) },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  for (const flag of ['vcf', 'genes', 'expression', 'labels'] as const) {
    if (!values[flag]) throw new CliError(`strand risk: --${flag} FILE is required\n${HELP}`, 2);
  }
  const maxAf = values['max-af'] === undefined ? undefined : Number(values['max-af']);
  if (maxAf !== undefined && !(maxAf > 0 && maxAf <= 1))
    throw new CliError(`strand risk: --max-af must be in (0, 1]; got "${values['max-af']}"`, 2);
  const folds = integer('--folds', values.folds, 2);
  const seed = integer('--seed', values.seed, 0);
  const epochs = integer('--epochs', values.epochs, 1);
  const top = integer('--top', values.top, 1);
  const sampleTop = integer('--sample-top', values['sample-top'], 0);
  const out = createOutput(values.json);

  const [vcf, genes, expressionFile, labelsFile] = await Promise.all(
    [values.vcf, values.genes, values.expression, values.labels].map((p) => readable(String(p))),
  );
  out.info('Reading the expression matrix, the sample table and the VCF…');
  const expression = await readExpressionMatrix(expressionFile as string, {
    orientation: 'genes-by-samples',
  });
  const annotations = await readSampleAnnotations(labelsFile as string);
  const column = values['label-column'] ?? annotations.columns[0];
  if (column === undefined || !annotations.columns.includes(column)) {
    throw new CliError(
      `${labelsFile}: no column "${column ?? ''}" (found: ${annotations.columns.join(', ') || 'only the id'})`,
    );
  }
  const labels = new Map([...annotations.rows].map(([id, row]) => [id, row[column] ?? '']));
  const burden = await geneBurden(vcf as string, readBed(genes as string), {
    genesLabel: genes,
    ...(maxAf === undefined ? {} : { maxAlleleFrequency: maxAf }),
  });
  const missing = burden.missingCounts.reduce((a, b) => a + b, 0);
  out.info(
    `Burden: ${burden.variantsUsed} variants in ${burden.genes.length} genes (${burden.variantsOutsideGenes} outside every gene${maxAf === undefined ? '' : `, ${burden.variantsFiltered} at AF ≥ ${maxAf}`}); ${missing} missing genotype calls counted 0.`,
  );

  const result = await runRiskPipeline({
    expression,
    burden,
    labels,
    positiveLabel: values.positive,
    folds,
    seed,
    epochs,
    topFeatures: sampleTop,
    onProgress: (p) => out.progress(p.message, p.done, p.total),
  });
  const { excluded } = result.cohort;
  const left = excluded.unlabelled + excluded.notInExpression + excluded.notInBurden;
  out.info(
    `${result.cohort.samples} samples (${result.cohort.positives} ${result.positiveLabel}, ${result.cohort.negatives} ${result.negativeLabel}); backend ${result.backend}, seed ${seed}.` +
      (left > 0
        ? ` Left out: ${excluded.unlabelled} unlabelled, ${excluded.notInExpression} not in the expression matrix, ${excluded.notInBurden} not in the VCF.`
        : ''),
  );
  const json = {
    backend: result.backend,
    seed,
    positiveLabel: result.positiveLabel,
    negativeLabel: result.negativeLabel,
    cohort: result.cohort,
    burden: {
      variantsUsed: burden.variantsUsed,
      variantsOutsideGenes: burden.variantsOutsideGenes,
      variantsFiltered: burden.variantsFiltered,
      missingGenotypes: missing,
      maxAlleleFrequency: maxAf ?? null,
    },
    config: result.config,
    epochs: result.epochs,
    folds: result.folds,
    mean: result.mean,
    sd: result.sd,
    pooled: result.pooled,
    topFeatures: result.features.slice(0, top),
    samples: result.samples,
  };
  out.result(json, () => describe(result, top));
  return 0;
}

/** The human summary: per-fold AUROC, mean ± sd of each metric, the top features. */
function describe(result: RiskPipelineResult, top: number): string {
  const lines = result.folds.map(
    (f) =>
      `fold ${f.fold}\tauroc ${f.metrics.auroc.toFixed(4)}\taccuracy ${f.metrics.accuracy.toFixed(4)}`,
  );
  for (const name of Object.keys(result.mean) as (keyof typeof result.mean)[]) {
    lines.push(`${name}\t${result.mean[name].toFixed(4)} ± ${result.sd[name].toFixed(4)}`);
  }
  lines.push('', `rank\tgene\tmodality\tmean |attribution|\tdirection`);
  for (const f of result.features.slice(0, top)) {
    const direction = f.direction > 0 ? 'raises risk' : f.direction < 0 ? 'lowers risk' : '—';
    lines.push(
      `${f.rank}\t${f.feature}\t${f.modality}\t${f.meanAbsAttribution.toExponential(3)}\t${direction}`,
    );
  }
  lines.push('', 'Per-sample risks (out-of-fold) and top features: --json');
  return lines.join('\n');
}

async function simulate(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      samples: { type: 'string', default: '200' },
      genes: { type: 'string', default: '200' },
      'risk-genes': { type: 'string', default: '5' },
      seed: { type: 'string', default: '42' },
      'expression-only': { type: 'boolean', default: false },
      probes: { type: 'string', default: '20000' },
      informative: { type: 'string', default: '40' },
      effect: { type: 'string', default: '0.8' },
      'case-fraction': { type: 'string', default: '0.5' },
      'module-size': { type: 'string', default: '50' },
      'module-correlation': { type: 'string', default: '0.4' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${SIMULATE_HELP}\n`);
    return 0;
  }
  if (!values.out)
    throw new CliError(`strand risk simulate: --out DIR is required\n${SIMULATE_HELP}`, 2);
  if (values['expression-only']) return simulateExpression(values.out, values, argv);
  const cohort = simulateCohort({
    samples: integer('--samples', values.samples, 1),
    genes: integer('--genes', values.genes, 1),
    riskGenes: integer('--risk-genes', values['risk-genes'], 1),
    seed: integer('--seed', values.seed, 0),
  });
  const dir = values.out;
  await mkdir(dir, { recursive: true });
  const files = {
    vcf: join(dir, 'cohort.vcf.gz'),
    genes: join(dir, 'genes.bed'),
    expression: join(dir, 'expression.tsv'),
    labels: join(dir, 'samples.tsv'),
    truth: join(dir, 'truth.json'),
  };
  await writeFile(files.vcf, bgzipCompress(Buffer.from(cohort.vcf)));
  await writeFile(files.genes, cohort.bed);
  await writeFile(files.expression, cohort.expression);
  await writeFile(files.labels, cohort.sampleTable);
  await writeFile(files.truth, `${JSON.stringify(cohort.truth, null, 2)}\n`);
  const cases = cohort.status.reduce((a, b) => a + b, 0);
  const out = createOutput(values.json);
  out.result(
    {
      files,
      samples: cohort.samples.length,
      cases,
      controls: cohort.samples.length - cases,
      genes: cohort.genes.length,
      truth: cohort.truth,
    },
    (r) =>
      [
        `Wrote ${r.samples} samples (${r.cases} cases, ${r.controls} controls) × ${r.genes} genes to ${dir}:`,
        ...Object.values(files).map((f) => `  ${f}`),
        'Planted risk genes:',
        ...r.truth.riskGenes.map(
          (g) =>
            `  ${g.gene}\t${g.modality}\t${g.effect > 0 ? '+' : ''}${g.effect} log-odds per sd`,
        ),
        `Next: strand risk --vcf ${files.vcf} --genes ${files.genes} --expression ${files.expression} --labels ${files.labels}`,
      ].join('\n'),
  );
  return 0;
}

function real(flag: string, raw: string | undefined, ok: (x: number) => boolean, rule: string) {
  const x = Number(raw);
  if (raw === undefined || raw.trim() === '' || !ok(x))
    throw new CliError(`strand risk simulate: ${flag} must be ${rule}; got "${raw}"`, 2);
  return x;
}

/** `strand risk simulate --expression-only`: a p ≫ n microarray cohort for strand cv / train. */
async function simulateExpression(
  dir: string,
  values: Record<string, string | boolean | undefined>,
  argv: string[],
): Promise<number> {
  const given = (flag: string) => argv.some((a) => a === flag || a.startsWith(`${flag}=`));
  const str = (key: string) => values[key] as string | undefined;
  const cohort = (() => {
    try {
      return simulateExpressionCohort({
        samples: given('--samples') ? integer('--samples', str('samples'), 10) : 60,
        probes: integer('--probes', str('probes'), 2),
        informative: integer('--informative', str('informative'), 1),
        effectSize: real('--effect', str('effect'), (x) => x > 0 && x <= 10, 'in (0, 10]'),
        caseFraction: real(
          '--case-fraction',
          str('case-fraction'),
          (x) => x > 0 && x < 1,
          'in (0, 1)',
        ),
        moduleSize: integer('--module-size', str('module-size'), 1),
        moduleCorrelation: real(
          '--module-correlation',
          str('module-correlation'),
          (x) => x >= 0 && x < 1,
          'in [0, 1)',
        ),
        seed: integer('--seed', str('seed'), 0),
      });
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`strand risk simulate: ${(error as Error).message}`, 2);
    }
  })();
  await mkdir(dir, { recursive: true });
  const files = {
    expression: join(dir, 'expression.tsv'),
    labels: join(dir, 'samples.tsv'),
    truth: join(dir, 'truth.json'),
  };
  await writeFile(files.expression, cohort.expression);
  await writeFile(files.labels, cohort.sampleTable);
  await writeFile(files.truth, `${JSON.stringify(cohort.truth, null, 2)}\n`);
  const out = createOutput(values.json === true);
  out.result(
    {
      files,
      samples: cohort.samples.length,
      probes: cohort.probes.length,
      cases: cohort.truth.cases,
      controls: cohort.truth.controls,
      truth: cohort.truth,
    },
    (r) =>
      [
        `Wrote ${r.samples} samples (${r.cases} cases, ${r.controls} controls) × ${r.probes} probes to ${dir}:`,
        ...Object.values(files).map((f) => `  ${f}`),
        `${r.truth.informative.length} informative probes (class means ${r.truth.effectSize} sd apart): ${files.truth}`,
        `Next: strand cv --architecture mlp --train ${files.expression} --labels ${files.labels} --label-column status`,
      ].join('\n'),
  );
  return 0;
}
