import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DataError } from '../errors/data-error.ts';
import { ArtifactStore } from './artifact-store.ts';
import { DirectoryObjectStore } from './directory-object-store.ts';

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

describe('ArtifactStore over an object store (a local copy per process)', () => {
  let bucket: DirectoryObjectStore;
  let a: ArtifactStore;
  let b: ArtifactStore;
  beforeEach(() => {
    bucket = new DirectoryObjectStore(join(dir, 'bucket'));
    a = new ArtifactStore(join(dir, 'a'), bucket);
    b = new ArtifactStore(join(dir, 'b'), bucket);
  });

  test('what one pushes the other pulls: a file, or a directory with everything under it', async () => {
    await mkdir(a.resolve('models/r1/weights'), { recursive: true });
    await writeFile(a.resolve('models/r1/model.json'), '{"a":1}');
    await writeFile(a.resolve('models/r1/weights/w.bin'), new Uint8Array(1000));
    // Not yet published: the other process does not see it.
    expect(await b.exists('models/r1')).toBe(false);
    await expect(b.pull('models/r1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await b.pull('models/r1', { optional: true })).toBe(b.resolve('models/r1'));

    await a.push('models/r1');
    expect(await b.exists('models/r1')).toBe(true);
    expect(await b.exists('models/r1/model.json')).toBe(true);
    expect(await b.sizeOf('models/r1')).toBe(1007);
    const local = await b.pull('models/r1');
    expect(local).toBe(join(dir, 'b', 'models/r1'));
    expect(await readFile(join(local, 'model.json'), 'utf8')).toBe('{"a":1}');
    expect((await readFile(join(local, 'weights/w.bin'))).length).toBe(1000);
    expect((await b.read('models/r1/model.json')).toString()).toBe('{"a":1}');
  });

  test('a replaced object is fetched again; an unchanged one is not', async () => {
    await a.writeAtomic('splits/s.json', 'one');
    expect((await b.read('splits/s.json')).toString()).toBe('one');
    // A local edit the store never saw stays until the stored object changes.
    await writeFile(b.resolve('splits/s.json'), 'local');
    expect((await b.read('splits/s.json')).toString()).toBe('local');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.writeAtomic('splits/s.json', 'two!');
    expect((await b.read('splits/s.json')).toString()).toBe('two!');
    expect(await readdir(join(dir, 'b', 'splits'))).toEqual(['s.json']);
  });

  test('remove deletes the objects and the local copy; pushing nothing is NOT_FOUND', async () => {
    await a.writeAtomic('jobs/j1/scores.tsv', 'x\n');
    await a.writeAtomic('jobs/j1/scores.vcf', 'y\n');
    await b.pull('jobs/j1');
    await b.remove('jobs/j1');
    expect(await a.exists('jobs/j1')).toBe(false);
    expect(await readdir(join(dir, 'bucket', 'jobs', 'j1')).catch(() => [])).toEqual([]);
    await expect(a.sizeOf('jobs/j1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(a.push('jobs/none')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.remove('jobs/j1')).resolves.toBeUndefined();
  });

  test('what is still being written (.tmp, .writing, a .partial directory) is not published with its directory', async () => {
    await mkdir(a.resolve('d/epoch-2.abc.partial'), { recursive: true });
    await writeFile(a.resolve('d/done.arrow'), 'x');
    await writeFile(a.resolve('d/done.arrow.1234.tmp'), 'partial');
    await writeFile(a.resolve('d/table.arrow.writing'), 'partial');
    await writeFile(a.resolve('d/epoch-2.abc.partial/state.json'), '{}');
    await a.push('d');
    const keys: string[] = [];
    for await (const o of bucket.list('d/')) keys.push(o.key);
    expect(keys).toEqual(['d/done.arrow']);
  });
});
