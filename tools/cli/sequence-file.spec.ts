import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSequenceFile } from './commands/explain.ts';

// strand motifs --sequences and strand explain --sequences take what strand train takes.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-seqfile-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readSequenceFile', () => {
  it('reads a labelled sequence table (TSV or CSV), a labelled FASTA and plain lines', async () => {
    const files: Record<string, string> = {
      't.tsv': 'id\tlabel\tsequence\ns1\t1\tACGTACGT\ns2\t0\tTTTTAAAA\n',
      't.csv': '\uFEFFid,sequence,label\r\ns1,ACGTACGT,yes\r\n',
      't.fa': '>a label=1\nACGT\nAC\n',
      't.txt': 'ACGT\n\nTTTT\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    expect(await readSequenceFile(join(dir, 't.tsv'))).toEqual([
      { id: 's1', sequence: 'ACGTACGT' },
      { id: 's2', sequence: 'TTTTAAAA' },
    ]);
    expect(await readSequenceFile(join(dir, 't.csv'))).toEqual([
      { id: 's1', sequence: 'ACGTACGT' },
    ]);
    expect(await readSequenceFile(join(dir, 't.fa'))).toEqual([{ id: 'a', sequence: 'ACGTAC' }]);
    expect(await readSequenceFile(join(dir, 't.txt'))).toEqual([
      { id: 'seq1', sequence: 'ACGT' },
      { id: 'seq2', sequence: 'TTTT' },
    ]);
    await expect(readSequenceFile(join(dir, 'none'))).rejects.toThrow(
      /none: cannot read \(ENOENT\)/,
    );
  });
});
