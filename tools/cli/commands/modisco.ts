import { parseArgs } from 'node:util';
import { BUNDLED_MOTIFS, readJasparFile } from '@strand/genomics';
import { discoverMotifs, initBackend, loadModel } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';
import { sequenceBatches } from '../sequence-batches.ts';

const HELP = `usage: strand modisco --model DIR|ID --sequences FILE [--jaspar FILE] [--json]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --sequences FILE     what \`strand train\` reads: a sequence table (TSV/CSV), a labelled FASTA or
                       a FASTA, sequences of the model's input length; streamed in batches
  --label L            only the records labelled L (e.g. 1: the positives)
  --jaspar FILE        JASPAR matrices to match motifs to (default: Strand's bundled motifs)
  --task N             the model output explained, 0-based (default 0)
  --shuffles N         DeepSHAP references per sequence (default 10)
  --window N           seqlet core width (default 10); --flank N bases each side (default 3)
  --max-seqlets N      seqlets kept for clustering, a uniform sample (default 20000)
  --matches N          JASPAR matches listed per motif (default 3)
  --seed S             default 1
  --json               print the result as JSON

Motif discovery from DeepSHAP attributions, TF-MoDISco-lite style: seqlets, clusters, a CWM and
PWM per cluster, matched to JASPAR. Motifs are ordered by support (seqlets).`;

function int(flag: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`strand modisco: --${flag} must be an integer ≥ ${min}; got "${raw}"`, 2);
  return n;
}

const round = (x: number) => Number(x.toPrecision(4));

/** `strand modisco`: motifs discovered in a model's attributions over a set of sequences. */
export async function modisco(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      sequences: { type: 'string' },
      label: { type: 'string' },
      jaspar: { type: 'string' },
      task: { type: 'string', default: '0' },
      shuffles: { type: 'string', default: '10' },
      window: { type: 'string', default: '10' },
      flank: { type: 'string', default: '3' },
      'max-seqlets': { type: 'string', default: '20000' },
      matches: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  for (const flag of ['model', 'sequences'] as const) {
    if (!values[flag]) throw new CliError(`strand modisco: --${flag} is required\n${HELP}`, 2);
  }
  const options = {
    task: int('task', values.task, 0),
    shuffles: int('shuffles', values.shuffles, 1),
    window: int('window', values.window, 2),
    flank: int('flank', values.flank, 0),
    maxSeqlets: int('max-seqlets', values['max-seqlets'], 10),
    matches: int('matches', values.matches, 1),
    seed: int('seed', values.seed, 0),
  };
  const out = createOutput(values.json);
  const database = values.jaspar ? await readJasparFile(values.jaspar) : BUNDLED_MOTIFS;
  const backend = await initBackend();
  const { model } = await loadModel(
    await modelDirOf('modisco', values.model as string, values['data-dir']),
  );
  let result;
  try {
    result = await discoverMotifs(
      model,
      sequenceBatches(values.sequences as string, 256, values.label),
      {
        ...options,
        database,
        onProgress: (done, seqlets) =>
          out.progress('attributions', done, done, `${seqlets} seqlets`),
      },
    );
  } finally {
    model.dispose();
  }
  const motifs = result.motifs.map((m) => ({
    name: m.name,
    sign: m.sign,
    seqlets: m.seqlets,
    consensus: m.consensus,
    informationContent: round(m.informationContent),
    pwm: m.pwm.map((row) => row.map(round)),
    cwm: m.cwm.map((row) => row.map(round)),
    matches: m.matches.map((x) => ({ name: x.name, id: x.id, p: x.p, score: round(x.score) })),
  }));
  out.result(
    {
      backend,
      sequences: result.sequences,
      length: result.length,
      seqletsCalled: result.seqletsCalled,
      seqletsClustered: result.seqletsClustered,
      threshold: round(result.threshold),
      motifs,
    },
    (r) =>
      [
        `${r.sequences} sequences, ${r.seqletsCalled} seqlets (${r.seqletsClustered} clustered), ${r.motifs.length} motifs`,
        ...r.motifs.map((m) => {
          const best = m.matches[0];
          const match = best ? `${best.name} (${best.id}, p ${best.p.toPrecision(2)})` : '—';
          return `${m.name}\t${m.seqlets} seqlets\t${m.consensus}\tIC ${m.informationContent} bits\t${match}`;
        }),
      ].join('\n'),
  );
  return 0;
}
