import { parseArgs } from 'node:util';
import { designSequence, initBackend, loadModel } from '@strand/models';
import type { DesignMethod } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { MODEL_HELP, modelDirOf } from '../model-arg.ts';
import { createOutput } from '../output.ts';

const HELP = `usage: strand design --model DIR|ID --sequence ACGT… [--method greedy|beam|evolution] [--json]

  ${MODEL_HELP}
  --data-dir DIR       the embedded store for a stored --model (default: STRAND_DATA_DIR or .strand)
  --sequence SEQ       the start sequence, of the model's input length (A, C, G, T)
  --method M           greedy (default), beam or evolution (directed evolution)
  --direction D        up (default) or down: raise or lower the output's logit
  --task N             the model output (default 0)
  --max-edits N        positions that may differ from the start (default 10)
  --fixed LIST         0-based positions never edited: 3,4,10-20
  --gc MIN-MAX         allowed GC fraction, e.g. 0.35-0.65 (default 0-1)
  --beam-width N       beam's width (default 4)
  --generations N      evolution's generations (default max-edits × 5); --population N (20)
  --seed S             default 1
  --json               print the result (start, best, trajectory) as JSON`;

function int(flag: string, raw: string | undefined, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`strand design: --${flag} must be an integer ≥ ${min}; got "${raw}"`, 2);
  return n;
}

/** `a,b,c-d` → positions. */
function positions(raw: string): number[] {
  const out: number[] = [];
  for (const part of raw.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new CliError(`strand design: --fixed "${raw}" is not a list like 3,4,10-20`, 2);
    for (let p = Number(m[1]); p <= Number(m[2] ?? m[1]); p++) out.push(p);
  }
  return out;
}

/** `strand design`: edits that raise or lower a model output under constraints, with the path. */
export async function design(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      model: { type: 'string' },
      'data-dir': { type: 'string' },
      sequence: { type: 'string' },
      method: { type: 'string', default: 'greedy' },
      direction: { type: 'string', default: 'up' },
      task: { type: 'string', default: '0' },
      'max-edits': { type: 'string', default: '10' },
      fixed: { type: 'string' },
      gc: { type: 'string', default: '0-1' },
      'beam-width': { type: 'string', default: '4' },
      generations: { type: 'string' },
      population: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  for (const flag of ['model', 'sequence'] as const) {
    if (!values[flag]) throw new CliError(`strand design: --${flag} is required\n${HELP}`, 2);
  }
  const method = values.method as DesignMethod;
  if (!['greedy', 'beam', 'evolution'].includes(method))
    throw new CliError(
      `strand design: --method must be greedy, beam or evolution; got "${values.method}"`,
      2,
    );
  if (values.direction !== 'up' && values.direction !== 'down')
    throw new CliError(
      `strand design: --direction must be up or down; got "${values.direction}"`,
      2,
    );
  const gc = /^([\d.]+)-([\d.]+)$/.exec(values.gc ?? '');
  if (!gc)
    throw new CliError(
      `strand design: --gc must be MIN-MAX, e.g. 0.35-0.65; got "${values.gc}"`,
      2,
    );
  const maxEdits = int('max-edits', values['max-edits'], 1);
  const out = createOutput(values.json);
  const backend = await initBackend();
  const { model } = await loadModel(
    await modelDirOf('design', values.model as string, values['data-dir']),
  );
  try {
    const result = designSequence(model, values.sequence as string, {
      method,
      direction: values.direction,
      task: int('task', values.task, 0),
      maxEdits,
      ...(values.fixed ? { fixed: positions(values.fixed) } : {}),
      gc: [Number(gc[1]), Number(gc[2])],
      beamWidth: int('beam-width', values['beam-width'], 1),
      population: int('population', values.population, 1),
      ...(values.generations ? { generations: int('generations', values.generations, 1) } : {}),
      seed: int('seed', values.seed, 0),
    });
    out.result({ backend, target: 'logit', ...result }, (r) =>
      [
        `start ${r.start.score.toFixed(4)} → best ${r.best.score.toFixed(4)} with ${r.best.edits.length} edits (${r.method})`,
        r.best.sequence,
        ...r.best.edits.map((e) => `  ${e.position + 1}\t${e.from}>${e.to}`),
        `trajectory: ${r.trajectory.map((s) => s.score.toFixed(3)).join(' → ')}`,
      ].join('\n'),
    );
  } finally {
    model.dispose();
  }
  return 0;
}
