import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import {
  neutraliseCell,
  neutraliseCsvLine,
  neutraliseTsvLine,
  spreadsheetSafe,
} from './spreadsheet-safe.ts';

describe('spreadsheet-safe cells (OWASP CSV injection)', () => {
  it('quotes cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(['+1+2', '-A1', '@SUM(A1)', '\tx', '\rx'].map(neutraliseCell)).toEqual([
      "'+1+2",
      "'-A1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['-0.25', '+3', '-1e-7', '12', 'rs123', '.', ''].map(neutraliseCell)).toEqual([
      '-0.25',
      '+3',
      '-1e-7',
      '12',
      'rs123',
      '.',
      '',
    ]);
  });

  it('neutralises every cell of a TSV or CSV line', () => {
    expect(neutraliseTsvLine('chr1\t10\t=cmd|x\tA\t-0.5')).toBe("chr1\t10\t'=cmd|x\tA\t-0.5");
    expect(neutraliseCsvLine('a,"=1,2",@x,"ok ""q""",')).toBe(`a,"'=1,2",'@x,"ok ""q""",`);
  });

  it('streams a file in arbitrary chunks, multi-byte characters and CRLF included', async () => {
    const file = 'id\tnote\r\n=1+1\tµ=x\r\n@a\t-3\n';
    const bytes = Buffer.from(file);
    const chunks = Array.from(bytes, (b) => Buffer.from([b])); // one byte at a time
    const out = await text(Readable.from(chunks).pipe(spreadsheetSafe('tsv')));
    expect(out).toBe("id\tnote\r\n'=1+1\tµ=x\r\n'@a\t-3\n");
  });
});
