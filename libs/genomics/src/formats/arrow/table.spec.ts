import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_BYTES } from './chunk-builder.ts';
import type { TableRow } from './chunk-builder.ts';
import { ChunkBuffers, TableReader } from './table-reader.ts';
import type { TableChunk } from './table-reader.ts';
import { TableWriter } from './table-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-table-'));

const COLUMNS = [
  { name: 'id', type: 'utf8' },
  { name: 'label', type: 'uint8' },
  { name: 'sequence', type: 'utf8' },
  { name: 'score', type: 'float64' },
  { name: 'pileup', type: 'float32', shape: [2, 3] },
  { name: 'counts', type: 'float32', list: true },
] as const;

function rows(n: number): TableRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `seq${i + 1}é`,
    label: i % 3,
    sequence: 'ACGTNryk'.slice(0, 1 + (i % 8)),
    score: i / 7,
    pileup: Float32Array.from({ length: 6 }, (_, k) => i * 10 + k),
    counts: Float32Array.from({ length: i % 4 }, (_, k) => k + 0.5),
  }));
}

function write(path: string, data: TableRow[], chunkRows = 3) {
  const writer = TableWriter.create(path, {
    columns: [...COLUMNS],
    chunkRows,
    metadata: { strand: '{"kind":"test"}' },
  });
  for (const row of data) writer.append(row);
  return writer.close({ rows: String(data.length) });
}

/** Every row of a chunk written of `chunkRows`-row chunks, placed at its index in `out`. */
function readRows(chunk: TableChunk, out: TableRow[], chunkRows: number): void {
  const labels = chunk.numbers('label');
  const scores = chunk.numbers('score');
  const pileups = chunk.numbers('pileup');
  const counts = chunk.list('counts');
  for (let r = 0; r < chunk.rows; r++) {
    out[chunk.index * chunkRows + r] = {
      id: chunk.textAt('id', r),
      label: labels[r],
      sequence: chunk.textAt('sequence', r),
      score: scores[r],
      pileup: pileups.slice(r * 6, r * 6 + 6),
      counts: counts.values.slice(counts.offsets[r], counts.offsets[r + 1]),
    };
  }
}

describe('TableWriter and TableReader', () => {
  it('ends a chunk early once its text reaches MAX_CHUNK_BYTES (long sequences)', async () => {
    const path = join(dir, 'long.arrow');
    const long = 'ACGT'.repeat(MAX_CHUNK_BYTES / 4 / 32); // 32 rows fill a chunk's bytes
    const writer = TableWriter.create(path, {
      columns: [{ name: 'sequence', type: 'utf8' }],
      chunkRows: 1000,
    });
    for (let i = 0; i < 40; i++) writer.append({ sequence: long });
    expect(writer.close()).toMatchObject({ rows: 40, chunks: 2 });
    const table = await TableReader.open(path);
    try {
      expect(table.chunkRows).toEqual([32, 8]);
    } finally {
      await table.close();
    }
  });

  it('write chunks of chunkRows rows and read every column back as written', async () => {
    const path = join(dir, 'round.arrow');
    const data = rows(7);
    const written = write(path, data);
    expect(written).toMatchObject({ rows: 7, chunks: 3 });
    expect(written.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    const table = await TableReader.open(path);
    try {
      expect(table.chunkRows).toEqual([3, 3, 1]);
      expect(table.rows).toBe(7);
      expect(table.metadata.get('strand')).toBe('{"kind":"test"}');
      expect(table.metadata.get('rows')).toBe('7');
      expect(table.columns).toEqual([
        { name: 'id', type: 'utf8' },
        { name: 'label', type: 'uint8' },
        { name: 'sequence', type: 'utf8' },
        { name: 'score', type: 'float64' },
        { name: 'pileup', type: 'float32', shape: [2, 3] },
        { name: 'counts', type: 'float32', list: true },
      ]);
      const back: TableRow[] = [];
      // Out of order: chunks are read by index.
      for (const index of [2, 0, 1]) readRows(await table.chunk(index), back, 3);
      expect(back).toEqual(data);
      expect(labels(await table.chunk(1))).toBeInstanceOf(Uint8Array);
    } finally {
      await table.close();
    }
  });

  it('read chunks into reused ChunkBuffers, taken in turn, with the same rows', async () => {
    const path = join(dir, 'reuse.arrow');
    const data = rows(11);
    write(path, data);
    const table = await TableReader.open(path);
    try {
      const buffers = new ChunkBuffers(2);
      const back: TableRow[] = [];
      const seen: ArrayBufferLike[] = [];
      for (const index of [1, 3, 0, 2]) {
        const chunk = await table.chunk(index, buffers);
        seen.push(chunk.text('sequence').bytes.buffer);
        readRows(chunk, back, 3);
      }
      expect(back).toEqual(data);
      // Two buffers in turn: chunk 0 (no larger than chunk 1) is read into chunk 1's bytes.
      expect(seen[1]).not.toBe(seen[0]);
      expect(seen[2]).toBe(seen[0]);
      expect(() => new ChunkBuffers(0)).toThrow(/count ≥ 1/);
    } finally {
      await table.close();
    }
  });

  it('keep one chunk in memory and refuse a value that does not fit its column', () => {
    const path = join(dir, 'bad.arrow');
    const writer = TableWriter.create(path, { columns: [...COLUMNS] });
    expect(() => writer.append({ ...rows(1)[0], pileup: [1, 2] })).toThrow(
      'column pileup holds 2 values; each row has 6',
    );
    expect(() => writer.append({ id: 'x' })).toThrow('column label has no value in this row');
    writer.abort();
    expect(existsSync(path)).toBe(false);
    expect(() =>
      TableWriter.create(path, {
        columns: [
          { name: 'a', type: 'uint8' },
          { name: 'a', type: 'uint8' },
        ],
      }),
    ).toThrow('column a is named twice');
    expect(existsSync(path)).toBe(false);
  });

  it('say when a file is not an Arrow table', async () => {
    const path = join(dir, 'not.arrow');
    writeFileSync(path, 'id\tlabel\n');
    await expect(TableReader.open(path)).rejects.toMatchObject({ code: 'UNREADABLE_TABLE' });
  });
});

function labels(chunk: { numbers(name: string): unknown }) {
  return chunk.numbers('label');
}
