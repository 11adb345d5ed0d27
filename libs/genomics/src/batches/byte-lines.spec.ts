import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgzipCompress } from '../io/bgzip.ts';
import type { TextSource } from '../io/open-text.ts';
import { openText } from '../io/open-text.ts';
import { openByteLines } from './byte-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-byte-lines-'));

/** The lines ByteLines gives, as openText reports them (one `\r` before the line end dropped). */
async function byteLines(source: TextSource): Promise<[number, string][]> {
  const lines = await openByteLines(source, 'x.bed');
  const out: [number, string][] = [];
  try {
    for (;;) {
      if (lines.next()) {
        const to =
          lines.to > lines.from && lines.bytes[lines.to - 1] === 13 ? lines.to - 1 : lines.to;
        out.push([lines.number, lines.bytes.toString('utf8', lines.from, to)]);
      } else if (!(await lines.fill())) return out;
    }
  } finally {
    await lines.close();
  }
}

async function textLines(source: TextSource): Promise<[number, string][]> {
  const out: [number, string][] = [];
  for await (const { line, number } of openText(source)) out.push([number, line]);
  return out;
}

/** `bytes` cut at the given places into a stream of chunks. */
function chunked(bytes: Buffer, cuts: number[]): Readable {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks = [...at, bytes.length].map((end, i) => bytes.subarray(i ? at[i - 1] : 0, end));
  return Readable.from(chunks.filter((c) => c.length > 0));
}

// A byte-order mark at the start, or none. (Not two: openText drops a second one too — its
// TextDecoder drops the first — where ByteLines, like the Unicode standard, keeps it as text.)
const TEXT = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.constantFrom('a', 'chr1', '\t', '\n', '\r', '\r\n', ' ', 'é', '€', '\ufeff', '12'),
      {
        maxLength: 40,
      },
    ),
  )
  .map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join('').replace(/^\ufeff/, 'a'));

describe('ByteLines', () => {
  it('splits any text into the lines openText gives, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(TEXT, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const bytes = Buffer.from(text);
        expect(await byteLines(chunked(bytes, cuts))).toEqual(
          await textLines(Readable.from([bytes])),
        );
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reads plain, gzip and bgzip files, and lines longer than its buffer', async () => {
    const long = 'x'.repeat(200_000);
    const text = `\ufeffchr1\t1\t2\r\n${long}\n\nlast\r`;
    const expected = [
      [1, 'chr1\t1\t2'],
      [2, long],
      [3, ''],
      [4, 'last'],
    ];
    const files = { plain: Buffer.from(text), gzip: gzipSync(text), bgzip: bgzipCompress(text) };
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, `${name}.bed`);
      writeFileSync(path, bytes);
      expect(await byteLines(path)).toEqual(expected);
      expect(await byteLines(Readable.from([bytes]))).toEqual(expected);
    }
  });

  it('names the line where corrupt gzip data stops it', async () => {
    const bytes = gzipSync('chr1\t1\t2\n'.repeat(10_000));
    const truncated = bytes.subarray(0, bytes.length - 200);
    await expect(byteLines(Readable.from([truncated]))).rejects.toMatchObject({
      code: 'FORMAT_ERROR',
      message: expect.stringMatching(/^x\.bed:\d+: gzip data is corrupt or truncated \(/),
    });
  });
});
