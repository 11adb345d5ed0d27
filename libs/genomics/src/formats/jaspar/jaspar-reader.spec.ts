import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_JASPAR_PATH, itWithSharedJaspar } from '../../testing.ts';
import { parseJaspar, readJasparFile } from './jaspar-reader.ts';

const ARNT = `>MA0004.1\tArnt
A  [ 4 19 0 0 0 0 ]
C  [ 16 0 20 0 0 0 ]
G  [ 0 1 0 20 0 20 ]
T  [ 0 0 0 0 20 0 ]
`;

const formatError = (message: string, line: number) =>
  expect.objectContaining({ code: 'FORMAT_ERROR', message, line });

describe('parseJaspar', () => {
  it('reads a matrix into width × 4 counts in A, C, G, T order', () => {
    expect(parseJaspar(ARNT)).toEqual([
      {
        id: 'MA0004.1',
        name: 'Arnt',
        counts: [
          [4, 16, 0, 0],
          [19, 0, 1, 0],
          [0, 20, 0, 0],
          [0, 0, 20, 0],
          [0, 0, 0, 20],
          [0, 0, 20, 0],
        ],
      },
    ]);
  });

  it('accepts rows without brackets, in any order, fractional counts, CRLF and blank lines', () => {
    const text =
      '\r\n>M1 RXRA::VDR\r\nT 1 2\r\nG [3 4]\r\n\r\nA 0.5 6\r\nC\t7 8e0\r\n>M2\nA 1\nC 0\nG 0\nT 0\n';
    expect(parseJaspar(text)).toEqual([
      {
        id: 'M1',
        name: 'RXRA::VDR',
        counts: [
          [0.5, 7, 3, 1],
          [6, 8, 4, 2],
        ],
      },
      { id: 'M2', name: 'M2', counts: [[1, 0, 0, 0]] },
    ]);
  });

  it('returns no matrices for empty text', () => {
    expect(parseJaspar('')).toEqual([]);
    expect(parseJaspar('\n  \n')).toEqual([]);
  });

  it('rejects a row before any header', () => {
    expect(() => parseJaspar('\nA [ 1 2 ]\n', 'm.jaspar')).toThrow(
      formatError('m.jaspar:2: row "A" comes before any ">ID NAME" header', 2),
    );
  });

  it('rejects a header without an ID', () => {
    expect(() => parseJaspar('>  \n', 'm.jaspar')).toThrow(
      formatError('m.jaspar:1: header has no matrix ID', 1),
    );
  });

  it('rejects a matrix with a missing row at its header line', () => {
    const text = ARNT.replace('G  [ 0 1 0 20 0 20 ]\n', '') + ARNT;
    expect(() => parseJaspar(text, 'm.jaspar')).toThrow(
      formatError('m.jaspar:1: matrix MA0004.1 has no "G" row', 1),
    );
    expect(() => parseJaspar('>X y\nA 1\nC 1\nG 1\n', 'm.jaspar')).toThrow(
      'm.jaspar:1: matrix X has no "T" row',
    );
  });

  it('rejects a repeated row', () => {
    expect(() => parseJaspar('>X y\nA 1\nC 1\nA 1\n', 'm.jaspar')).toThrow(
      formatError('m.jaspar:4: matrix X has a second "A" row', 4),
    );
  });

  it('rejects rows of unequal length', () => {
    expect(() => parseJaspar('>X y\nA [ 1 2 ]\nC [ 1 2 3 ]\n', 'm.jaspar')).toThrow(
      formatError('m.jaspar:3: row "C" has 3 counts, row "A" (line 2) has 2', 3),
    );
  });

  it('rejects a count that is not a non-negative number', () => {
    expect(() => parseJaspar('>X y\nA [ 1 x2 ]\n', 'm.jaspar')).toThrow(
      formatError('m.jaspar:2: count "x2" (column 2 of row "A") is not a non-negative number', 2),
    );
    expect(() => parseJaspar('>X y\nA 1 -3\n', 'm.jaspar')).toThrow(
      'm.jaspar:2: count "-3" (column 2 of row "A") is not a non-negative number',
    );
  });

  it('rejects unbalanced brackets, empty rows and lines that are not rows', () => {
    expect(() => parseJaspar('>X y\nA [ 1 2\n', 'm.jaspar')).toThrow(
      'm.jaspar:2: row "A" has no closing "]"',
    );
    expect(() => parseJaspar('>X y\nA [ ]\n', 'm.jaspar')).toThrow(
      'm.jaspar:2: row "A" has no counts',
    );
    expect(() => parseJaspar('>X y\nACGT 1 2\n', 'm.jaspar')).toThrow(
      'm.jaspar:2: expected a matrix row "A [ ... ]" or a header, got "ACGT 1 2"',
    );
    expect(() => parseJaspar('>X y\nN [ 1 ]\n')).toThrow(
      'jaspar:2: expected a matrix row "A [ ... ]" or a header, got "N [ 1 ]"',
    );
  });
});

describe('readJasparFile', () => {
  itWithSharedJaspar('reads the 879 matrices of JASPAR 2024', async () => {
    const motifs = await readJasparFile(SHARED_JASPAR_PATH);
    expect(motifs).toHaveLength(879);
    expect(new Set(motifs.map((m) => m.id)).size).toBe(879);
    expect(motifs[0]).toEqual(parseJaspar(ARNT)[0]);
    const ctcf = motifs.find((m) => m.id === 'MA0139.2');
    expect(ctcf?.name).toBe('CTCF');
    expect(ctcf?.counts[0]).toEqual([281, 49, 449, 134]);
    expect(ctcf?.counts).toHaveLength(15);
  });

  it('names the path in format errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'strand-jaspar-'));
    const path = join(dir, 'bad.jaspar');
    try {
      await writeFile(path, '>X y\nA 1\nC 1 2\n');
      await expect(readJasparFile(path)).rejects.toThrow(
        `${path}:3: row "C" has 2 counts, row "A" (line 2) has 1`,
      );
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('rejects a missing file', async () => {
    await expect(readJasparFile('/nonexistent/motifs.jaspar')).rejects.toThrow('ENOENT');
  });
});
