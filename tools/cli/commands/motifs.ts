import { parseArgs } from 'node:util';
import {
  BUNDLED_MOTIFS,
  compareMotifs,
  pfmToProbabilities,
  readJasparFile,
} from '@strand/genomics';
import { filterMotifs, initBackend, loadModel } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';
import { readSequenceFile } from './explain.ts';

const HELP = `usage: strand motifs --model DIR|ID --sequences FILE [--jaspar FILE] [--json]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --sequences FILE   FASTA, a sequence table (id and sequence columns, as strand train takes) or
                     one sequence per line, of the model's input length
  --jaspar FILE      JASPAR matrices to match filters to (default: Strand's bundled motifs)
  --matches N        matches listed per filter (default 5)
  --json             print the filters as JSON

Filters are ordered by importance: how much the mean prediction drops when the filter is zeroed.`;

/** `strand motifs`: first-layer filters as PWMs, matched to JASPAR, most important first. */
export async function motifs(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      sequences: { type: 'string' },
      jaspar: { type: 'string' },
      matches: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  for (const flag of ['model', 'sequences'] as const) {
    if (!values[flag]) throw new CliError(`strand motifs: --${flag} is required\n${HELP}`, 2);
  }
  const count = Number(values.matches);
  if (!Number.isInteger(count) || count < 1)
    throw new CliError(
      `strand motifs: --matches must be an integer ≥ 1; got "${values.matches}"`,
      2,
    );
  const out = createOutput(values.json);
  const database = values.jaspar ? await readJasparFile(values.jaspar) : BUNDLED_MOTIFS;
  const sequences = (await readSequenceFile(values.sequences as string)).map((s) => s.sequence);
  await initBackend();
  const { model } = await loadModel(
    await modelDirOf('motifs', values.model as string, values['data-dir']),
  );
  let found;
  try {
    found = filterMotifs(model, sequences);
  } finally {
    model.dispose();
  }
  const ordered = [...found.filters].sort(
    (a, b) => b.importance - a.importance || a.filter - b.filter,
  );
  const filters = ordered.map((f, i) => {
    out.progress('matching', i, ordered.length);
    return {
      index: f.filter,
      importance: f.importance,
      sites: f.sites,
      pwm: f.sites > 0 ? pfmToProbabilities(f.pfm) : [],
      informationContent: f.informationContent,
      matches:
        f.sites > 0
          ? compareMotifs(f.pfm, database)
              .slice(0, count)
              .map((m) => ({ id: m.id, name: m.name, score: m.score, pvalue: m.pvalue }))
          : [],
    };
  });
  out.result({ meanPrediction: found.meanPrediction, filters }, (r) =>
    r.filters
      .map((f) => {
        const best = f.matches[0];
        const match = best ? `${best.name} (${best.id}, p ${best.pvalue.toPrecision(2)})` : '—';
        return `filter ${f.index}\timportance ${f.importance.toFixed(4)}\tIC ${f.informationContent.toFixed(2)} bits\t${match}`;
      })
      .join('\n'),
  );
  return 0;
}
