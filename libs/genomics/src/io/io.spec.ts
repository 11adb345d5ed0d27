import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bgzipCompress } from './bgzip.ts';
import { FILE_CHUNK_BYTES, fileChunks, sha256OfFiles } from './file-chunks.ts';
import { detectCompression } from './detect-compression.ts';
import { openText } from './open-text.ts';
import type { TextLine, TextSource } from './open-text.ts';

async function collect(source: TextSource, label?: string): Promise<TextLine[]> {
  const lines: TextLine[] = [];
  for await (const line of openText(source, { label })) lines.push(line);
  return lines;
}

describe('detectCompression', () => {
  it('tells plain, gzip and bgzip apart by their first bytes', () => {
    expect(detectCompression(Buffer.from('>chr1\nACGT\n'))).toBe('none');
    expect(detectCompression(new Uint8Array(0))).toBe('none');
    expect(detectCompression(gzipSync('ACGT'))).toBe('gzip');
    expect(detectCompression(bgzipCompress('ACGT'))).toBe('bgzip');
    // gzip with an extra field that is not BC is still plain gzip.
    const other = Buffer.from('1f8b08040000000000ff0600585902000000', 'hex');
    expect(detectCompression(other)).toBe('gzip');
  });
});

describe('bgzipCompress', () => {
  it('writes blocks of at most 65280 input bytes that gunzip reads back', () => {
    const text = 'ACGT'.repeat(40_000);
    const compressed = bgzipCompress(text);
    expect(gunzipSync(compressed).toString()).toBe(text);
    expect(compressed.subarray(-28).toString('hex')).toBe(
      '1f8b08040000000000ff0600424302001b0003000000000000000000',
    );
  });
});

describe('openText', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strand-io-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const expected: TextLine[] = [
    { line: 'first', number: 1, terminated: true },
    { line: '', number: 2, terminated: true },
    { line: 'third', number: 3, terminated: false },
  ];

  it('reads plain, gzip and bgzip files alike, tolerating CRLF and a BOM', async () => {
    const text = '\uFEFFfirst\r\n\r\nthird';
    const files = {
      plain: Buffer.from(text),
      gzip: gzipSync(text),
      bgzip: bgzipCompress(text),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(dir, `${name}.txt`); // same suffix for all: detection ignores names
      await writeFile(path, bytes);
      expect(await collect(path)).toEqual(expected);
    }
  });

  it('reads streams and async iterables, with lines split across chunks', async () => {
    const chunks = ['fir', 'st\r', '\n\nthi', 'rd'];
    expect(await collect(Readable.from(chunks.map((c) => Buffer.from(c))))).toEqual(expected);
    async function* gen() {
      yield* chunks;
    }
    expect(await collect(gen())).toEqual(expected);
    // A multi-byte character split between two chunks is decoded whole.
    const bytes = Buffer.from('é\n');
    expect(await collect(Readable.from([bytes.subarray(0, 1), bytes.subarray(1)]))).toEqual([
      { line: 'é', number: 1, terminated: true },
    ]);
  });

  it('marks a final newline as terminated and yields nothing for an empty file', async () => {
    expect(await collect(Readable.from([Buffer.from('a\nb\n')]))).toEqual([
      { line: 'a', number: 1, terminated: true },
      { line: 'b', number: 2, terminated: true },
    ]);
    expect(await collect(Readable.from([]))).toEqual([]);
  });

  it('reports truncated gzip data as a FormatError at the line being read', async () => {
    const gz = gzipSync('one\ntwo\nthree\n'.repeat(1000));
    const truncated = gz.subarray(0, gz.length - 40);
    const lines: string[] = [];
    const read = async () => {
      for await (const { line } of openText(Readable.from([truncated]), { label: 'cut.gz' })) {
        lines.push(line);
      }
    };
    const error = await read().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FORMAT_ERROR', source: 'cut.gz', line: lines.length + 1 });
    expect(String(error)).toMatch(/cut\.gz:\d+: gzip data is corrupt or truncated/);
  });

  it('closes the file when the reader stops early', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, bgzipCompress('line\n'.repeat(200_000)));
    for await (const { number } of openText(path)) {
      if (number === 3) break;
    }
    // Reading again works; a leaked descriptor would not fail here, but a hang would time out.
    expect((await collect(path)).length).toBe(200_000);
  });
  it('reads files of many chunks (one reused buffer), plain and gzip, and chunks a reader holds', async () => {
    // ~7 read buffers of text; the lines' lengths vary so that they straddle chunk ends.
    const rows = Array.from({ length: 6000 }, (_, i) => `row${i}\t${'ACGT'.repeat(i % 40)}`);
    const text = `${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(6 * FILE_CHUNK_BYTES);
    for (const [name, bytes] of [
      ['big-plain', Buffer.from(text)],
      ['big-gzip', gzipSync(text)],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      expect((await collect(path)).map((l) => l.line)).toEqual(rows);
    }
    // The chunks of a file are views of one buffer: valid until the next is read.
    const path = join(dir, 'big-plain');
    const seen: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of fileChunks(path)) {
      seen.push(chunk);
      total += chunk.length;
    }
    expect(total).toBe(text.length);
    expect(new Set(seen.map((c) => c.buffer)).size).toBe(1);
    expect(await sha256OfFiles([path])).toBe(createHash('sha256').update(text).digest('hex'));
  });
  it('closes the file when the reader stops early, within the first chunk or later', async () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const path = join(dir, 'stop-early.txt');
    await writeFile(path, `${'line\n'.repeat(40_000)}`);
    const before = open();
    for (const stopAt of [1, 30_000]) {
      const lines = openText(path);
      for (let i = 0; i < stopAt; i++) await lines.next();
      await lines.return(undefined);
      expect(open()).toBe(before);
    }
  });
});
