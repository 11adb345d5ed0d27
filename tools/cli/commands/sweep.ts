import { describeParams, loadLabelledData, runSweep } from '@strand/jobs';
import type { ParamRange, SweepSpace, SweepTrial } from '@strand/jobs';
import { initBackend } from '@strand/models';
import { CliError } from '../cli-error.ts';
import { createOutput } from '../output.ts';
import { withCliErrors } from '../training/learning-errors.ts';
import { parseArgs, readTrainArgs, TRAIN_HELP, TRAIN_OPTIONS } from '../training/train-args.ts';

const HELP = `usage: strand sweep --train FILE --param NAME=VALUES [--param …] [options]

Hyperparameter sweep: each trial trains with its own values on the same data, validation rows
and seed; its score is the best validation metric over its epochs.
  --param NAME=VALUES   NAME: learningRate, batchSize or config.<field>; VALUES: a list
                        (0.001,0.01 or JSON: '[[64],[128,64]]') or, for --method random, a range
                        MIN:MAX[:log][:int] (e.g. learningRate=0.0001:0.1:log)
  --method M            grid (default: every combination) or random
  --max-trials N        at most N trials (default: the whole grid; 10 random)
  --metric NAME         e.g. val_auroc (default for binary), val_accuracy (multiclass), val_loss
  --direction D         maximize or minimize (default: minimize for losses, else maximize)
  --prune-after N       median stopping: after N epochs, stop a trial whose best metric so far
                        is worse than the median of the completed trials at that epoch
  --validation-fraction F  validation share, the same rows for every trial (default 0.2)
${TRAIN_HELP}`;

/** `strand sweep`: trials with their status and score, and the best trial. */
export async function sweep(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...TRAIN_OPTIONS,
      param: { type: 'string', multiple: true },
      method: { type: 'string', default: 'grid' },
      'max-trials': { type: 'string' },
      metric: { type: 'string' },
      direction: { type: 'string' },
      'prune-after': { type: 'string' },
      'validation-fraction': { type: 'string', default: '0.2' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const { param, method, direction, ...rest } = values;
  const args = readTrainArgs('strand sweep', rest, HELP);
  if (!param?.length) throw new CliError(`strand sweep: give at least one --param\n${HELP}`, 2);
  if (method !== 'grid' && method !== 'random')
    throw new CliError(`strand sweep: --method must be grid or random; got "${method}"`, 2);
  if (direction !== undefined && direction !== 'maximize' && direction !== 'minimize')
    throw new CliError(
      `strand sweep: --direction must be maximize or minimize; got "${direction}"`,
      2,
    );
  const space = parseSpace(param);
  const maxTrials = optionalInt('--max-trials', values['max-trials']);
  const pruneAfter = optionalInt('--prune-after', values['prune-after']);
  const validationFraction = Number(values['validation-fraction']);
  const out = createOutput(args.json);
  return withCliErrors('strand sweep', async () => {
    const data = await loadLabelledData(args.files);
    const backend = await initBackend();
    // Printed once the sweep has checked its space and every trial's config.
    const header = `Sweeping ${args.architecture} (${method}) on ${data.count} records (${data.labelNames.join(' / ')}; backend ${backend}, seed ${args.seed}).`;
    const result = await runSweep({
      data,
      architecture: args.architecture,
      config: args.config,
      space,
      method,
      ...(maxTrials !== undefined ? { maxTrials } : {}),
      ...(values.metric !== undefined ? { metric: values.metric } : {}),
      ...(direction !== undefined ? { direction } : {}),
      seed: args.seed,
      epochs: args.epochs,
      batchSize: args.batchSize,
      learningRate: args.learningRate,
      workers: args.workers,
      validationFraction,
      ...(pruneAfter !== undefined ? { earlyStop: { after: pruneAfter, rule: 'median' } } : {}),
      onTrialStart: (t) => {
        if (t.trial === 1) out.info(header);
        out.info(`trial ${t.trial}: ${describeParams(t.params)}`);
      },
      onEpoch: (trial, e) =>
        out.progress(`trial ${trial} epoch ${e.epoch}/${e.epochs}`, e.epoch, e.epochs),
      onTrialEnd: (t) =>
        out.info(
          `trial ${t.trial}: ${t.status}, best ${format(t.value)} at epoch ${t.bestEpoch ?? '-'}`,
        ),
    });
    out.result(result, (r) =>
      [
        `trial\tstatus\tepochs\t${r.metric}\tparams`,
        ...r.trials.map(
          (t: SweepTrial) =>
            `${t.trial}\t${t.status}\t${t.epochs}\t${format(t.value)}\t${describeParams(t.params)}`,
        ),
        r.best
          ? `best: trial ${r.best.trial} (${describeParams(r.best.params)}), ${r.metric} ${format(r.best.value)}`
          : 'best: none (no completed trial has a defined metric)',
      ].join('\n'),
    );
    return 0;
  });
}

const format = (v: number) => (Number.isNaN(v) ? 'NaN' : v.toFixed(4));

function optionalInt(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`strand sweep: ${flag} must be an integer ≥ 1; got "${raw}"`, 2);
  return n;
}

/** `name=v1,v2`, `name=[json values]` or `name=min:max[:log][:int]`, one per --param. */
export function parseSpace(params: string[]): SweepSpace {
  const space: Record<string, unknown[] | ParamRange> = {};
  for (const text of params) {
    const at = text.indexOf('=');
    const name = text.slice(0, at).trim();
    const raw = text.slice(at + 1).trim();
    if (at < 1 || raw === '')
      throw new CliError(`strand sweep: --param "${text}" is not NAME=VALUES`, 2);
    if (name in space) throw new CliError(`strand sweep: --param ${name} is given twice`, 2);
    space[name] = raw.startsWith('[')
      ? jsonList(name, raw)
      : raw.includes(':')
        ? range(name, raw)
        : raw.split(',').map(scalar);
  }
  return space;
}

function jsonList(name: string, raw: string): unknown[] {
  try {
    const list: unknown = JSON.parse(raw);
    if (Array.isArray(list)) return list;
  } catch {
    // reported below
  }
  throw new CliError(`strand sweep: --param ${name}: "${raw}" is not a JSON list of values`, 2);
}

function range(name: string, raw: string): ParamRange {
  const [min, max, ...flags] = raw.split(':');
  const unknown = flags.filter((f) => f !== 'log' && f !== 'int');
  if (Number.isNaN(Number(min)) || Number.isNaN(Number(max)) || unknown.length) {
    throw new CliError(
      `strand sweep: --param ${name}: "${raw}" is not a range MIN:MAX[:log][:int]`,
      2,
    );
  }
  return {
    min: Number(min),
    max: Number(max),
    ...(flags.includes('log') ? { log: true } : {}),
    ...(flags.includes('int') ? { integer: true } : {}),
  };
}

function scalar(text: string): unknown {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  return t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t;
}
