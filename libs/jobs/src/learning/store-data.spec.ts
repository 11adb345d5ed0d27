import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SequenceStoreWriter } from '../datasets/sequence-store-writer.ts';
import { loadStoredDataset } from './stored-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-store-data-'));

describe('a stored sequence table', () => {
  it('codes labels as they come and reads them back in sorted class order', async () => {
    const file = join(dir, 'table.arrow');
    const writer = new SequenceStoreWriter(
      file,
      { labels: ['label'], features: [], profile: null },
      'x.tsv',
      false,
      2,
    );
    const rows = [
      ['s1', 'enhancer', 'ACGT'],
      ['s2', 'background', 'NNAC'],
      ['s3', 'enhancer', 'acgt'],
    ];
    rows.forEach(([id, label, sequence], i) =>
      writer.add({ id, sequence, labels: [label] }, i + 2),
    );
    const stored = writer.finish();
    expect(stored).toMatchObject({
      recordCount: 3,
      sequenceLength: 4,
      labelCounts: { enhancer: 2, background: 1 },
      summary: {
        labelNames: ['background', 'enhancer'],
        labelCodes: ['enhancer', 'background'],
        length: { min: 4, max: 4, mean: 4 },
        gcFraction: 5 / 12,
        nFraction: 2 / 12,
      },
    });
    const data = await loadStoredDataset({
      kind: 'sequence-classification',
      file,
      checksum: stored.checksum,
      labelNames: ['background', 'enhancer'],
      sampleLabels: null,
    });
    expect(Array.from(data.labels)).toEqual([1, 0, 1]);
    expect(data.labelNames).toEqual(['background', 'enhancer']);
    expect(Array.from(data.x.subarray(0, 8))).toEqual([1, 0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(data.x.subarray(16, 20))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('refuses a 256th class and a multitask value that is not 0/1, at file:line', () => {
    const one = new SequenceStoreWriter(
      join(dir, 'many.arrow'),
      { labels: ['label'], features: [], profile: null },
      'x.tsv',
    );
    for (let i = 0; i < 255; i++) one.add({ id: `s${i}`, sequence: 'A', labels: [`c${i}`] }, i + 2);
    expect(() => one.add({ id: 'last', sequence: 'A', labels: ['c255'] }, 257)).toThrow(
      'x.tsv:257: label "c255" is a 256th class; at most 255 classes',
    );
    one.abort();
    const multi = new SequenceStoreWriter(
      join(dir, 'multi.arrow'),
      { labels: ['a', 'b'], features: [], profile: null },
      'x.tsv',
    );
    expect(() => multi.add({ id: 's', sequence: 'A', labels: [1, 2] }, 9)).toThrow(
      'x.tsv:9: b is 2; with several label columns each holds 0 or 1',
    );
    multi.abort();
  });

  it('still reads a dataset stored before the store existed (sequences.tsv)', async () => {
    const file = join(dir, 'sequences.tsv');
    writeFileSync(file, 'id\tlabel\tsequence\ns1\t1\tACGT\ns2\t0\tTTTT\n');
    const data = await loadStoredDataset({
      kind: 'sequence-classification',
      file,
      checksum: 'c',
      labelNames: ['0', '1'],
      sampleLabels: null,
    });
    expect({ count: data.count, labels: Array.from(data.labels), length: data.length }).toEqual({
      count: 2,
      labels: [1, 0],
      length: 4,
    });
  });
});
