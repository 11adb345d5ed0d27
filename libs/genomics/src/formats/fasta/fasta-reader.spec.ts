import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { itWithSharedData } from '../../testing.ts';
import { readFasta } from './fasta-reader.ts';
import type { FastaRecord } from './fasta-reader.ts';

async function collect(source: Parameters<typeof readFasta>[0]): Promise<FastaRecord[]> {
  const records: FastaRecord[] = [];
  for await (const record of readFasta(source, { label: 'demo.fa' })) records.push(record);
  return records;
}
const text = (s: string) => Readable.from([Buffer.from(s)]);

describe('readFasta', () => {
  it('reads records with ID, description and soft-masked sequence across wrapped lines', async () => {
    const fasta = '>chr1 first  contig\r\nACGTacgt\r\nNNac\r\n\r\n;comment\n>chr2\nTTTT\n>empty\n';
    expect(await collect(text(fasta))).toEqual([
      { id: 'chr1', description: 'first  contig', sequence: 'ACGTacgtNNac', line: 1 },
      { id: 'chr2', description: '', sequence: 'TTTT', line: 6 },
      { id: 'empty', description: '', sequence: '', line: 8 },
    ]);
  });

  it('names the line of sequence before a header, an empty ID or a bad character', async () => {
    await expect(collect(text('ACGT\n'))).rejects.toThrow(
      'demo.fa:1: sequence data before the first ">" header',
    );
    await expect(collect(text('>\nACGT\n'))).rejects.toThrow(
      'demo.fa:1: the ">" header has no sequence ID',
    );
    await expect(collect(text('>s\nAC\nAC7T\n'))).rejects.toThrow(
      'demo.fa:3: invalid character "7" at column 3 of sequence s',
    );
  });

  itWithSharedData(
    'reads the 40 kb soft-masked hg19 chr17 piece',
    ['reference/hg19_chr17_part.fa'],
    async (path) => {
      const [record, ...rest] = await collect(path);
      expect(rest).toEqual([]);
      expect(record.id).toBe('chr17');
      expect(record.sequence.length).toBe(40_000);
      expect(record.sequence.slice(0, 12)).toBe('AAGCTTCTCACC');
      expect(/[acgt]/.test(record.sequence)).toBe(true); // repeats stay lowercase
    },
  );

  itWithSharedData(
    'streams the gzip E. coli genome (4.9 Mb) into one record',
    ['reference/ecoli536_NC_008253.fa.gz'],
    async (path) => {
      const records = await collect(path);
      expect(records.map((r) => [r.id, r.description, r.sequence.length])).toEqual([
        ['gi|110640213|ref|NC_008253.1|', 'Escherichia coli 536, complete genome', 4_938_920],
      ]);
      expect(records[0].sequence.slice(0, 10)).toBe('AGCTTTTCAT');
    },
  );
});
