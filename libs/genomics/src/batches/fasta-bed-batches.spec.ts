import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { oneHotEncode } from '../encoding/one-hot.ts';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import type { FastaBedBatch } from './fasta-bed-batches.ts';
import { fastaBedBatches } from './fasta-bed-batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-batches-'));
const fasta = join(dir, 'ref.fa');
// chr1 = ACGTACGTAC GGGGGCCCCC (20 bases), chr2 = TTTTAAAA
writeFileSync(fasta, '>chr1\nACGTACGTAC\nGGGGGCCCCC\n>chr2\nTTTTAAAA\n');

const bed = (text: string) => Readable.from([text]);

async function collect(batches: AsyncIterable<FastaBedBatch>) {
  const out: { x: number[]; y: number[]; count: number }[] = [];
  for await (const { x, y, count } of batches) out.push({ x: [...x], y: [...y], count });
  return out;
}

describe('fastaBedBatches', () => {
  it('encodes centred windows with labels, pads the last batch and chromosome edges', async () => {
    const batches = await collect(
      fastaBedBatches({
        fasta,
        bed: bed('chr1\t0\t4\tr1\t1\nchr1\t8\t12\tr2\t0\nchr2\t6\t8\tr3\t1\n'),
        length: 4,
        batchSize: 2,
        labelColumn: 'score',
        label: 'regions.bed',
      }),
    );
    expect(batches.map((b) => b.count)).toEqual([2, 1]);
    // r1: midpoint 2 → [0, 4) ACGT; r2: midpoint 10 → [8, 12) ACGG.
    expect(batches[0].x).toEqual([...oneHotEncode('ACGT'), ...oneHotEncode('ACGG')]);
    expect(batches[0].y).toEqual([1, 0]);
    // r3: midpoint 7 → [5, 9) on an 8-base chromosome: AAA then one zero row; row 2 is empty.
    expect(batches[1].x).toEqual([...oneHotEncode('AAA'), 0, 0, 0, 0, ...new Array(16).fill(0)]);
    expect(batches[1].y).toEqual([1, 0]);
  });

  it('reads the same windows through an opened FastaIndex and from a CRLF file', async () => {
    const crlf = join(dir, 'crlf.fa');
    writeFileSync(crlf, '>chr1\r\nACGTACGTAC\r\nGGGGGCCCCC\r\n');
    const regions = 'chr1\t0\t4\nchr1\t8\t12\n';
    const direct = await collect(
      fastaBedBatches({ fasta, bed: bed(regions), length: 6, batchSize: 2 }),
    );
    const opened = await collect(
      fastaBedBatches({
        fasta: await FastaIndex.open(fasta),
        bed: bed(regions),
        length: 6,
        batchSize: 2,
      }),
    );
    const fromCrlf = await collect(
      fastaBedBatches({ fasta: crlf, bed: bed(regions), length: 6, batchSize: 2 }),
    );
    // [-1, 5) and [7, 13): a zero row + ACGTA, then TACGGG.
    const expected = [0, 0, 0, 0, ...oneHotEncode('ACGTA'), ...oneHotEncode('TACGGG')];
    expect(direct[0].x).toEqual(expected);
    expect(opened[0].x).toEqual(expected);
    expect(fromCrlf[0].x).toEqual(expected);
  });

  it('reuses the same x and y arrays for every batch', async () => {
    const seen = new Set<Float32Array>();
    for await (const { x, y } of fastaBedBatches({
      fasta,
      bed: bed('chr1\t0\t4\nchr1\t4\t8\nchr2\t0\t4\n'),
      length: 3,
      batchSize: 1,
    })) {
      seen.add(x).add(y);
    }
    expect(seen.size).toBe(2);
  });

  it('pads a window that starts before the chromosome with leading zero rows', async () => {
    const [batch] = await collect(
      fastaBedBatches({ fasta, bed: bed('chr2\t0\t1\n'), length: 4, batchSize: 1 }),
    );
    // midpoint 0 → [-2, 2): two zero rows then TT; no labelColumn → y = 0.
    expect(batch.x).toEqual([...new Array(8).fill(0), ...oneHotEncode('TT')]);
    expect(batch.y).toEqual([0]);
  });

  it('names the BED line of an unknown chromosome or a non-numeric label', async () => {
    await expect(
      collect(
        fastaBedBatches({
          fasta,
          bed: bed('chr1\t0\t4\nchr9\t0\t4\n'),
          length: 4,
          batchSize: 4,
          label: 'r.bed',
        }),
      ),
    ).rejects.toThrow(`r.bed:2: chromosome "chr9" is not in the reference ${fasta}`);
    await expect(
      collect(
        fastaBedBatches({
          fasta,
          bed: bed('chr1\t0\t4\tpos\n'),
          length: 4,
          batchSize: 4,
          labelColumn: 'name',
          label: 'r.bed',
        }),
      ),
    ).rejects.toThrow('r.bed:1: label "pos" is not a number');
  });

  it('rejects a batch size that is not a positive integer', async () => {
    await expect(
      collect(fastaBedBatches({ fasta, bed: bed(''), length: 4, batchSize: 0 })),
    ).rejects.toThrow('batchSize must be an integer ≥ 1, got 0');
  });
});
