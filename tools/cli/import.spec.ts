import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '@strand/genomics/testing';

const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
let dir: string;
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args, '--data-dir', join(dir, 'store')], {
    encoding: 'utf8',
    timeout: 60_000,
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('strand import / inspect', () => {
  it('imports a labelled sequence table into the embedded store and inspects it', async () => {
    const file = join(dir, 'seqs.tsv');
    await writeFile(
      file,
      'id\tlabel\tsequence\na\tbound\tACGTGG\nb\tfree\tTTGACA\nc\tbound\tGGGCCC\n',
    );
    const imported = strand('import', 'sequence-classification', file, '--name', 'tiny', '--json');
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({
      name: 'tiny',
      records: 3,
      sequenceLength: 6,
      labelCounts: { bound: 2, free: 1 },
    });
    const inspected = strand('inspect', 'tiny', '--json');
    expect(JSON.parse(inspected.stdout).summary).toMatchObject({
      labelNames: ['bound', 'free'],
      gcFraction: 12 / 18,
      nFraction: 0,
    });
  });

  it('stops at the first malformed record with FILE:LINE: reason, stores nothing', async () => {
    const file = join(dir, 'bad.tsv');
    await writeFile(file, 'id\tlabel\tsequence\na\t1\tACGT\nb\t0\tAC!T\n');
    const r = strand('import', 'sequence-classification', file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^bad\.tsv:3: /);
    expect(strand('inspect', 'bad.tsv').stderr).toBe('strand inspect: no dataset "bad.tsv"\n');
  });
});

describe('strand train --dataset', () => {
  it('trains on an imported dataset by name, with a stratified test hold-out', async () => {
    const promoters = sharedDataPath('sequences/promoters_uci/promoters.tsv');
    if (!existsSync(promoters)) {
      console.warn(`skipped: ${promoters} is absent (see /work/shared/data/README.md)`);
      return;
    }
    expect(strand('import', 'sequence-classification', promoters, '--name', 'prom').status).toBe(0);
    const args = ['--epochs', '1', '--seed', '3', '--json'];
    const stored = strand('train', '--dataset', 'prom', ...args);
    expect(stored.stderr).toBe('');
    expect(JSON.parse(stored.stdout)).toMatchObject({
      train: 84,
      test: 22,
      labels: ['non_promoter', 'promoter'],
      validation: { method: 'stratified-holdout', train: 76, validation: 8 },
    });
    const missing = strand('train', '--dataset', 'nope');
    expect([missing.status, missing.stderr]).toEqual([
      2,
      'strand train: no dataset with id or name "nope"\n',
    ]);
    const clash = strand('train', '--dataset', 'prom', '--label-column', 'x');
    expect(clash.stderr).toBe(
      'strand train: --dataset trains on the stored dataset as imported; --label-column go with --train FILE\n',
    );
  }, 150_000);
});

describe('strand import --api', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, 'import', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, STRAND_TOKEN: '' },
    });

  it('says what is wrong with the options before sending anything', async () => {
    const file = join(dir, 'few.tsv');
    await writeFile(file, 'id\tlabel\tsequence\na\tx\tACGT\n');
    expect(run('sequence-classification', file, '--api', 'http://127.0.0.1:9')).toMatchObject({
      status: 2,
      stderr: 'strand import: --api needs --token or STRAND_TOKEN\n',
    });
    expect(run('sequence-classification', file, '--project', 'lab')).toMatchObject({
      status: 2,
      stderr: 'strand import: --project and --token go with --api\n',
    });
    expect(
      run('sequence-classification', file, '--api', 'not a url', '--token', 't'),
    ).toMatchObject({
      status: 2,
      stderr: 'strand import: --api "not a url" is not an http(s) URL\n',
    });
  });

  it('exits 1 naming the API it cannot reach', async () => {
    const file = join(dir, 'few.tsv');
    await writeFile(file, 'id\tlabel\tsequence\na\tx\tACGT\n');
    // Port 9 (discard) on loopback: nothing listens there.
    const r = run('sequence-classification', file, '--api', 'http://127.0.0.1:9', '--token', 't');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^cannot reach http:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/,
    );
  });
});
