import { realpath } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';
import type { UserError } from '../types/user-error.type.ts';
import { userError } from './access.ts';

/**
 * Server-side files (imports, reference genomes) are read only from one directory, so a project
 * member cannot make the server read (and echo in parse errors) files elsewhere on the machine.
 */
export function importRoot(): string | null {
  return process.env.STRAND_IMPORT_DIR ?? null;
}

/**
 * The real path of `path` (relative to `root`, or absolute) when it exists and lies inside
 * `root` after resolving symbolic links; null otherwise.
 */
export async function insideRoot(root: string, path: string): Promise<string | null> {
  const full = isAbsolute(path) ? path : join(root, path);
  const [real, realRoot] = await Promise.all([
    realpath(full).catch(() => null),
    realpath(root).catch(() => null),
  ]);
  if (!real || !realRoot) return null;
  return real === realRoot || real.startsWith(realRoot + sep) ? real : null;
}

/**
 * A server-side file a mutation names in `field`: its real path inside the import directory, or
 * the user error to answer with (IMPORT_DISABLED when server-side files are off, FILE_NOT_FOUND
 * when it is not there). Check the caller's role first: a caller who may not use the files must
 * learn nothing about the directory.
 */
export async function importFile(
  field: string,
  path: string,
): Promise<{ path: string } | { error: UserError }> {
  const root = importRoot();
  if (!root) {
    const message = 'server-side files are off: set STRAND_IMPORT_DIR on the server';
    return { error: userError(field, 'IMPORT_DISABLED', message) };
  }
  const real = await insideRoot(root, path);
  if (!real) {
    const message = `no file "${path}" in the import directory`;
    return { error: userError(field, 'FILE_NOT_FOUND', message) };
  }
  return { path: real };
}
