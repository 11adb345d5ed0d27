import { copyFile, mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { DataError } from '../errors/data-error.ts';
import { filesUnder } from './files-under.ts';
import type { ArtifactObjectStore, StoredObject } from './object-store.ts';

/**
 * An object store kept in a directory (each object a file under its key): object semantics
 * (whole-object put and get, listing by key prefix) without a server. It stands in for an
 * S3-compatible bucket where processes must not share their artifact directories, as in the
 * specs that give every "machine" its own local copy.
 */
export class DirectoryObjectStore implements ArtifactObjectStore {
  readonly root: string;
  readonly description: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `directory ${this.root}`;
  }

  async head(key: string): Promise<StoredObject | null> {
    const info = await stat(this.fileOf(key)).catch(() => null);
    return info?.isFile() ? { key, size: info.size, version: versionOf(info) } : null;
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    const base = prefix.endsWith('/') ? prefix.slice(0, -1) : posix.dirname(prefix);
    const start = base === '.' || base === '' ? this.root : this.fileOf(base);
    const files = await filesUnder(start).catch(() => []);
    for (const key of files.map((file) => relative(this.root, file).split(sep).join('/'))) {
      if (!key.startsWith(prefix)) continue;
      const object = await this.head(key);
      if (object) yield object;
    }
  }

  async download(key: string, file: string): Promise<string> {
    const source = this.fileOf(key);
    const before = await stat(source).catch(() => null);
    if (!before?.isFile()) throw new DataError('NOT_FOUND', `object "${key}" does not exist`);
    await copyFile(source, file);
    return versionOf(before);
  }

  async upload(key: string, file: string): Promise<string> {
    const target = this.fileOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await copyFile(file, temp);
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return versionOf(await stat(target));
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) await rm(this.fileOf(key), { force: true });
  }

  private fileOf(key: string): string {
    const file = resolve(this.root, key);
    if (!file.startsWith(this.root + sep)) {
      throw new DataError('BAD_ARTIFACT_PATH', `object key "${key}" leaves the store`);
    }
    return file;
  }
}

function versionOf(info: { mtimeMs: number; size: number; ino: number }): string {
  return `${info.ino}-${info.mtimeMs}-${info.size}`;
}
