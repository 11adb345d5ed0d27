import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';
import { CliError } from './cli-error.ts';
import { cv } from './commands/cv.ts';
import { train } from './commands/train.ts';

const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 240_000 });

const SMALL = ['--config', '{"filters":4,"kernelSize":6,"hiddenUnits":4}', '--epochs', '2'];
const FLAGS = [
  '--reverse-complement',
  '--rc-average',
  '--class-weights',
  '--lr-schedule',
  '--plateau-patience',
  '--weight-decay',
  '--select-features',
  '--selection-method',
  '--normalize',
  '--impute',
  '--impute-k',
  '--kmer',
  '--kmer-canonical',
];

/** What `work` writes to stdout. */
async function captured(work: () => Promise<unknown>): Promise<string> {
  const write = process.stdout.write;
  let text = '';
  process.stdout.write = ((chunk: string) => {
    text += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  return text;
}

let dir: string;
let table: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-choices-'));
  const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
  const sim = simulatePlantedMotifs({ count: 120, length: 30, motifs: [gata], seed: 8 });
  const rows = sim.sequences.map((s, i) => `s${i}\t${sim.labels[i] ? 'site' : 'bg'}\t${s}`);
  table = join(dir, 'gata.tsv');
  await writeFile(table, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('training choices on the command line (strand train and strand cv)', () => {
  it('lists every choice in both --help texts', async () => {
    for (const [name, command] of [
      ['train', train],
      ['cv', cv],
    ] as const) {
      const help = await captured(() => command(['--help']));
      for (const flag of FLAGS) expect(help, `${name} --help: ${flag}`).toContain(flag);
    }
  });

  it('refuses bad values and choices that do not fit the data, naming the flag', async () => {
    const cases: [string[], string][] = [
      [['--class-weights', 'bg=-1'], 'strand cv: --class-weights: classWeights must be auto'],
      [['--class-weights', 'tumour=2'], 'strand cv: --class-weights: classWeights names "tumour"'],
      [['--lr-schedule', 'step'], 'strand cv: --lr-schedule: lrSchedule must be constant'],
      [['--plateau-patience', '2'], '--plateau-patience: plateauPatience needs lrSchedule plateau'],
      [['--weight-decay', 'x'], 'strand cv: --weight-decay must be a number; got "x"'],
      [['--weight-decay', '2'], 'strand cv: --weight-decay: weightDecay must be in [0, 1]'],
      [['--kmer', '9'], 'strand cv: --kmer: kmer must be an integer from 0 (one-hot) to 6'],
      [['--impute', 'knn'], 'strand cv: --impute: impute applies to expression data'],
    ];
    for (const [args, message] of cases) {
      const error = await cv(['--train', table, ...args]).catch((e: unknown) => e);
      expect(error, args.join(' ')).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toContain(message);
    }
  });

  it('cross-validates with every choice and reports them; train saves rcAverage in strand.json', async () => {
    const choices = [
      '--reverse-complement',
      '--rc-average',
      '--class-weights',
      'bg=1,site=2',
      '--lr-schedule',
      'plateau',
      '--plateau-patience',
      '1',
      '--weight-decay',
      '0.001',
    ];
    const cv = strand('cv', '--train', table, '--folds', '2', ...SMALL, ...choices, '--json');
    expect(cv.stderr).not.toMatch(/error/i);
    expect(cv.status).toBe(0);
    const result = JSON.parse(cv.stdout);
    expect(result.training).toEqual({
      reverseComplement: true,
      rcAverage: true,
      classWeights: { bg: 1, site: 2 },
      lrSchedule: 'plateau',
      plateauPatience: 1,
      weightDecay: 0.001,
    });
    expect(result.folds).toHaveLength(2);
    const out = join(dir, 'model');
    const train = strand(
      'train',
      '--train',
      table,
      ...SMALL,
      '--rc-average',
      '--class-weights',
      'auto',
      '--out',
      out,
      '--json',
    );
    expect(train.status).toBe(0);
    const trained = JSON.parse(train.stdout);
    expect(trained.training).toEqual({ rcAverage: true, classWeights: 'auto' });
    expect(trained.classWeight).toHaveLength(2);
    const meta = JSON.parse(await readFile(join(out, 'strand.json'), 'utf8'));
    expect(meta.rcAverage).toBe(true);
  }, 480_000);
});
