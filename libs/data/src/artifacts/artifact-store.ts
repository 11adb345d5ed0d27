import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { DataError } from '../errors/data-error.ts';

/**
 * Files too large or too binary for rows (dataset content, saved models), kept under one root
 * directory and addressed by paths relative to it, so the root can move (or become a shared
 * volume) without rewriting the database.
 */
export class ArtifactStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of `rel`; throws BAD_ARTIFACT_PATH for paths that could leave the root. */
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
  }

  /** The content of a file; NOT_FOUND when there is none. */
  async read(rel: string): Promise<Buffer> {
    const path = this.resolve(rel);
    try {
      return await readFile(path);
    } catch (error) {
      throw notFoundOr(error, rel);
    }
  }

  /** Whether a file or directory exists at `rel`. */
  async exists(rel: string): Promise<boolean> {
    const path = this.resolve(rel);
    return stat(path).then(
      () => true,
      () => false,
    );
  }

  /** Removes a file or a directory with its content; nothing happens when it does not exist. */
  async remove(rel: string): Promise<void> {
    await rm(this.resolve(rel), { recursive: true, force: true });
  }

  /** Size in bytes of a file, or the total of all files under a directory. */
  async sizeOf(rel: string): Promise<number> {
    const path = this.resolve(rel);
    try {
      return await totalSize(path);
    } catch (error) {
      throw notFoundOr(error, rel);
    }
  }
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
