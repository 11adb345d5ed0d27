import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DataError } from '../errors/data-error.ts';
import { filesUnder } from './files-under.ts';
import type { ArtifactObjectStore, StoredObject } from './object-store.ts';

/**
 * Files too large or too binary for rows (dataset content, saved models, checkpoints, job
 * outputs), addressed by paths relative to the store so the database never holds a machine's
 * path.
 *
 * Two places they can live:
 * - **A directory every process shares** (embedded mode; a cluster's shared volume): `root` is
 *   that directory; `pull` and `push` only check the path.
 * - **An object store** (`remote`, e.g. an S3-compatible bucket): `root` is this process's local
 *   copy. Code that reads an artifact calls `pull` first (the object, or every object under a
 *   directory's path, is fetched when the local copy is missing or stale) and reads the local
 *   path it answers; code that writes one writes under `resolve(rel)` and calls `push` when the
 *   file or directory is complete. `writeAtomic`, `read`, `exists`, `remove` and `sizeOf` do both
 *   sides themselves.
 */
export class ArtifactStore {
  readonly root: string;
  /** The version of each local copy this process fetched or uploaded, by artifact path. */
  private readonly copies = new Map<string, string>();

  constructor(
    root: string,
    readonly remote?: ArtifactObjectStore,
  ) {
    this.root = resolve(root);
  }

  /**
   * The local path of `rel` (for a shared directory, the artifact itself; with an object store,
   * where its local copy is or will be); throws BAD_ARTIFACT_PATH for paths that could leave the
   * root. Reading it needs `pull` first; a file written there reaches other processes by `push`.
   */
  resolve(rel: string): string {
    const bad = (why: string) =>
      new DataError('BAD_ARTIFACT_PATH', `artifact path "${rel}" ${why}`);
    if (rel.length === 0) throw bad('is empty');
    if (rel.includes('\0')) throw bad('contains a NUL character');
    if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel) || rel.startsWith('\\')) {
      throw bad('is absolute; give a path relative to the artifact store');
    }
    const segments = rel.split(/[\\/]/);
    if (segments.includes('..')) throw bad('contains ".."; it must stay inside the artifact store');
    const absolute = resolve(this.root, rel);
    if (absolute === this.root || !absolute.startsWith(this.root + sep)) {
      throw bad('does not name a file inside the artifact store');
    }
    return absolute;
  }

  /**
   * Makes the artifact at `rel` (a file, or a directory with everything under it) readable at
   * the local path it answers. With an object store, fetches each object whose local copy is
   * missing or older than the stored one; NOT_FOUND when there is neither object nor directory,
   * unless `optional` (then the path is answered, and may not exist).
   */
  async pull(rel: string, { optional = false }: { optional?: boolean } = {}): Promise<string> {
    const path = this.resolve(rel);
    if (!this.remote) return path;
    const objects = await this.objectsAt(this.remote, path);
    if (objects.length === 0) {
      if (optional) return path;
      throw new DataError('NOT_FOUND', `artifact "${rel}" does not exist`);
    }
    for (const object of objects) {
      const local = join(this.root, object.key);
      if (this.copies.get(object.key) === object.version && (await isFile(local))) continue;
      await mkdir(dirname(local), { recursive: true });
      const temp = `${local}.${randomUUID()}.tmp`;
      try {
        const version = await this.remote.download(object.key, temp);
        await rename(temp, local);
        this.copies.set(object.key, version);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    }
    return path;
  }

  /**
   * Publishes what was written at the local path of `rel` (a file, or every file under a
   * directory) so other processes can `pull` it. Does nothing on a shared directory.
   */
  async push(rel: string): Promise<void> {
    const path = this.resolve(rel);
    if (!this.remote) return;
    let files: string[];
    try {
      files = await filesUnder(path);
    } catch (error) {
      throw notFoundOr(error, rel);
    }
    for (const file of files) {
      const key = this.keyOf(file);
      this.copies.set(key, await this.remote.upload(key, file));
    }
  }

  /** Writes a file so readers see the old content or the new one, never a part (temp + rename). */
  async writeAtomic(rel: string, data: string | Uint8Array): Promise<void> {
    const target = this.resolve(rel);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, data, { flush: true });
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await this.push(rel);
  }

  /** The content of a file; NOT_FOUND when there is none. */
  async read(rel: string): Promise<Buffer> {
    const path = await this.pull(rel);
    try {
      return await readFile(path);
    } catch (error) {
      throw notFoundOr(error, rel);
    }
  }

  /** Whether a file or directory exists at `rel`. */
  async exists(rel: string): Promise<boolean> {
    const path = this.resolve(rel);
    if (this.remote) {
      const key = this.keyOf(path);
      if (await this.remote.head(key)) return true;
      for await (const _ of this.remote.list(`${key}/`)) return true;
      return false;
    }
    return stat(path).then(
      () => true,
      () => false,
    );
  }

  /** Removes a file or a directory with its content; nothing happens when it does not exist. */
  async remove(rel: string): Promise<void> {
    const path = this.resolve(rel);
    await rm(path, { recursive: true, force: true });
    if (!this.remote) return;
    const keys = (await this.objectsAt(this.remote, path)).map((o) => o.key);
    for (const k of keys) this.copies.delete(k);
    if (keys.length > 0) await this.remote.delete(keys);
  }

  /** Size in bytes of a file, or the total of all files under a directory. */
  async sizeOf(rel: string): Promise<number> {
    const path = this.resolve(rel);
    if (this.remote) {
      const objects = await this.objectsAt(this.remote, path);
      if (objects.length === 0)
        throw new DataError('NOT_FOUND', `artifact "${rel}" does not exist`);
      return objects.reduce((sum, o) => sum + o.size, 0);
    }
    try {
      return await totalSize(path);
    } catch (error) {
      throw notFoundOr(error, rel);
    }
  }

  /** The stored objects of the artifact at `path`: the file's one, or every one under it. */
  private async objectsAt(remote: ArtifactObjectStore, path: string): Promise<StoredObject[]> {
    const key = this.keyOf(path);
    const single = await remote.head(key);
    return single ? [single] : await collect(remote.list(`${key}/`));
  }

  /** The object key of a local path under the root: its relative path with "/" separators. */
  private keyOf(path: string): string {
    return relative(this.root, path).split(sep).join('/');
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function totalSize(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await totalSize(join(path, entry));
  return total;
}

function notFoundOr(error: unknown, rel: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return new DataError('NOT_FOUND', `artifact "${rel}" does not exist`);
  }
  return error;
}
