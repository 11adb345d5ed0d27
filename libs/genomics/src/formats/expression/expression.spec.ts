import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { itWithSharedData } from '../../testing.ts';
import { keepSamples, readExpressionMatrix } from './expression-matrix.ts';
import type { ExpressionOptions } from './expression-matrix.ts';
import { joinSampleAnnotations, readSampleAnnotations } from './sample-annotations.ts';
import { ReadWarnings } from '../../warnings/read-warnings.ts';

const text = (s: string) => Readable.from([Buffer.from(s)]);
const read = (s: string, options: ExpressionOptions = {}) =>
  readExpressionMatrix(text(s), { label: 'expr.tsv', ...options });

describe('readExpressionMatrix', () => {
  it('reads genes × samples into samples × genes, with NA, empty and NaN as missing', async () => {
    const tsv = 'gene\tS1\tS2\ng1\t1\t2\ng2\tNA\t4\ng3\t5\t\ng4\t7\tNaN\n';
    const m = await read(tsv);
    expect(m).toMatchObject({
      genes: ['g1', 'g2', 'g3', 'g4'],
      samples: ['S1', 'S2'],
      missing: 3,
      orientation: 'genes-by-samples',
    });
    expect([...m.values]).toEqual([1, NaN, 5, 7, 2, 4, NaN, NaN]);
  });

  it('reads CSV samples × genes when columns outnumber rows, or as told', async () => {
    const csv = 'sample,"g,1",g2,g3,g4\nS1,1,2,3,4\nS2,5,6,7,8e0\n';
    const m = await read(csv);
    expect(m).toMatchObject({
      genes: ['g,1', 'g2', 'g3', 'g4'],
      samples: ['S1', 'S2'],
      orientation: 'samples-by-genes',
    });
    expect([...m.values]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const square = 'id\ta\tb\nx\t1\t2\ny\t3\t4\n';
    await expect(read(square)).rejects.toThrow(
      'expr.tsv: 2 rows × 2 columns; neither is twice the other, so pass orientation ("genes-by-samples" or "samples-by-genes")',
    );
    expect((await read(square, { orientation: 'samples-by-genes' })).samples).toEqual(['x', 'y']);
  });

  it('names the line of a non-number, a short row, a missing value when refused, a duplicate', async () => {
    await expect(read('g\tS1\nx\tabc\n')).rejects.toThrow(
      'expr.tsv:2: value "abc" in column "S1" is not a number',
    );
    await expect(read('g\tS1\tS2\nx\t1\n')).rejects.toThrow(
      'expr.tsv:2: 2 fields, the header has 3',
    );
    await expect(read('g\tS1\nx\tNA\n', { missing: 'error' })).rejects.toThrow(
      'expr.tsv:2: missing value in column "S1"',
    );
    await expect(read('g\tS1\tS1\nx\t1\t2\n')).rejects.toThrow(
      'expr.tsv:1: column "S1" appears twice in the header',
    );
  });
});

describe('sample annotations', () => {
  it('joins by sample ID on the samples both have, warning for each one dropped', async () => {
    const annotations = await readSampleAnnotations(
      text('id\tclass\nS2\tAML\nS1\tALL\nS9\tALL\n'),
      {
        label: 'labels.tsv',
      },
    );
    const warnings = new ReadWarnings();
    const source = { label: 'expr.tsv', line: (i: number) => i + 2 };
    expect(joinSampleAnnotations(['S1', 's3', 'S2'], annotations, source, { warnings })).toEqual({
      samples: ['S1', 'S2'],
      indices: [0, 2],
      rows: [{ class: 'ALL' }, { class: 'AML' }],
      dropped: ['s3'],
      unused: ['S9'],
    });
    expect(warnings.summary().flatMap((w) => w.examples)).toEqual([
      {
        rule: 'sample-not-annotated',
        file: 'expr.tsv',
        line: 3,
        message: 'sample s3 has no row in labels.tsv; left it out (1 dropped, 2 of 3 kept)',
      },
      {
        rule: 'sample-not-in-matrix',
        file: 'labels.tsv',
        line: 4,
        message: 'sample S9 is not in expr.tsv; ignored its row (1 ignored)',
      },
    ]);
    // strict: a matrix sample without a row is an error again; an extra row stays a warning.
    expect(() =>
      joinSampleAnnotations(['S1', 's3'], annotations, source, { strict: true }),
    ).toThrow('expr.tsv:3: sample s3 has no row in labels.tsv');
    expect(joinSampleAnnotations(['S1'], annotations, source, { strict: true }).samples).toEqual([
      'S1',
    ]);
    expect(() => joinSampleAnnotations(['s3', 's4'], annotations, source)).toThrow(
      'no sample of expr.tsv has a row in labels.tsv: in the matrix s3, s4; in the table S2, S1, S9',
    );
  });

  it("reads R's write.table header (no name for the row names) with a warning", async () => {
    const warnings = new ReadWarnings();
    const m = await readExpressionMatrix(text('S1\tS2\ng1\t1\t2\ng2\t3\t4\ng3\t5\t6\ng4\t7\t8\n'), {
      label: 'r.tsv',
      warnings,
    });
    expect([m.samples, m.genes, m.sampleLines]).toEqual([
      ['S1', 'S2'],
      ['g1', 'g2', 'g3', 'g4'],
      [1, 1],
    ]);
    expect(warnings.summary()[0]).toMatchObject({ rule: 'table-r-header', count: 1 });
    await expect(
      readExpressionMatrix(text('S1\tS2\ng1\t1\t2\n'), { label: 'r.tsv', strict: true }),
    ).rejects.toThrow('r.tsv:1: the header names 2 columns, the rows have 3 fields');
  });

  it('keepSamples keeps the rows of the given samples, recounting missing cells', async () => {
    const m = await readExpressionMatrix(
      text('s\tg1\tg2\tg3\tg4\na\t1\tNA\t3\t4\nb\t5\t6\t7\t8\n'),
    );
    const kept = keepSamples(m, [1]);
    expect([kept.samples, [...kept.values], kept.missing, kept.sampleLines]).toEqual([
      ['b'],
      [5, 6, 7, 8],
      0,
      [3],
    ]);
  });

  itWithSharedData(
    'reads Golub (3,051 genes × 38 samples) and joins its ALL/AML labels 27/11',
    ['expression/golub_multtest/expression.tsv', 'expression/golub_multtest/labels.tsv'],
    async (expression, labels) => {
      const m = await readExpressionMatrix(expression);
      expect([m.genes.length, m.samples.length, m.orientation, m.missing]).toEqual([
        3051,
        38,
        'genes-by-samples',
        0,
      ]);
      expect(m.values[0]).toBeCloseTo(-1.45769, 5); // g0001 in golub_train_01
      expect(m.values[3051]).toBeCloseTo(-1.3942, 5); // g0001 in golub_train_02
      const joined = joinSampleAnnotations(m.samples, await readSampleAnnotations(labels));
      const counts = joined.rows.reduce<Record<string, number>>(
        (acc, r) => ({ ...acc, [r.class]: (acc[r.class] ?? 0) + 1 }),
        {},
      );
      expect(counts).toEqual({ ALL: 27, AML: 11 });
    },
  );
});
