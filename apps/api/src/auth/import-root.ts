import { realpath } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

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
