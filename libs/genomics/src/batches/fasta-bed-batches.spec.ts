import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { oneHotEncode } from '../encoding/one-hot.ts';
import { bgzipCompress } from '../io/bgzip.ts';
import { FastaIndex } from '../formats/fasta/fasta-index.ts';
import type { TextSource } from '../io/open-text.ts';
import type { FastaBedBatch } from './fasta-bed-batches.ts';
import { fastaBedBatches } from './fasta-bed-batches.ts';

const dir = mkdtempSync(join(tmpdir(), 'strand-batches-'));
const fasta = join(dir, 'ref.fa');
// chr1 = ACGTACGTAC GGGGGCCCCC (20 bases), chr2 = TTTTAAAA
writeFileSync(fasta, '>chr1\nACGTACGTAC\nGGGGGCCCCC\n>chr2\nTTTTAAAA\n');

const bed = (text: string) => Readable.from([text]);

/** Copies each batch, then releases it. */
async function collect(batches: AsyncIterable<FastaBedBatch>) {
  const out: { x: number[]; y: number[]; count: number }[] = [];
  for await (const batch of batches) {
    out.push({ x: [...batch.x], y: [...batch.y], count: batch.count });
    batch.release();
  }
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

  it('reuses the arrays of released batches and never overwrites a held one', async () => {
    const regions = 'chr1\t0\t4\nchr1\t4\t8\nchr2\t0\t4\nchr1\t10\t14\n';
    const batches = fastaBedBatches({ fasta, bed: bed(regions), length: 3, batchSize: 1 });
    const first = (await batches.next()).value as FastaBedBatch;
    const held = [...first.x];
    const second = (await batches.next()).value as FastaBedBatch;
    // Two buffers by default: the first batch is untouched while the second is read.
    expect(second.x).not.toBe(first.x);
    expect([...first.x]).toEqual(held);
    first.release();
    first.release(); // a second release does nothing
    const third = (await batches.next()).value as FastaBedBatch;
    expect(third.x).toBe(first.x);
    expect(third.y).toBe(first.y);
    // Releasing the first batch again must not free the buffer the third batch now uses.
    first.release();
    await expect(batches.next()).rejects.toMatchObject({
      code: 'BATCH_NOT_RELEASED',
      message:
        'all 2 batch buffers are still held: call batch.release() when done with a batch (or ask for more buffers)',
    });
  });

  it('lets the consumer hold the last batch when no region is left', async () => {
    const counts: number[] = [];
    for await (const batch of fastaBedBatches({
      fasta,
      bed: bed('chr1\t0\t4\n# done\n\n'),
      length: 3,
      batchSize: 1,
      buffers: 1,
    })) {
      counts.push(batch.count); // never released
    }
    expect(counts).toEqual([1]);
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

  it('rejects a batch size or buffer count that is not a positive integer', async () => {
    await expect(
      collect(fastaBedBatches({ fasta, bed: bed(''), length: 4, batchSize: 0 })),
    ).rejects.toThrow('batchSize must be an integer ≥ 1, got 0');
    await expect(
      collect(fastaBedBatches({ fasta, bed: bed(''), length: 4, batchSize: 2, buffers: 0.5 })),
    ).rejects.toThrow('buffers must be an integer ≥ 1, got 0.5');
  });
});

describe('fastaBedBatches: sources and paths', () => {
  // 70,000 bases on 60-base lines: a window of it spans more than one 64 KiB read.
  const long = Array.from({ length: 70_000 }, (_, i) => 'ACGTTGCAAC'[(i * 7 + (i >> 5)) % 10]).join(
    '',
  );
  const longFasta = join(dir, 'long.fa');
  writeFileSync(longFasta, `>chrL\n${long.replace(/.{60}/g, '$&\n')}\n`);
  const longBgzip = join(dir, 'long.fa.gz');
  writeFileSync(longBgzip, bgzipCompress(`>chrL\n${long.replace(/.{60}/g, '$&\n')}\n`));

  it('encodes a window longer than one read, and reads a bgzipped reference the same way', async () => {
    const regions = 'chrL\t30000\t30001\t.\t1\nchrL\t100\t200\t.\t0.25\n';
    const first = async (reference: string) => {
      const batches = fastaBedBatches({
        fasta: reference,
        bed: bed(regions),
        length: 69_001,
        batchSize: 2,
        labelColumn: 'score',
      });
      const { x, y } = (await batches.next()).value as FastaBedBatch;
      await batches.return(undefined);
      return { x: Buffer.from(x.buffer), y: [...y] };
    };
    // Midpoint 30000 → [-4500, 64501): zero rows, then bases 0-64500 (65,576 bytes of file).
    // Midpoint 150 → [-34350, 34651).
    const expected = new Float32Array(2 * 69_001 * 4);
    oneHotEncode(long.slice(0, 64_501), expected, 4_500 * 4);
    oneHotEncode(long.slice(0, 34_651), expected, (69_001 + 34_350) * 4);
    const plain = await first(longFasta);
    expect(plain.x.equals(Buffer.from(expected.buffer))).toBe(true);
    expect(plain.y).toEqual([1, 0.25]);
    const bgzipped = await first(longBgzip);
    expect(bgzipped.x.equals(plain.x)).toBe(true);
    expect(bgzipped.y).toEqual(plain.y);
  });

  it('reads a gzipped BED, a BED in odd chunks with a BOM, and wide BED lines alike', async () => {
    const lines = ['chr1\t2\t6\tr1\t1', 'chr2\t0\t8\tr2\t0', '1\t9\t12\tr3\t1'];
    const read = (source: TextSource) =>
      collect(fastaBedBatches({ fasta, bed: source, length: 5, batchSize: 2, labelColumn: 4 }));
    const expected = await read(bed(`${lines.join('\n')}\n`));
    expect(expected.map((b) => b.count)).toEqual([2, 1]);
    const gz = join(dir, 'regions.bed.gz');
    writeFileSync(gz, gzipSync(`${lines.join('\r\n')}\r\n`));
    expect(await read(gz)).toEqual(expected);
    const text = Buffer.from(`\ufeff# regions\n${lines.join('\n')}`);
    expect(await read(Readable.from([...text].map((byte) => Buffer.from([byte]))))).toEqual(
      expected,
    );
    // BED12 lines go through readBed's own line parser: the same regions.
    const wide = [
      'chr1\t2\t6\tr1\t1\t+\t2\t6\t0\t1\t4\t0',
      'chr2\t0\t8\tr2\t0\t+\t0\t8\t0\t1\t8\t0',
      '1\t9\t12\tr3\t1\t+\t9\t12\t0\t1\t3\t0',
    ];
    expect(await read(bed(`${wide.join('\n')}\n`))).toEqual(expected);
  });

  it('names the BED line and window position of a base that is not IUPAC', async () => {
    const odd = join(dir, 'odd.fa');
    writeFileSync(odd, '>chr1\nACGT\nAXGT\n');
    await expect(
      collect(
        fastaBedBatches({
          fasta: odd,
          bed: bed('chr1\t0\t1\nchr1\t2\t8\n'),
          length: 6,
          batchSize: 4,
          label: 'r.bed',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_BASE',
      message: 'r.bed:2: window of chr1:2-8: invalid base "X" at position 3',
    });
  });

  it('ends after a break, and fails on a missing BED file as the file system says', async () => {
    const batches = fastaBedBatches({
      fasta,
      bed: bed('chr1\t0\t4\nchr1\t4\t8\n'),
      length: 2,
      batchSize: 1,
    });
    for await (const batch of batches) {
      batch.release();
      break;
    }
    expect(await batches.next()).toEqual({ value: undefined, done: true });
    await expect(
      collect(fastaBedBatches({ fasta, bed: join(dir, 'missing.bed'), length: 2, batchSize: 1 })),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops at a malformed BED line with readBed’s message', async () => {
    await expect(
      collect(
        fastaBedBatches({
          fasta,
          bed: bed('chr1\t0\t4\nchr1\t9\t4\n'),
          length: 4,
          batchSize: 8,
          label: 'r.bed',
        }),
      ),
    ).rejects.toThrow('r.bed:2: start 9 is greater than end 4');
  });
});
