import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/** Writes `path` via a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

/**
 * Streams `parts` into `path` via a temporary file and a rename (memory stays one part). Give
 * it blocks of many lines: a write per line costs more than making the line.
 */
export async function streamAtomically(path: string, parts: AsyncIterable<string>): Promise<void> {
  const temporary = `${path}.tmp`;
  const out = createWriteStream(temporary);
  try {
    for await (const part of parts) {
      if (!out.write(part)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  await rename(temporary, path);
}
