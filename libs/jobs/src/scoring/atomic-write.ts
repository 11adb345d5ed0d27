import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

/** Writes `path` via a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

/** Streams `lines` into `path` via a temporary file and a rename (memory stays flat). */
export async function streamAtomically(path: string, lines: AsyncIterable<string>): Promise<void> {
  const temporary = `${path}.tmp`;
  const out = createWriteStream(temporary);
  try {
    for await (const line of lines) {
      if (!out.write(line)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  await rename(temporary, path);
}
