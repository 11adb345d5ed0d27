import { parseArgs } from 'node:util';
import { BUNDLED_MOTIFS, readJasparFile } from '@strand/genomics';
import type { Pfm } from '@strand/genomics';
import { initBackend, loadModel, marginalizeMotifs, motifToInsert } from '@strand/models';
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
  --scan-step N        also the motif alone at every N-th start (0, N, 2N, …): effect by position
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

/** A motif given as a JASPAR id/name or a consensus (marginalizeMotifs' lookup). */
function motifOf(flag: string, value: string, database: readonly Pfm[]) {
  const motif = motifToInsert(value, database);
  if (motif) return motif;
  throw new CliError(
    `strand marginalize: --${flag} "${value.slice(0, 40)}" is neither a known motif id or name nor a sequence of A, C, G, T`,
    2,
  );
}

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
      'scan-step': { type: 'string' },
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
  // Default (null): centred.
  const position = values.position === undefined ? null : int('position', values.position, 0);
  const scanStep =
    values['scan-step'] === undefined ? null : int('scan-step', values['scan-step'], 1);
  const room = sequences[0]!.length - first.consensus.length;
  const positions =
    scanStep === null
      ? []
      : Array.from({ length: Math.floor(room / scanStep) + 1 }, (_, i) => i * scanStep);
  const out = createOutput(values.json);
  const backend = await initBackend();
  const { model } = await loadModel(
    await modelDirOf('marginalize', values.model as string, values['data-dir']),
  );
  try {
    out.result(
      {
        backend,
        ...marginalizeMotifs(model, sequences, {
          motif: first,
          position,
          positions,
          second,
          spacings: Array.from(
            { length: Number(range[2]) - Number(range[1]) + 1 },
            (_, i) => Number(range[1]) + i,
          ),
          ablate: values.ablate,
          backgrounds: count,
          task,
          seed,
        }),
      },
      (r) =>
        [
          `${r.motif.name ?? r.motif.consensus} at ${r.motif.position}: logit effect ${r.effect.mean} ± ${r.effect.sd} over ${r.backgrounds} backgrounds`,
          ...(r.positions
            ? [
                'position: effect mean ± sd',
                ...r.positions.map((p) => `  ${p.position}\t${p.effect.mean} ± ${p.effect.sd}`),
              ]
            : []),
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
