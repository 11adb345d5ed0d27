import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FastaIndex, openSequenceTable, openText, readBed, readFasta } from '@strand/genomics';
import { checkExplainRegions, readExplainRegions } from '@strand/jobs';
import type { ExplainRegion } from '@strand/jobs';
import {
  deepLiftShap,
  initBackend,
  inSilicoMutagenesis,
  integratedGradients,
  loadModel,
  saliency,
} from '@strand/models';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';

const HELP = `usage: strand explain --model DIR|ID (--sequence ACGT… | --sequences FILE | (--regions R,… | --bed FILE) --reference FASTA) [--method ism|saliency|ig|deeplift|deepshap] [--json]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --sequence SEQ     one sequence of the model's input length
  --sequences FILE   sequences to explain (--fasta FILE: the same), each of the model's input length: FASTA, a sequence
                     table (id and sequence columns, as strand train takes) or one per line
  --regions R,…      genomic regions of --reference, comma-separated: chrom:start-end (1-based, inclusive, as
                     igv writes a locus) with an optional :+ or :- (a - region is explained as its reverse
                     complement), each exactly the model's input length; the output keeps chrom, start, end, strand
  --bed FILE         the same from a BED file (0-based starts; column 6, when present, is the strand)
  --reference FASTA  the reference of --regions / --bed (plain or bgzip; its .fai is built when missing)
  --method M         ism (in silico mutagenesis, default), saliency, ig (integrated gradients),
                     deeplift (rescale rule, reference: the sequence's base composition) or
                     deepshap (DeepLIFT averaged over --shuffles dinucleotide shuffles)
  --shuffles N       deepshap's references per sequence (default 20)
  --task N           the model output to explain, 0-based (default 0)
  --top N            positions listed per sequence in the human output (default 10)
  --json             print every score: [position][A, C, G, T]`;

const METHODS = ['ism', 'saliency', 'ig', 'deeplift', 'deepshap'] as const;
type Method = (typeof METHODS)[number];

/**
 * Reads the sequences `strand train` reads, and plain lists: a FASTA (labelled or not), a
 * sequence table (TSV or CSV with `id` and `sequence` columns; labels and other columns are
 * ignored), or one sequence per line. Plain, gzip or bgzip.
 */
export async function readSequenceFile(path: string): Promise<{ id: string; sequence: string }[]> {
  await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read (${error.code ?? error.message})`);
  });
  let first: string | undefined;
  for await (const { line } of openText(path)) {
    if (line.trim() === '') continue;
    first = line.trimStart();
    break;
  }
  const records: { id: string; sequence: string }[] = [];
  if (first?.startsWith('>')) {
    for await (const r of readFasta(path)) records.push({ id: r.id, sequence: r.sequence });
  } else if (first !== undefined && /[\t,]/.test(first)) {
    // A header row: the table strand train takes.
    const table = await openSequenceTable(path, { labelColumns: [], profileColumn: null });
    for await (const r of table.records) records.push({ id: r.id, sequence: r.sequence });
  } else {
    for await (const { line } of openText(path)) {
      const sequence = line.trim();
      if (sequence !== '') records.push({ id: `seq${records.length + 1}`, sequence });
    }
  }
  return records;
}

/** `strand explain`: per-position, per-base attributions of a model's prediction. */
export async function explain(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      sequence: { type: 'string' },
      fasta: { type: 'string' },
      sequences: { type: 'string' },
      regions: { type: 'string' },
      bed: { type: 'string' },
      reference: { type: 'string' },
      method: { type: 'string', default: 'ism' },
      top: { type: 'string', default: '10' },
      shuffles: { type: 'string', default: '20' },
      task: { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.model) throw new CliError(`strand explain: --model is required\n${HELP}`, 2);
  // --sequences is the name strand motifs uses; --fasta the older one.
  const file = values.sequences ?? values.fasta;
  if (values.sequences !== undefined && values.fasta !== undefined)
    throw new CliError(`strand explain: give --sequences or --fasta, not both\n${HELP}`, 2);
  const given = [values.sequence, file, values.regions, values.bed].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new CliError(
      `strand explain: give exactly one of --sequence, --sequences, --regions and --bed\n${HELP}`,
      2,
    );
  const genomic = values.regions !== undefined || values.bed !== undefined;
  if (genomic !== (values.reference !== undefined))
    throw new CliError(
      genomic
        ? 'strand explain: --regions and --bed need --reference FASTA'
        : 'strand explain: --reference goes with --regions or --bed',
      2,
    );
  const method = values.method as Method;
  if (!METHODS.includes(method))
    throw new CliError(
      `strand explain: --method must be ism, saliency, ig, deeplift or deepshap; got "${values.method}"`,
      2,
    );
  const [top, shuffles, task] = (['top', 'shuffles', 'task'] as const).map((flag) => {
    const n = Number(values[flag]);
    const min = flag === 'task' ? 0 : 1;
    if (!Number.isInteger(n) || n < min)
      throw new CliError(
        `strand explain: --${flag} must be an integer ≥ ${min}; got "${values[flag]}"`,
        2,
      );
    return n;
  }) as [number, number, number];
  if (task > 0 && method !== 'deeplift' && method !== 'deepshap')
    throw new CliError('strand explain: --task is read by deeplift and deepshap', 2);
  const out = createOutput(values.json);
  const backend = await initBackend();
  const { model, metadata } = await loadModel(
    await modelDirOf('explain', values.model, values['data-dir']),
  );
  let sequences: ({ id: string; sequence: string } & Partial<ExplainRegion>)[];
  try {
    sequences = genomic
      ? await regionSequences(
          values.regions !== undefined
            ? values.regions.split(',').filter((r) => r.trim() !== '')
            : await bedRegions(values.bed as string),
          values.reference as string,
          metadata.inputLength,
        )
      : file
        ? await readSequenceFile(file)
        : [{ id: 'sequence', sequence: values.sequence as string }];
  } catch (error) {
    model.dispose();
    throw error;
  }
  try {
    const rows = (values: Float32Array, p: number) =>
      Array.from(values.subarray(p * 4, p * 4 + 4), (x) => Number(x.toPrecision(6)));
    const lifted =
      method === 'deeplift' || method === 'deepshap'
        ? deepLiftShap(
            model,
            sequences.map((s) => s.sequence),
            {
              references: method === 'deeplift' ? 'composition' : 'shuffle',
              shuffles,
              task,
              onProgress: (done, total) => out.progress(method, done, total),
            },
          )
        : null;
    const results = sequences.map(({ id, sequence }, i) => {
      if (lifted) {
        const size = lifted.length * 4;
        const contributions = lifted.contributions.subarray(i * size, (i + 1) * size);
        return {
          id,
          ...where(sequences[i]),
          length: sequence.length,
          // The logit of the output: DeepLIFT explains the value before the output sigmoid.
          logit: Number((lifted.outputs[i] as number).toPrecision(6)),
          reference: Number((lifted.referenceOutputs[i] as number).toPrecision(6)),
          convergenceDelta: Number((lifted.convergenceDelta[i] as number).toPrecision(3)),
          scores: Array.from({ length: sequence.length }, (_, p) => rows(contributions, p)),
        };
      }
      out.progress(method, i, sequences.length);
      const attribution =
        method === 'ism'
          ? (({ ref, scores }) => ({ output: ref, scores }))(inSilicoMutagenesis(model, sequence))
          : method === 'saliency'
            ? saliency(model, sequence)
            : integratedGradients(model, sequence);
      const scores = Array.from({ length: sequence.length }, (_, p) => rows(attribution.scores, p));
      return {
        id,
        ...where(sequences[i]),
        length: sequence.length,
        prediction: Number(attribution.output.toPrecision(6)),
        scores,
      };
    });
    out.result({ method, backend, sequences: results }, (r) =>
      r.sequences
        .map((s) => {
          // A position's importance: the largest attribution magnitude among its four bases.
          const ranked = s.scores
            .map((row, p) => ({ p, size: Math.max(...row.map(Math.abs)) }))
            .sort((a, b) => b.size - a.size || a.p - b.p)
            .slice(0, top);
          const rows = ranked.map(({ p }) => `  ${p + 1}\t${s.scores[p].join('\t')}`);
          const value =
            'logit' in s
              ? `logit ${s.logit} (reference ${s.reference})`
              : `prediction ${s.prediction}`;
          return [
            `${s.id}\t${value}\t(${r.method}; top positions, 1-based: pos A C G T)`,
            ...rows,
          ].join('\n');
        })
        .join('\n'),
    );
  } finally {
    model.dispose();
  }
  return 0;
}

/** Regions explained at most per run: each is a sequence and its scores in memory. */
const MAX_REGIONS = 10_000;

/** A sequence's coordinates, when it came from a region. */
function where(s: Partial<ExplainRegion> | undefined): Partial<ExplainRegion> {
  if (s?.chrom === undefined) return {};
  return { chrom: s.chrom, start: s.start, end: s.end, strand: s.strand };
}

/** The regions of a BED file, as chrom:start-end[:-] texts (1-based). */
async function bedRegions(path: string): Promise<string[]> {
  const texts: string[] = [];
  for await (const r of readBed(path)) {
    texts.push(`${r.chrom}:${r.start + 1}-${r.end}${r.strand === '-' ? ':-' : ''}`);
    if (texts.length > MAX_REGIONS)
      throw new CliError(`${path}: more than ${MAX_REGIONS} regions; split the file`);
  }
  return texts;
}

/** Checks the regions against the reference and the model's length, and reads their bases. */
async function regionSequences(texts: string[], reference: string, inputLength: number) {
  if (texts.length === 0) throw new CliError('strand explain: no regions given');
  if (texts.length > MAX_REGIONS)
    throw new CliError(`strand explain: more than ${MAX_REGIONS} regions`);
  const fasta = await FastaIndex.open(reference).catch((error: NodeJS.ErrnoException) => {
    // A file system error names its code; Strand's genomics errors say what is wrong.
    throw new CliError(error.syscall ? `${reference}: cannot read (${error.code})` : error.message);
  });
  const { regions, errors } = checkExplainRegions(texts, fasta, inputLength);
  if (errors.length > 0) {
    throw new CliError(errors.map((e) => `strand explain: ${e.message}`).join('\n'));
  }
  return readExplainRegions(fasta, regions);
}
