import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Names of files and directories still being written: atomic writers write under such a name and
 * rename when done (import `.importing`, demo and pileups `.writing`, checkpoints `.partial`,
 * everything else `.tmp`). Never published, and swept after a crash.
 */
export const IN_PROGRESS = /\.(tmp|writing|importing|partial)$/;

/**
 * `path` itself when it is a file, else every file under it, leaving out whatever is still being
 * written (IN_PROGRESS, files and whole directories). Rejects (ENOENT) when nothing is there.
 */
export async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const files: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (IN_PROGRESS.test(entry.name)) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(child)));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}
