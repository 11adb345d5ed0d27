import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readFasta } from '@strand/genomics';
import {
  initBackend,
  inSilicoMutagenesis,
  integratedGradients,
  loadModel,
  saliency,
} from '@strand/models';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';

const HELP = `usage: strand explain --model DIR|ID (--sequence ACGT… | --fasta FILE) [--method ism|saliency|ig] [--json]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --sequence SEQ     one sequence of the model's input length
  --fasta FILE       sequences to explain, each of the model's input length
  --method M         ism (in silico mutagenesis, default), saliency, or ig (integrated gradients)
  --top N            positions listed per sequence in the human output (default 10)
  --json             print every score: [position][A, C, G, T]`;

const METHODS = ['ism', 'saliency', 'ig'] as const;
type Method = (typeof METHODS)[number];

/** Reads a FASTA or, when the file does not start with `>`, one sequence per line. */
export async function readSequenceFile(path: string): Promise<{ id: string; sequence: string }[]> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read (${error.code ?? error.message})`);
  });
  if (text.trimStart().startsWith('>')) {
    const records: { id: string; sequence: string }[] = [];
    for await (const r of readFasta(path)) records.push({ id: r.id, sequence: r.sequence });
    return records;
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((sequence, i) => ({ id: `seq${i + 1}`, sequence }));
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
      method: { type: 'string', default: 'ism' },
      top: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (!values.model) throw new CliError(`strand explain: --model is required\n${HELP}`, 2);
  if ((values.sequence === undefined) === (values.fasta === undefined))
    throw new CliError(`strand explain: give exactly one of --sequence and --fasta\n${HELP}`, 2);
  const method = values.method as Method;
  if (!METHODS.includes(method))
    throw new CliError(
      `strand explain: --method must be ism, saliency or ig; got "${values.method}"`,
      2,
    );
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1)
    throw new CliError(`strand explain: --top must be an integer ≥ 1; got "${values.top}"`, 2);
  const sequences = values.fasta
    ? await readSequenceFile(values.fasta)
    : [{ id: 'sequence', sequence: values.sequence as string }];
  const out = createOutput(values.json);
  const backend = await initBackend();
  const { model } = await loadModel(await modelDirOf('explain', values.model, values['data-dir']));
  try {
    const results = sequences.map(({ id, sequence }, i) => {
      out.progress(method, i, sequences.length);
      const attribution =
        method === 'ism'
          ? (({ ref, scores }) => ({ output: ref, scores }))(inSilicoMutagenesis(model, sequence))
          : method === 'saliency'
            ? saliency(model, sequence)
            : integratedGradients(model, sequence);
      const scores = Array.from({ length: sequence.length }, (_, p) =>
        Array.from(attribution.scores.subarray(p * 4, p * 4 + 4), (x) => Number(x.toPrecision(6))),
      );
      return {
        id,
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
          return [
            `${s.id}\tprediction ${s.prediction}\t(${r.method}; top positions, 1-based: pos A C G T)`,
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
