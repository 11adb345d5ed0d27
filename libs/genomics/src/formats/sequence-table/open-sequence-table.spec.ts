import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { simulateProfiles } from '../../simulate/profiles.ts';
import type { SequenceTableColumnOptions } from './sequence-table-layout.ts';
import type { SequenceTableRecord } from './open-sequence-table.ts';
import { openSequenceTable } from './open-sequence-table.ts';
import { ReadWarnings } from '../../warnings/read-warnings.ts';
import {
  formatProfileTable,
  sequenceTableHeader,
  sequenceTableRow,
} from './sequence-table-writer.ts';

const text = (s: string) => Readable.from([Buffer.from(s)]);

async function read(tsv: string, options: SequenceTableColumnOptions = {}) {
  const table = await openSequenceTable(text(tsv), { label: 't.tsv', ...options });
  const records: SequenceTableRecord[] = [];
  for await (const r of table.records) records.push(r);
  return { layout: table.layout, records };
}

describe('openSequenceTable', () => {
  it('reads rows ending with a delimiter (and CRLF) with located warnings; strict refuses them', async () => {
    const warnings = new ReadWarnings();
    const tsv = 'id\tlabel\tsequence\r\ns1\t1\tACGT\t\r\ns2\t0\tAAAA\r\n';
    const { records } = await read(tsv, { warnings });
    expect(records.map((r) => [r.id, r.sequence])).toEqual([
      ['s1', 'ACGT'],
      ['s2', 'AAAA'],
    ]);
    expect(warnings.summary().map((w) => [w.rule, w.count, w.examples[0].line])).toEqual([
      ['crlf-line-endings', 1, 1],
      ['table-trailing-delimiter', 1, 2],
    ]);
    await expect(read(tsv, { strict: true })).rejects.toThrow(
      't.tsv:2: the row ends with a delimiter (4 fields, the header has 3)',
    );
  });

  it('reads every label_* column as one label each, and named label columns in their order', async () => {
    const tsv = 'id\tlabel_b\tsequence\tlabel_a\ns1\t1\tACGT\t0\ns2\t0\tAAAA\tx\n';
    const { layout, records } = await read(tsv);
    expect(layout.labelColumns).toEqual(['label_b', 'label_a']);
    expect(records.map((r) => r.labels)).toEqual([
      [1, 0],
      [0, 'x'],
    ]);
    const named = await read(tsv, { labelColumns: ['label_a', 'label_b'] });
    expect(named.records[0]?.labels).toEqual([0, 1]);
    // `label` wins over label_* columns when there is one.
    expect((await read('id\tlabel\tlabel_x\tsequence\na\t1\t0\tAC\n')).layout.labelColumns).toEqual(
      ['label'],
    );
  });

  it('reads feature columns by name or prefix, in file order, and refuses NA at its line', async () => {
    const tsv =
      'id\tlabel\tcpg_1\tsequence\tcpg_2\tdist\ns1\t1\t0\tACGT\t1\t250\ns2\t0\t1\tACGA\t0.5\t-3e2\n';
    const { layout, records } = await read(tsv, { featureColumns: ['cpg_', 'dist'] });
    expect(layout.featureColumns).toEqual(['cpg_1', 'cpg_2', 'dist']);
    expect(records.map((r) => Array.from(r.features))).toEqual([
      [0, 1, 250],
      [1, 0.5, -300],
    ]);
    expect((await read(tsv, { featureColumns: ['cpg_*'] })).layout.featureColumns).toEqual([
      'cpg_1',
      'cpg_2',
    ]);
    // A name that is a column is that column only.
    expect((await read(tsv, { featureColumns: ['cpg_1'] })).layout.featureColumns).toEqual([
      'cpg_1',
    ]);
    await expect(read(tsv.replace('0.5', 'NA'), { featureColumns: ['cpg_'] })).rejects.toThrow(
      't.tsv:3: sequence s2: feature column cpg_2 holds "NA", not a number (missing values such as NA are not allowed)',
    );
    await expect(read(tsv.replace('\t250', '\t'), { featureColumns: ['dist'] })).rejects.toThrow(
      't.tsv:2: sequence s1: feature column dist holds "", not a number',
    );
    await expect(read(tsv, { featureColumns: ['meth_'] })).rejects.toThrow(
      't.tsv:1: no column is named or starts with "meth_" for the feature columns (found id, label, cpg_1, sequence, cpg_2, dist)',
    );
    await expect(read(tsv, { featureColumns: ['label'] })).rejects.toThrow(
      't.tsv:1: column "label" cannot be a feature column and a label column',
    );
  });

  it('reads a counts profile as [length, tracks] when there is no label column', async () => {
    const tsv = 'id\tsequence\tcounts\np1\tACG\t0,2,1;5,0,0\np2\tTTT\t1,1,1;0,0,3\n';
    const { layout, records } = await read(tsv);
    expect(layout).toMatchObject({ labelColumns: [], profileColumn: 'counts' });
    expect(records[0]?.tracks).toBe(2);
    // Position-major: position 0 of track 1, of track 2, then position 1, ...
    expect(Array.from(records[0]?.profile ?? [])).toEqual([0, 5, 2, 0, 1, 0]);
    expect(records[0]?.labels).toEqual([]);
    // With a label column the counts are read only when named.
    const both = 'id\tlabel\tsequence\tcounts\na\t1\tAC\t1,2\n';
    expect((await read(both)).records[0]?.profile).toBeNull();
    expect(
      Array.from((await read(both, { profileColumn: 'counts' })).records[0]?.profile ?? []),
    ).toEqual([1, 2]);
  });

  it('names the line and value of a bad profile', async () => {
    const head = 'id\tsequence\tcounts\n';
    await expect(read(`${head}p1\tACG\t0,2\n`)).rejects.toThrow(
      't.tsv:2: sequence p1: counts has 2 values; the sequence has 3 positions (one count per position)',
    );
    await expect(read(`${head}p1\tACG\t0,2,1;1,1\n`)).rejects.toThrow(
      't.tsv:2: sequence p1: counts track 2 has 2 values; the sequence has 3 positions (one count per position in each track)',
    );
    await expect(read(`${head}p1\tACG\t0,-1,1\n`)).rejects.toThrow(
      't.tsv:2: sequence p1: counts holds "-1" at position 2, not a count ≥ 0',
    );
    await expect(read(`${head}p1\tACG\t0,,1\n`)).rejects.toThrow(
      't.tsv:2: sequence p1: counts holds "" at position 2, not a count ≥ 0',
    );
    await expect(read(`${head}p1\tACG\t0,1,1\np2\tACG\t0,1,1;1,1,1\n`)).rejects.toThrow(
      't.tsv:3: sequence p2: counts has 2 tracks; the first record has 1',
    );
  });

  it('says which columns a header lacks', async () => {
    await expect(read('id\tsequence\ns1\tACGT\n')).rejects.toThrow(
      't.tsv:1: the header needs columns id, label, sequence; missing label (found id, sequence); several label columns may be named label_*, and a table of per-position counts needs a counts column instead',
    );
    await expect(read('id\tlabel\tsequence\n', { labelColumns: ['a', 'b'] })).rejects.toThrow(
      't.tsv:1: the header needs columns id, a, b, sequence; missing a, b (found id, label, sequence)',
    );
    await expect(read('id\tlabel_a\tlabel_b\tsequence\na\t1\t\tAC\n')).rejects.toThrow(
      't.tsv:2: sequence a has an empty label_b',
    );
    await expect(read('')).rejects.toThrow('t.tsv:1: the file is empty; it needs a header row');
  });
});

describe('sequence table writer', () => {
  it('writes simulateProfiles output as a table openSequenceTable reads back exactly', async () => {
    const motif = {
      id: 'M',
      name: 'M',
      counts: [...'GATA'].map((b) => [...'ACGT'].map((x) => (x === b ? 1 : 0))),
    };
    const sim = simulateProfiles({ count: 5, length: 30, motif, seed: 2, strandShift: 2 });
    const tsv = formatProfileTable(sim);
    expect(tsv.split('\n')[0]).toBe('id\tsequence\tcounts');
    const { layout, records } = await read(tsv);
    expect(layout.profileColumn).toBe('counts');
    expect(records.map((r) => r.id)).toEqual([
      'profile_1',
      'profile_2',
      'profile_3',
      'profile_4',
      'profile_5',
    ]);
    expect(records.map((r) => r.sequence)).toEqual(sim.sequences);
    expect(records.every((r) => r.tracks === 2)).toBe(true);
    const counts = new Float32Array(sim.counts.length);
    records.forEach((r, i) => counts.set(r.profile ?? [], i * 60));
    expect(Array.from(counts)).toEqual(Array.from(sim.counts));
  });

  it('writes labels and features in the layout it reads them with', async () => {
    const columns = { labelColumns: ['label_a', 'label_b'], featureColumns: ['cpg_1', 'cpg_2'] };
    const row = { id: 's1', sequence: 'ACGT', labels: [1, 0], features: Float64Array.of(0.1, 3) };
    const tsv = `${sequenceTableHeader(columns)}\n${sequenceTableRow(columns, row)}\n`;
    expect(tsv).toBe('id\tlabel_a\tlabel_b\tsequence\tcpg_1\tcpg_2\ns1\t1\t0\tACGT\t0.1\t3\n');
    const { records } = await read(tsv, { featureColumns: ['cpg_'] });
    expect(records[0]).toMatchObject({ labels: [1, 0], features: Float64Array.of(0.1, 3) });
    expect(() => sequenceTableRow(columns, { ...row, id: 'a\tb' })).toThrow(
      'id "a\\tb" holds a tab or newline',
    );
    expect(() => sequenceTableRow(columns, { ...row, labels: [1] })).toThrow(
      'sequence s1: 1 labels for 2 label columns',
    );
  });
});
