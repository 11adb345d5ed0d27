import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readFastq } from './fastq-reader.ts';
import type { FastqRecord } from './fastq-reader.ts';

async function collect(text: string): Promise<FastqRecord[]> {
  const records: FastqRecord[] = [];
  for await (const r of readFastq(Readable.from([Buffer.from(text)]), { label: 'reads.fq' }))
    records.push(r);
  return records;
}

describe('readFastq', () => {
  it('reads 4-line records, with or without the ID repeated on the + line', async () => {
    expect(await collect('@r1 lane 1\nACGT\n+\nIIII\n@r2\nAC\n+r2\n#!\n\n')).toEqual([
      { id: 'r1', description: 'lane 1', sequence: 'ACGT', quality: 'IIII', line: 1 },
      { id: 'r2', description: '', sequence: 'AC', quality: '#!', line: 5 },
    ]);
  });

  it('names the line of each malformed part', async () => {
    await expect(collect('r1\nACGT\n+\nIIII\n')).rejects.toThrow(
      'reads.fq:1: a record must start with "@", got "r1"',
    );
    await expect(collect('@r1\nACGT\n-\nIIII\n')).rejects.toThrow(
      'reads.fq:3: read r1: the third line must start with "+"',
    );
    await expect(collect('@r1\nACGT\n+r9\nIIII\n')).rejects.toThrow(
      'reads.fq:3: read r1: the "+" line names another read ("r9")',
    );
    await expect(collect('@r1\nACGT\n+\nIII\n')).rejects.toThrow(
      'reads.fq:4: read r1: 3 quality values for 4 bases',
    );
    await expect(collect('@r1\nACGT\n+\n')).rejects.toThrow(
      'reads.fq:3: the file ends inside a record (3 of its 4 lines)',
    );
    await expect(collect('@r1\nAC GT\n+\nIIIII\n')).rejects.toThrow(
      'reads.fq:2: read r1: the sequence has an invalid character',
    );
  });
});
