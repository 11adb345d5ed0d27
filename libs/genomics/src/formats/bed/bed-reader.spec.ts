import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBed } from './bed-reader.ts';
import type { BedOptions, BedRecord } from './bed-reader.ts';

async function collect(text: string, options: BedOptions = {}): Promise<BedRecord[]> {
  const out: BedRecord[] = [];
  for await (const r of readBed(Readable.from([Buffer.from(text)]), {
    label: 'peaks.bed',
    ...options,
  }))
    out.push(r);
  return out;
}

describe('readBed', () => {
  it('reads BED3 and BED6, skipping track, browser, comment and blank lines', async () => {
    const bed = 'browser position chr1:1-100\ntrack name=x\n# note\n\nchr1\t10\t20\nchr1\t20\t20\n';
    expect(await collect(bed)).toEqual([
      { chrom: 'chr1', start: 10, end: 20, columns: ['chr1', '10', '20'], line: 5 },
      { chrom: 'chr1', start: 20, end: 20, columns: ['chr1', '20', '20'], line: 6 },
    ]);
    const [six] = await collect('chr2\t0\t5\tpeak1\t900\t-\n', { labelColumn: 'name' });
    expect(six).toMatchObject({ name: 'peak1', score: 900, strand: '-', label: 'peak1' });
  });

  it('takes labels from the score or any column, as numbers when numeric', async () => {
    const bed = 'chr1\t0\t5\ta\t1\t+\nchr1\t5\t9\tb\t0\t+\n';
    expect((await collect(bed, { labelColumn: 'score' })).map((r) => r.label)).toEqual([1, 0]);
    expect((await collect(bed, { labelColumn: 3 })).map((r) => r.label)).toEqual(['a', 'b']);
    await expect(collect(bed, { labelColumn: 7 })).rejects.toThrow(
      'peaks.bed:1: labelColumn 7 is beyond the 6 columns',
    );
  });

  it('reads BED12 blocks and narrowPeak columns', async () => {
    const [twelve] = await collect(
      'chr1\t100\t200\tg\t0\t+\t110\t190\t255,0,0\t2\t10,20,\t0,80,\n',
    );
    expect(twelve.columns).toHaveLength(12);
    const [peak] = await collect('chr1\t100\t200\tp\t50\t.\t4.5\t-1\t2.1\t40\n', {
      format: 'narrowPeak',
    });
    expect(peak).toMatchObject({ signalValue: 4.5, pValue: -1, qValue: 2.1, peak: 40 });
  });

  it('names the line and reason of invalid regions', async () => {
    const cases: [string, string, BedOptions?][] = [
      ['chr1\t20\t10\n', 'peaks.bed:1: start 20 is greater than end 10'],
      ['chr1\t-1\t10\n', 'peaks.bed:1: start "-1" is not a non-negative integer'],
      ['chr1\t1.5\t10\n', 'peaks.bed:1: start "1.5" is not a non-negative integer'],
      ['chr1\t1\t10\tn\t0\t*\n', 'peaks.bed:1: strand "*" is not +, - or .'],
      ['chr1\t1\n', 'peaks.bed:1: expected 3 to 12 tab-separated columns, got 2'],
      ['chr1\t1\t5\nchr1\t1\t5\tx\n', 'peaks.bed:2: 4 columns, where earlier lines have 3'],
      [
        'chr1\t1\t5\tp\t0\t.\t1\t1\t1\t9\n',
        'peaks.bed:1: peak "9" is not -1 or an offset within the region (0-3)',
        { format: 'narrowPeak' },
      ],
      [
        'chr1\t1\t5\tp\t0\t.\n',
        'peaks.bed:1: expected 10 (narrowPeak) tab-separated columns, got 6',
        { format: 'narrowPeak' },
      ],
    ];
    for (const [text, message, options] of cases)
      await expect(collect(text, options)).rejects.toThrow(message);
  });
});
