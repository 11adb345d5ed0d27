import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';

const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 240_000 });

let dir: string;
let table: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-cli-'));
  const gata = BUNDLED_MOTIFS.find((m) => m.name === 'GATA1')!;
  const sim = simulatePlantedMotifs({ count: 400, length: 40, motifs: [gata], seed: 4 });
  const rows = sim.sequences.map(
    (s, i) => `s${i}\t${sim.labels[i] ? 'positive' : 'negative'}\t${s}`,
  );
  table = join(dir, 'gata.tsv');
  await writeFile(table, `id\tlabel\tsequence\n${rows.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strand train', () => {
  it('trains on a labelled sequence table with string labels, prints test metrics as JSON and saves the model', () => {
    const out = join(dir, 'model');
    const r = strand(
      'train',
      '--train',
      table,
      '--epochs',
      '10',
      '--learning-rate',
      '0.01',
      '--seed',
      '3',
      '--json',
      '--out',
      out,
      '--config',
      '{"filters":16,"kernelSize":8,"hiddenUnits":16}',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      architecture: 'deepbind',
      labels: ['negative', 'positive'],
      train: 320,
      test: 80,
      epochs: 10,
    });
    expect(Object.keys(result.metrics)).toEqual(['test_auroc', 'test_auprc', 'test_accuracy']);
    // Labels become classes in sorted order: 'positive' is class 1, the one scored.
    expect(result.metrics.test_auroc).toBeGreaterThan(0.85);
    return readFile(join(out, 'strand.json'), 'utf8').then((text) => {
      expect(JSON.parse(text)).toMatchObject({
        labelNames: ['negative', 'positive'],
        inputLength: 40,
      });
    });
  });

  it('says what is wrong with bad input, with exit code 2 for usage errors', () => {
    const missing = strand('train');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^strand train: --train FILE is required/);
    const badEpochs = strand('train', '--train', table, '--epochs', '0');
    expect(badEpochs.status).toBe(2);
    expect(badEpochs.stderr).toBe('strand train: --epochs must be an integer ≥ 1; got "0"\n');
    const noFile = strand('train', '--train', join(dir, 'nope.tsv'));
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toBe(`${join(dir, 'nope.tsv')}: cannot read (ENOENT)\n`);
    const unknown = strand('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^strand: unknown command "frobnicate"/);
  });
});
