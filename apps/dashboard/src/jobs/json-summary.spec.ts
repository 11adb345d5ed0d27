import { describe, expect, it } from 'vitest';
import { humanKey, scalarText, summarizeJson } from './json-summary.ts';

describe('summarizeJson', () => {
  it('flattens nested objects into dotted keys with readable scalars', () => {
    const lineage = {
      reference: { name: 'chr17.fa', bytes: 40008, faiSha256: 'ab12' },
      datasetChecksum: null,
      forced: false,
      split: { method: 'stratified-k-fold', folds: 5, seed: 42 },
    };
    expect(summarizeJson(lineage)).toEqual([
      { key: 'reference.name', text: 'chr17.fa' },
      { key: 'reference.bytes', text: '40,008' },
      { key: 'reference.faiSha256', text: 'ab12' },
      { key: 'datasetChecksum', text: '—' },
      { key: 'forced', text: 'no' },
      { key: 'split.method', text: 'stratified-k-fold' },
      { key: 'split.folds', text: '5' },
      { key: 'split.seed', text: '42' },
    ]);
  });

  it('summarises lists: short ones joined, long numeric ones as a range, objects as a table', () => {
    const items = summarizeJson({
      files: ['scores.tsv', 'scores.vcf'],
      curve: Array.from({ length: 20 }, (_, i) => i / 10),
      empty: [],
      folds: [
        { fold: 1, metrics: { auroc: 0.81234 } },
        { fold: 2, metrics: { auroc: 0.9 }, note: 'early stop' },
      ],
    });
    expect(items).toEqual([
      { key: 'files', text: 'scores.tsv, scores.vcf' },
      { key: 'curve', text: '20 numbers from 0 to 1.9' },
      { key: 'empty', text: 'none' },
      {
        key: 'folds',
        table: {
          columns: ['fold', 'metrics', 'note'],
          rows: [
            ['1', 'auroc 0.8123', '—'],
            ['2', 'auroc 0.9', 'early stop'],
          ],
          more: 0,
        },
      },
    ]);
  });

  it('counts what it leaves out: deep objects, long tables, many fields, long strings', () => {
    expect(summarizeJson({ a: { b: { c: { d: 1, e: 2 } } } })).toEqual([
      { key: 'a.b.c', text: '2 fields' },
    ]);
    const rows = Array.from({ length: 25 }, (_, i) => ({ i }));
    const [table] = summarizeJson({ rows }, { maxRows: 3 });
    expect(table).toEqual({
      key: 'rows',
      table: { columns: ['i'], rows: [['0'], ['1'], ['2']], more: 22 },
    });
    const wide = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, i]));
    expect(summarizeJson(wide, { maxItems: 3 }).at(-1)).toEqual({
      key: '…',
      text: '2 more fields',
    });
    expect(scalarText('x'.repeat(10), 5)).toBe('xxxx…');
    expect(summarizeJson(['a', 'b'].concat(Array(10).fill('c')))).toEqual([
      { key: '', text: 'a, b, c, c, c, c, c, c … (12 in all)' },
    ]);
  });

  it('gives one item for a scalar at the top', () => {
    expect(summarizeJson(3.5)).toEqual([{ key: '', text: '3.5' }]);
    expect(summarizeJson(null)).toEqual([{ key: '', text: '—' }]);
  });
});

describe('humanKey', () => {
  it('splits camelCase and snake_case words and joins levels', () => {
    expect(humanKey('reference.faiSha256')).toBe('reference › fai sha256');
    expect(humanKey('modelDataChecksum')).toBe('model data checksum');
    expect(humanKey('test_auroc')).toBe('test auroc');
    expect(humanKey('maxAF')).toBe('max af');
    expect(humanKey('HTMLParser')).toBe('html parser');
    expect(humanKey('')).toBe('');
  });
});
