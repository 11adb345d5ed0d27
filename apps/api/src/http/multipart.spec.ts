import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryOf, MultipartError, receiveMultipart, TooLarge } from './multipart.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-multipart-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const BOUNDARY = 'strand-b0undary';

function body(parts: { field: string; filename?: string; content: Buffer }[]): Buffer {
  const pieces = parts.flatMap(({ field, filename, content }) => [
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"${filename ? `; filename="${filename}"` : ''}\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    content,
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([
    Buffer.from('preamble\r\n'),
    ...pieces,
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}

/** `bytes` as chunks cut at the given places. */
async function* chunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const end of [...at, bytes.length]) {
    if (end > from) yield bytes.subarray(from, end);
    from = end;
  }
}

// Contents that come close to the delimiter: CRLFs, dashes, and the boundary's own prefix.
const CONTENT = fc
  .array(
    fc.constantFrom('a', '\r', '\n', '\r\n', '-', '--', `--${BOUNDARY.slice(0, 6)}`, '\t', 'é'),
    {
      maxLength: 30,
    },
  )
  .map((p) => Buffer.from(p.join('')));

describe('receiveMultipart', () => {
  it('writes every part exactly, however the body is chunked', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        CONTENT,
        CONTENT,
        fc.array(fc.nat(), { maxLength: 8 }),
        async (a, b, cuts) => {
          const out = join(dir, `run-${run++}`);
          const { mkdir } = await import('node:fs/promises');
          await mkdir(out);
          const parts = await receiveMultipart(
            chunks(
              body([
                { field: 'file', filename: 'm.tsv', content: a },
                { field: 'labels', content: b },
              ]),
              cuts,
            ),
            BOUNDARY,
            out,
            1e6,
          );
          expect(parts.map(({ field, filename, bytes }) => ({ field, filename, bytes }))).toEqual([
            { field: 'file', filename: 'm.tsv', bytes: a.length },
            { field: 'labels', filename: 'labels', bytes: b.length },
          ]);
          expect((await readFile(parts[0].path)).equals(a)).toBe(true);
          expect((await readFile(parts[1].path)).equals(b)).toBe(true);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });

  it('refuses a body over the limit, a truncated one, and a part without a name', async () => {
    const whole = body([{ field: 'file', content: Buffer.alloc(5000, 65) }]);
    await expect(
      receiveMultipart(chunks(whole, [1000]), BOUNDARY, dir, 4000),
    ).rejects.toBeInstanceOf(TooLarge);
    await expect(
      receiveMultipart(chunks(whole.subarray(0, 3000), []), BOUNDARY, dir, 1e6),
    ).rejects.toThrow(new MultipartError('the body ends before the closing boundary'));
    const nameless = Buffer.from(
      `--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--`,
    );
    await expect(receiveMultipart(chunks(nameless, []), BOUNDARY, dir, 1e6)).rejects.toThrow(
      'a part has no Content-Disposition name',
    );
  });

  it('reads the boundary of a multipart content type only', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('text/tab-separated-values')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
    expect(() => boundaryOf('multipart/form-data')).toThrow(
      'multipart/form-data without a boundary',
    );
  });
});
