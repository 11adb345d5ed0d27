import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BedOptions } from './bed-reader.ts';
import { readBed } from './bed-reader.ts';
import { BedLineScanner, scanNumber } from './bed-line-scanner.ts';

type Region = { chrom: string; start: number; end: number; label?: string | number };
type Outcome = { regions: Region[]; error?: string };

/** What readBed makes of a text. */
async function viaReadBed(text: string, labelColumn: BedOptions['labelColumn']): Promise<Outcome> {
  const regions: Region[] = [];
  try {
    const records = readBed(Readable.from([Buffer.from(text)]), { label: 'r.bed', labelColumn });
    for await (const { chrom, start, end, label } of records) {
      regions.push(label === undefined ? { chrom, start, end } : { chrom, start, end, label });
    }
    return { regions };
  } catch (error) {
    return { regions, error: (error as Error).message };
  }
}

/** What the scanner makes of it, line by line (split as openText splits). */
function viaScanner(text: string, labelColumn: BedOptions['labelColumn']): Outcome {
  const bytes = Buffer.from(text);
  const scanner = new BedLineScanner('r.bed', { labelColumn });
  const regions: Region[] = [];
  let from = 0;
  let line = 0;
  try {
    while (from < bytes.length) {
      const nl = bytes.indexOf(10, from);
      const to = nl === -1 ? bytes.length : nl;
      if (scanner.scan(bytes, from, to, ++line)) {
        const { start, end } = scanner;
        const region: Region = { chrom: scanner.chromName(bytes), start, end };
        if (scanner.labelKind === 'number') region.label = scanner.labelValue;
        if (scanner.labelKind === 'text') region.label = scanner.labelText;
        regions.push(region);
      }
      from = to + 1;
    }
    return { regions };
  } catch (error) {
    return { regions, error: (error as Error).message };
  }
}

// Pieces BED lines are made of, valid and not: numbers in and beyond the fast grammar,
// whitespace, track/browser/comment starts, non-ASCII, and empty fields.
const FIELD = fc.constantFrom(
  'chr1',
  'chrX',
  '1',
  'b1',
  'track',
  'trackx',
  'browser',
  '#x',
  'chrü',
  '',
  ' ',
  '0',
  '7',
  '10',
  '007',
  '20',
  '1.5',
  '-0',
  '+2',
  '-3.25',
  '5.',
  '.5',
  '1e3',
  '1.2.3',
  '123456789012345',
  '1234567890123456',
  '.',
  '+',
  '-',
  '*',
  'peak',
  '255,0,0',
  '1,2,',
  '\r',
);
const RANDOM_LINE = fc.array(FIELD, { minLength: 1, maxLength: 8 }).map((f) => f.join('\t'));

/** Mostly `valid` values, now and then a near miss. */
const column = (valid: fc.Arbitrary<string>, misses: string[]) =>
  fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: fc.constantFrom(...misses), weight: 1 });

/** A BED line of `k` columns (3-7), each valid or a near miss. */
const bedLine = (k: number) =>
  fc
    .tuple(
      column(fc.constantFrom('chr1', 'chr2', 'Un_1', 'b1'), [
        '',
        ' ',
        'track',
        'browser',
        '#c',
        'chrü',
      ]),
      column(fc.nat(1000).map(String), ['-1', '1.5', '', 'x', '1234567890123456', ' 7']),
      column(fc.nat(1000).map(String), ['+5', '1e3', '0x10']),
      column(fc.constantFrom('n', '1', '0.5', '-2'), ['', 'ü', '1e1']),
      column(fc.constantFrom('0', '1', '.', '2.5', '-1', '+3', '7.'), [
        'x',
        '..',
        '1e2',
        '',
        '+.',
        '.5',
      ]),
      column(fc.constantFrom('+', '-', '.'), ['*', '', '++', '+ ']),
      column(fc.constantFrom('0', '5', '1000'), ['x', '-1']),
      fc.nat(9),
      fc.nat(19),
    )
    .map(([c, a, b, name, score, strand, thick, dice, width]) => {
      // One region in ten keeps start > end when drawn so.
      const swap = /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) > Number(b) && dice > 0;
      const [start, end] = swap ? [b, a] : [a, b];
      // One line in twenty has a column more or less than the others.
      const n = width === 0 ? k + 1 : width === 1 ? k - 1 : k;
      return [c, start, end, name, score, strand, thick].slice(0, n).join('\t');
    });

const TEXT = fc
  .tuple(fc.integer({ min: 3, max: 7 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .chain(([k, eol, last]) =>
    fc
      .array(
        fc.oneof({ arbitrary: bedLine(k), weight: 9 }, { arbitrary: RANDOM_LINE, weight: 1 }),
        {
          maxLength: 8,
        },
      )
      .map((lines) => lines.join(eol) + (last ? eol : '')),
  );
const LABEL_COLUMN = fc.constantFrom<BedOptions['labelColumn']>(
  undefined,
  'score',
  'name',
  0,
  1,
  5,
);

describe('BedLineScanner', () => {
  it('reads every text exactly as readBed does: the same regions, labels and errors', async () => {
    await fc.assert(
      fc.asyncProperty(TEXT, LABEL_COLUMN, async (text, labelColumn) => {
        expect(viaScanner(text, labelColumn)).toEqual(await viaReadBed(text, labelColumn));
      }),
      { numRuns: 600, seed: 20261122 },
    );
  });

  it('takes plain BED3-BED6 lines on its fast path, without decoding them', () => {
    const bytes = Buffer.from('chr7\t100\t250\tpeak\t0.75\t-');
    const scanner = new BedLineScanner('r.bed', { labelColumn: 'score' });
    expect(scanner.scan(bytes, 0, bytes.length, 1)).toBe(true);
    expect(scanner.chromText).toBeUndefined();
    expect([scanner.chromFrom, scanner.chromTo]).toEqual([0, 4]);
    expect(scanner).toMatchObject({ start: 100, end: 250, labelKind: 'number', labelValue: 0.75 });
  });

  it('parses the number grammar it takes exactly as Number() does, and declines the rest', () => {
    for (const text of [
      '0',
      '-0',
      '+7',
      '12.50',
      '5.',
      '999999999999999',
      '0.0000000000001',
      '0.1',
      '0.3',
    ]) {
      expect(Object.is(scanNumber(Buffer.from(text), 0, text.length), Number(text))).toBe(true);
    }
    for (const text of ['', '+', '.5', '1e3', '1.2.3', '1234567890123456', 'x', ' 1']) {
      expect(scanNumber(Buffer.from(text), 0, text.length)).toBeNaN();
    }
  });
});
