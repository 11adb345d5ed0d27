import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DataError } from '../errors/data-error.ts';
import { ArtifactStore } from './artifact-store.ts';

let dir: string;
let store: ArtifactStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-artifacts-'));
  store = new ArtifactStore(join(dir, 'artifacts'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function thrown(fn: () => unknown): DataError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

describe('ArtifactStore.resolve', () => {
  test('maps a relative path under the root', () => {
    expect(store.resolve('models/r1/model.json')).toBe(join(dir, 'artifacts/models/r1/model.json'));
    expect(store.resolve('./a//b')).toBe(join(dir, 'artifacts/a/b'));
  });

  test.each([
    ['/etc/passwd', 'is absolute; give a path relative to the artifact store'],
    ['C:\\Windows', 'is absolute; give a path relative to the artifact store'],
    ['\\\\server\\share', 'is absolute; give a path relative to the artifact store'],
    ['../outside', 'contains ".."; it must stay inside the artifact store'],
    ['models/../../outside', 'contains ".."; it must stay inside the artifact store'],
    ['models\\..\\..\\outside', 'contains ".."; it must stay inside the artifact store'],
    ['a/..', 'contains ".."; it must stay inside the artifact store'],
    ['', 'is empty'],
    ['.', 'does not name a file inside the artifact store'],
    ['a\0b', 'contains a NUL character'],
  ])('rejects %j with BAD_ARTIFACT_PATH', (rel, why) => {
    const error = thrown(() => store.resolve(rel));
    expect(error.code).toBe('BAD_ARTIFACT_PATH');
    expect(error.message).toBe(`artifact path "${rel}" ${why}`);
  });

  test('every operation refuses an escaping path before touching the disk', async () => {
    await writeFile(join(dir, 'secret'), 'x');
    const ops = [
      () => store.writeAtomic('../secret', 'overwritten'),
      () => store.read('../secret'),
      () => store.exists('../secret'),
      () => store.remove('../secret'),
      () => store.sizeOf('../secret'),
    ];
    for (const op of ops) await expect(op()).rejects.toMatchObject({ code: 'BAD_ARTIFACT_PATH' });
    expect(await readFile(join(dir, 'secret'), 'utf8')).toBe('x');
  });
});

describe('ArtifactStore files', () => {
  test('writeAtomic creates parent dirs, replaces content and leaves no temp files', async () => {
    await store.writeAtomic('datasets/d1/sequences.tsv', 'id\tlabel\n');
    await store.writeAtomic('datasets/d1/sequences.tsv', new Uint8Array([1, 2, 3]));
    expect([...(await store.read('datasets/d1/sequences.tsv'))]).toEqual([1, 2, 3]);
    expect(await readdir(join(dir, 'artifacts/datasets/d1'))).toEqual(['sequences.tsv']);
  });

  test('a failed write leaves the old content and no temp file', async () => {
    await store.writeAtomic('m/file', 'old');
    // A directory where the file should be makes the rename fail.
    await store.writeAtomic('m/dir/keep', 'x');
    await expect(store.writeAtomic('m/dir', 'new')).rejects.toThrow();
    expect(await readdir(join(dir, 'artifacts/m'))).toEqual(['dir', 'file']);
    expect((await store.read('m/file')).toString()).toBe('old');
  });

  test('exists, sizeOf (file and directory total) and remove', async () => {
    await store.writeAtomic('models/r1/model.json', '{"a":1}');
    await store.writeAtomic('models/r1/weights/group1-shard1of1.bin', new Uint8Array(1000));
    expect(await store.exists('models/r1')).toBe(true);
    expect(await store.exists('models/r2')).toBe(false);
    expect(await store.sizeOf('models/r1/model.json')).toBe(7);
    expect(await store.sizeOf('models/r1')).toBe(1007);

    await store.remove('models/r1');
    expect(await store.exists('models/r1')).toBe(false);
    await expect(store.remove('models/r1')).resolves.toBeUndefined();
  });

  test('reading or sizing what is not there is NOT_FOUND', async () => {
    await expect(store.read('nope.txt')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'artifact "nope.txt" does not exist',
    });
    await expect(store.sizeOf('nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'artifact "nope" does not exist',
    });
  });
});
