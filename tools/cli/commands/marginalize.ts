import { parseArgs } from 'node:util';
import {
  BUNDLED_MOTIFS,
  consensus,
  findMotif,
  pfmToProbabilities,
  readJasparFile,
} from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import {
  ablateMotif,
  initBackend,
  loadModel,
  marginalize as marginalizeMotif,
  shuffledBackgrounds,
  spacingEffects,
} from '@strand/models';
import type { EffectSummary } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';
import { sequenceBatches } from '../sequence-batches.ts';

const HELP = `usage: strand marginalize --model DIR|ID --sequences FILE --motif ID|SEQ [--second ID|SEQ --spacings A-B] [--ablate] [--json]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --sequences FILE     what \`strand train\` reads (table, labelled FASTA, FASTA): the first
                       --backgrounds of them are dinucleotide-shuffled into backgrounds
  --label L            only the records labelled L
  --motif ID|SEQ       a JASPAR id or name (of --jaspar, else Strand's bundled motifs), inserted
                       as its consensus, or a consensus of A, C, G, T
  --position N         0-based start of the motif (default: centred)
  --second ID|SEQ      a second motif, inserted after the first at each of --spacings
  --spacings A-B       bases between the two motifs (default 0-20)
  --ablate             also shuffle the motif's best match (PWM, both strands) in the sequences
                       themselves and report the drop
  --backgrounds N      default 100
  --task N             the model output (default 0); effects are on its logit
  --jaspar FILE        JASPAR matrices --motif and --second are looked up in
  --seed S             default 1
  --json               print the result as JSON`;

function int(flag: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(
      `strand marginalize: --${flag} must be an integer ≥ ${min}; got "${raw}"`,
      2,
    );
  return n;
}

/** A motif given as a JASPAR id/name or a consensus: its consensus and PWM. */
function motifOf(flag: string, value: string, database: readonly Pfm[]) {
  const pfm = findMotif(value, database);
  if (pfm)
    return { id: pfm.id, name: pfm.name, consensus: consensus(pfm), pwm: pfmToProbabilities(pfm) };
  if (/^[ACGT]+$/i.test(value)) {
    const seq = value.toUpperCase();
    const pwm = [...seq].map((b) => [0, 1, 2, 3].map((i) => ('ACGT'[i] === b ? 1 : 0)));
    return { id: null, name: null, consensus: seq, pwm };
  }
  throw new CliError(
    `strand marginalize: --${flag} "${value.slice(0, 40)}" is neither a known motif id or name nor a sequence of A, C, G, T`,
    2,
  );
}

const rounded = (e: EffectSummary) => ({
  n: e.n,
  mean: Number(e.mean.toPrecision(4)),
  sd: Number(e.sd.toPrecision(4)),
  min: Number(e.min.toPrecision(4)),
  max: Number(e.max.toPrecision(4)),
});

/** `strand marginalize`: a motif's effect on dinucleotide-shuffled backgrounds; spacing; ablation. */
export async function marginalize(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      sequences: { type: 'string' },
      label: { type: 'string' },
      motif: { type: 'string' },
      position: { type: 'string' },
      second: { type: 'string' },
      spacings: { type: 'string', default: '0-20' },
      ablate: { type: 'boolean', default: false },
      backgrounds: { type: 'string', default: '100' },
      task: { type: 'string', default: '0' },
      jaspar: { type: 'string' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  for (const flag of ['model', 'sequences', 'motif'] as const) {
    if (!values[flag]) throw new CliError(`strand marginalize: --${flag} is required\n${HELP}`, 2);
  }
  const count = int('backgrounds', values.backgrounds, 1);
  const task = int('task', values.task, 0);
  const seed = int('seed', values.seed, 0);
  const range = /^(\d+)-(\d+)$/.exec(values.spacings ?? '');
  if (!range || Number(range[1]) > Number(range[2]))
    throw new CliError(
      `strand marginalize: --spacings must be A-B with A ≤ B; got "${values.spacings}"`,
      2,
    );
  const database = values.jaspar ? await readJasparFile(values.jaspar) : BUNDLED_MOTIFS;
  const first = motifOf('motif', values.motif as string, database);
  const second = values.second ? motifOf('second', values.second, database) : null;
  const sequences: string[] = [];
  for await (const batch of sequenceBatches(values.sequences as string, 256, values.label)) {
    sequences.push(...batch.slice(0, count - sequences.length));
    if (sequences.length >= count) break;
  }
  if (sequences.length === 0) throw new CliError('strand marginalize: no sequences read');
  const length = sequences[0]!.length;
  const position =
    values.position === undefined
      ? Math.floor((length - first.consensus.length) / 2)
      : int('position', values.position, 0);
  const out = createOutput(values.json);
  const backend = await initBackend();
  const { model } = await loadModel(
    await modelDirOf('marginalize', values.model as string, values['data-dir']),
  );
  try {
    const backgrounds = shuffledBackgrounds(sequences, count, seed);
    const single = marginalizeMotif(model, backgrounds, [{ motif: first.consensus, position }], {
      task,
    });
    const spacing = second
      ? spacingEffects(
          model,
          backgrounds,
          first.consensus,
          second.consensus,
          Array.from(
            { length: Number(range[2]) - Number(range[1]) + 1 },
            (_, i) => Number(range[1]) + i,
          ),
          { task },
        )
      : null;
    const best = spacing?.reduce((a, b) => (b.effect.mean > a.effect.mean ? b : a));
    const ablation = values.ablate
      ? ablateMotif(model, sequences, first.pwm, { task, seed })
      : null;
    out.result(
      {
        backend,
        target: 'logit',
        motif: { id: first.id, name: first.name, consensus: first.consensus, position },
        backgrounds: backgrounds.length,
        before: Number(single.before.toPrecision(4)),
        after: Number(single.after.toPrecision(4)),
        effect: rounded(single.effect),
        ...(spacing && second
          ? {
              second: { id: second.id, name: second.name, consensus: second.consensus },
              spacings: spacing.map((s) => ({ spacing: s.spacing, effect: rounded(s.effect) })),
              bestSpacing: best?.spacing ?? null,
            }
          : {}),
        ...(ablation
          ? { ablation: { ablated: ablation.ablated, drop: rounded(ablation.drop) } }
          : {}),
      },
      (r) =>
        [
          `${r.motif.name ?? r.motif.consensus} at ${r.motif.position}: logit effect ${r.effect.mean} ± ${r.effect.sd} over ${r.backgrounds} backgrounds`,
          ...(r.spacings
            ? [
                `spacing (bases between the motifs): effect mean ± sd; best ${r.bestSpacing}`,
                ...r.spacings.map((s) => `  ${s.spacing}\t${s.effect.mean} ± ${s.effect.sd}`),
              ]
            : []),
          ...(r.ablation
            ? [
                `ablation: ${r.ablation.ablated} sequences, drop ${r.ablation.drop.mean} ± ${r.ablation.drop.sd}`,
              ]
            : []),
        ].join('\n'),
    );
  } finally {
    model.dispose();
  }
  return 0;
}
