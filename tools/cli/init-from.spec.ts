import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';
import { loadModel } from '@strand/models';
import { CliError } from './cli-error.ts';
import { train } from './commands/train.ts';

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

/** Every weight of one layer of a saved model, as raw bytes (bit-identical comparisons). */
async function layerBytes(dir: string, layer: string): Promise<Buffer[]> {
  const { model } = await loadModel(dir);
  try {
    return model
      .getLayer(layer)
      .getWeights()
      .map((w) => Buffer.from((w.dataSync() as Float32Array).buffer.slice(0)));
  } finally {
    model.dispose();
  }
}

const SMALL = ['--config', '{"filters":4,"kernelSize":6,"hiddenUnits":4}', '--epochs', '2'];

let dir: string;
let binary: string;
let threeClass: string;
let longer: string;

async function table(name: string, rows: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-init-from-'));
  const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
  const sim = simulatePlantedMotifs({ count: 120, length: 30, motifs: [gata], seed: 8 });
  binary = await table(
    'gata.tsv',
    sim.sequences.map((s, i) => `s${i}\t${sim.labels[i] ? 'site' : 'bg'}\t${s}`),
  );
  threeClass = await table(
    'three.tsv',
    sim.sequences.map((s, i) => `s${i}\t${sim.labels[i] ? 'site' : i % 2 ? 'bg1' : 'bg2'}\t${s}`),
  );
  longer = await table(
    'longer.tsv',
    sim.sequences.map((s, i) => `s${i}\t${sim.labels[i] ? 'site' : 'bg'}\t${s}ACGTACGTAC`),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strand train --init-from (transfer learning)', () => {
  it('fine-tunes from a saved model: frozen layers stay bit-identical, the rest trains; a new task gets a new head', async () => {
    const a = join(dir, 'a');
    await captured(() => train(['--train', binary, ...SMALL, '--seed', '1', '--out', a]));

    // Same task: every layer is copied; the convolution is frozen, the head trains on.
    const b = join(dir, 'b');
    const tuned = JSON.parse(
      await captured(() =>
        train([
          '--train',
          binary,
          '--init-from',
          a,
          '--freeze',
          'conv',
          '--epochs',
          '2',
          '--seed',
          '2',
          '--out',
          b,
          '--json',
        ]),
      ),
    );
    expect(tuned.architecture).toBe('deepbind');
    expect(tuned.config).toMatchObject({ filters: 4, kernelSize: 6, hiddenUnits: 4 });
    expect(tuned.initFrom).toEqual({
      model: a,
      modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      architecture: 'deepbind',
      freeze: 'conv',
      copied: ['conv1', 'dense1', 'output'],
      frozen: ['conv1'],
    });
    expect(await layerBytes(b, 'conv1')).toEqual(await layerBytes(a, 'conv1'));
    const headA = await layerBytes(a, 'output');
    const headB = await layerBytes(b, 'output');
    expect(headB.map((w) => w.length)).toEqual(headA.map((w) => w.length));
    expect(headB[0]?.equals(headA[0]!)).toBe(false);

    // Three classes: the head changes shape, so it is new; the whole trunk is frozen.
    const c = join(dir, 'c');
    const multi = JSON.parse(
      await captured(() =>
        train([
          '--train',
          threeClass,
          '--init-from',
          a,
          '--freeze',
          'all-but-head',
          '--epochs',
          '2',
          '--out',
          c,
          '--json',
        ]),
      ),
    );
    expect(multi.task).toBe('multiclass');
    expect(multi.initFrom.copied).toEqual(['conv1', 'dense1']);
    expect(multi.initFrom.frozen).toEqual(['conv1', 'dense1']);
    expect(await layerBytes(c, 'conv1')).toEqual(await layerBytes(a, 'conv1'));
    expect(await layerBytes(c, 'dense1')).toEqual(await layerBytes(a, 'dense1'));

    // What cannot work is refused, naming the flag.
    const cases: [string[], string][] = [
      [['--train', binary, '--freeze', 'conv'], '--freeze goes with --init-from MODEL'],
      [['--train', binary, '--init-from', a, '--freeze', 'top'], '--freeze must be none, N'],
      [
        ['--train', binary, '--init-from', join(dir, 'nowhere')],
        '--init-from "' + join(dir, 'nowhere') + '" is neither a directory nor a stored model',
      ],
      [
        ['--train', longer, '--init-from', a],
        `--init-from model ${a} reads sequences of 30 × 4; ${longer} has 40 × 4`,
      ],
      [
        ['--train', binary, '--init-from', a, '--architecture', 'basset'],
        `--init-from model ${a} is a deepbind; train a deepbind from it, not a basset`,
      ],
      [
        ['--train', binary, '--init-from', a, '--freeze', '4'],
        'freeze: 4 is not a count of layers with weights from 0 to 3',
      ],
    ];
    for (const [args, message] of cases) {
      const error = await captured(() => train(args)).catch((e: unknown) => e);
      expect(error, args.join(' ')).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode, args.join(' ')).toBe(2);
      expect((error as CliError).message).toContain(message);
    }
  }, 240_000);
});
