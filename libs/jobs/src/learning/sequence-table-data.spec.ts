import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StrandDatabase } from '@strand/data';
import { createTestDatabase, saveTestProject } from '@strand/data/testing';
import { importDataset } from '../datasets/import-dataset.ts';
import { storedDatasetOf } from '../training/dataset-shape.ts';
import { subset } from './data-rows.ts';
import { loadLabelledData } from './labelled-data.ts';
import type { LabelledData } from './labelled-data.ts';
import { LearningError } from './learning.error.ts';
import { trainingData } from './model-data.ts';
import { loadStoredDataset } from './stored-data.ts';
import { cpgMotifTable, profileTable, twoMotifTable } from './synthetic-tables.testing.ts';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-table-data-'));
  await writeFile(file('cpg.tsv'), cpgMotifTable(30, 20, 1));
  await writeFile(file('two.tsv'), twoMotifTable(30, 20, 1));
  await writeFile(file('profiles.tsv'), profileTable(12, 40, 1));
  await writeFile(
    file('tasks.tsv'),
    'id\tsequence\ta\tb\tfeat_x\tfeat_y\ns1\tACGT\t1\t0\t0.5\t2\ns2\tACGA\t0\t1\t1.5\t4\ns3\tACGC\t1\t1\t2.5\t6\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadLabelledData of sequence tables', () => {
  it('reads several label columns as multitask targets, the first stratifying', async () => {
    const data = await loadLabelledData({
      file: file('tasks.tsv'),
      labelColumns: ['b', 'a'],
      featureColumns: ['feat_'],
    });
    expect(data).toMatchObject({
      kind: 'sequence',
      count: 3,
      length: 4,
      tasks: ['b', 'a'],
      labelNames: ['0', '1'],
      extraFeatures: ['feat_x', 'feat_y'],
    });
    expect(Array.from(data.taskLabels ?? [])).toEqual([0, 1, 1, 0, 1, 1]);
    expect(Array.from(data.labels)).toEqual([0, 1, 1]);
    expect(Array.from(data.extraInput ?? [])).toEqual([0.5, 2, 1.5, 4, 2.5, 6]);
    // The targets and the second input as trainModel takes them, row by row.
    const rows = trainingData(subset(data, [2, 0]), 'multitask');
    expect(rows).toMatchObject({ labelWidth: 2, count: 2 });
    expect(Array.from(rows.y)).toEqual([1, 1, 0, 1]);
    expect(Array.from(rows.extraInputs?.[0] ?? [])).toEqual([2.5, 6, 0.5, 2]);
  });

  it('reads a count profile as BPNet targets: counts for the profile task, log totals for regression', async () => {
    const data = await loadLabelledData({ file: file('profiles.tsv') });
    expect(data).toMatchObject({
      count: 12,
      length: 40,
      labelNames: [],
      profile: { column: 'counts', tracks: 1 },
    });
    const profile = trainingData(data, 'profile');
    expect(profile.labelWidth).toBe(40);
    expect(profile.y).toBe(data.profileCounts);
    const totals = trainingData(data, 'regression');
    const first = (data.profileCounts ?? new Float32Array())
      .subarray(0, 40)
      .reduce((a, b) => a + b);
    expect(totals.labelWidth).toBe(1);
    expect(totals.y[0]).toBeCloseTo(Math.log1p(first), 5);
  });

  it('says what is wrong: 0/1 in multitask columns, a test set with other columns', async () => {
    await writeFile(
      file('bad.tsv'),
      'id\tlabel_a\tlabel_b\tsequence\ns1\t1\t0\tAC\ns2\t1\tyes\tAG\n',
    );
    await expect(loadLabelledData({ file: file('bad.tsv') })).rejects.toThrow(
      new LearningError(
        'INVALID_DATA',
        `${file('bad.tsv')}:3: label_b is "yes"; with several label columns each holds 0 or 1 (one sigmoid output per column)`,
      ),
    );
    const train = await loadLabelledData({ file: file('cpg.tsv'), featureColumns: ['cpg_'] });
    await expect(
      loadLabelledData({ file: file('cpg.tsv'), featureColumns: ['cpg_1', 'cpg_2'] }, train),
    ).rejects.toThrow(
      `${file('cpg.tsv')}: feature columns cpg_1, cpg_2; the training data has cpg_1, cpg_2, cpg_3,`,
    );
    await expect(loadLabelledData({ file: file('two.tsv') }, train)).rejects.toThrow(
      `${file('two.tsv')}: sequences of 40 bp; the training data has sequences of 20 bp`,
    );
    await expect(
      loadLabelledData({ file: file('x.fa'), featureColumns: ['cpg_'] }),
    ).rejects.toThrow('cannot read');
  });
});

describe('stored sequence datasets', () => {
  let db: StrandDatabase;
  let cleanup: () => Promise<void>;
  let projectId: string;
  beforeEach(async () => {
    ({ db, cleanup } = await createTestDatabase());
    const em = db.fork();
    projectId = await saveTestProject(em);
  });
  afterEach(async () => cleanup());

  /** Imports a table and loads the stored dataset back as the training worker does. */
  async function roundTrip(input: Record<string, unknown>): Promise<LabelledData> {
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'sequence-classification',
      path: '',
      ...input,
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const dataset = outcome.value;
    const where = storedDatasetOf(dataset, db.artifacts.resolve(dataset.artifactPath ?? ''));
    return loadStoredDataset({ ...where, checksum: dataset.checksum ?? '' });
  }

  /** Everything but where it came from. */
  const content = ({ checksum: _, ...rest }: LabelledData) => rest;

  it('stores what a table holds besides one label column and loads it as the file reads', async () => {
    for (const [input, files] of [
      [{ path: file('cpg.tsv'), featureColumns: ['cpg_'] }, { featureColumns: ['cpg_'] }],
      [{ path: file('two.tsv') }, {}],
      [
        { path: file('tasks.tsv'), labelColumn: 'b,a', featureColumns: ['feat_x', 'feat_y'] },
        { labelColumns: ['b', 'a'], featureColumns: ['feat_x', 'feat_y'] },
      ],
      [{ path: file('profiles.tsv'), kind: 'sequence-regression' }, {}],
    ] as const) {
      const stored = await roundTrip(input);
      const read = await loadLabelledData({ file: input.path, ...files });
      expect(content(stored)).toEqual(content(read));
    }
  });

  it('reads an expression matrix back in the orientation given at import, not detected again', async () => {
    // 4 genes × 10 samples, genes as rows: the shape alone reads as samples-by-genes (10 ≥ 2 × 4).
    const samples = Array.from({ length: 10 }, (_, i) => `S${i + 1}`);
    const genes = ['GENE001', 'GENE002', 'GENE003', 'GENE004'];
    await writeFile(
      file('wide.tsv'),
      [
        ['gene', ...samples].join('\t'),
        ...genes.map((g, k) => [g, ...samples.map((_, i) => String(k + i * 0.5))].join('\t')),
      ].join('\n') + '\n',
    );
    await writeFile(
      file('wide-labels.tsv'),
      ['sample\tclass', ...samples.map((s, i) => `${s}\t${i % 2 ? 'ALL' : 'AML'}`)].join('\n') +
        '\n',
    );
    const data = await roundTrip({
      kind: 'expression',
      path: file('wide.tsv'),
      labelsPath: file('wide-labels.tsv'),
      orientation: 'genes-by-samples',
    });
    expect([data.count, data.length]).toEqual([10, 4]);
  });

  it('records the columns in the summary and refuses a table that does not fit its kind', async () => {
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId,
      kind: 'sequence-classification',
      path: file('two.tsv'),
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value.summary).toMatchObject({
      labelNames: ['0', '1'],
      columns: { labels: ['label_gata1', 'label_ctcf'], features: [], profile: null },
    });
    expect(Object.keys(outcome.value.labelCounts)).toEqual(['label_gata1', 'label_ctcf']);
    const refused = async (input: Record<string, unknown>) => {
      const result = await importDataset(db.fork(), db.artifacts, {
        projectId,
        kind: 'sequence-classification',
        path: '',
        ...input,
      });
      return result.ok ? [] : result.errors.map((e) => [e.code, e.message]);
    };
    expect(await refused({ path: file('profiles.tsv') })).toEqual([
      [
        'NO_LABELS',
        'profiles.tsv: no label column; a table of per-position counts imports as kind sequence-regression',
      ],
    ]);
    expect(await refused({ path: file('two.tsv'), kind: 'sequence-regression' })).toEqual([
      [
        'FORMAT_ERROR',
        'two.tsv:1: the header needs columns id, sequence, counts; missing counts (found id, label_gata1, label_ctcf, sequence)',
      ],
    ]);
    await writeFile(file('na.tsv'), 'id\tlabel\tsequence\tcpg_1\ns1\t1\tAC\t0\ns2\t0\tAG\tNA\n');
    expect(await refused({ path: file('na.tsv'), featureColumns: ['cpg_'] })).toEqual([
      [
        'FORMAT_ERROR',
        'na.tsv:3: sequence s2: feature column cpg_1 holds "NA", not a number (missing values such as NA are not allowed)',
      ],
    ]);
  });
});
