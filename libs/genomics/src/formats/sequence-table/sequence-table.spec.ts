import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { itWithSharedData } from '../../testing.ts';
import { readLabelledFasta } from './labelled-fasta-reader.ts';
import type { LabelledSequence } from './labelled-sequence.ts';
import { readSequenceTable } from './sequence-table-reader.ts';

const text = (s: string) => Readable.from([Buffer.from(s)]);
async function collect(records: AsyncIterable<LabelledSequence>): Promise<LabelledSequence[]> {
  const out: LabelledSequence[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('readSequenceTable', () => {
  it('finds columns by name, in any order, with string or number labels', async () => {
    const tsv = 'sequence\tid\tlabel\textra\nACGT\ts1\t1\tx\nacgn\ts2\tbound\ty\n';
    expect(await collect(readSequenceTable(text(tsv)))).toEqual([
      { id: 's1', label: 1, sequence: 'ACGT', line: 2 },
      { id: 's2', label: 'bound', sequence: 'acgn', line: 3 },
    ]);
  });

  it('names the line of a missing column, a bad base, a duplicate ID', async () => {
    const read = (s: string) => collect(readSequenceTable(text(s), { label: 'seqs.tsv' }));
    await expect(read('id\tsequence\ns1\tACGT\n')).rejects.toThrow(
      'seqs.tsv:1: the header needs columns id, label, sequence; missing label (found id, sequence)',
    );
    await expect(read('id\tlabel\tsequence\ns1\t1\tACXT\n')).rejects.toThrow(
      'seqs.tsv:2: sequence s1 has an invalid base "X" at position 3',
    );
    await expect(read('id\tlabel\tsequence\ns1\t1\tA\ns1\t0\tC\n')).rejects.toThrow(
      'seqs.tsv:3: ID "s1" appears twice',
    );
  });
});

describe('readLabelledFasta', () => {
  it('reads the label from the header and names records without one', async () => {
    expect(
      await collect(readLabelledFasta(text('>a label=0 x\nAC\nGT\n>b label=0.5\nTT\n'))),
    ).toEqual([
      { id: 'a', label: 0, sequence: 'ACGT', line: 1 },
      { id: 'b', label: 0.5, sequence: 'TT', line: 4 },
    ]);
    await expect(collect(readLabelledFasta(text('>a\nAC\n'), { label: 'x.fa' }))).rejects.toThrow(
      'x.fa:1: sequence a has no label=... in its header',
    );
  });
});

describe('UCI promoters', () => {
  const files = ['sequences/promoters_uci/promoters.tsv', 'sequences/promoters_uci/promoters.fa'];
  itWithSharedData(
    'reads 106 sequences of 57 nt, 53 / 53, the same from TSV and FASTA',
    files,
    async (tsv, fa) => {
      const table = await collect(readSequenceTable(tsv));
      const fasta = await collect(readLabelledFasta(fa));
      expect(table.length).toBe(106);
      expect(new Set(table.map((r) => r.sequence.length))).toEqual(new Set([57]));
      const counts = table.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.label]: (acc[r.label] ?? 0) + 1 }),
        {},
      );
      expect(Object.values(counts)).toEqual([53, 53]);
      expect(fasta.map(({ id, label, sequence }) => ({ id, label, sequence }))).toEqual(
        table.map(({ id, label, sequence }) => ({ id, label, sequence })),
      );
    },
  );
});
