/**
 * Imports a dataset from files on the server: parses and validates them as a stream (a malformed
 * record stops the import with `file:line: reason`), writes the stored form into the artifact
 * store, and only then creates the dataset row, READY, in one flush — so a failed or aborted
 * import leaves nothing visible. Parts: input checks; one reader per kind; the atomic store.
 * Progress and abort: see import-progress.ts.
 */
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import {
  joinSampleAnnotations,
  keepSamples,
  openSequenceTable,
  openVcf,
  ReadWarnings,
  readExpressionMatrix,
  readLabelledFasta,
  readSampleAnnotations,
  sortVcf,
} from '@strand/genomics';
import type { ExpressionMatrix, ReadOptions } from '@strand/genomics';
import { Dataset, Project } from '@strand/data';
import type { ArtifactStore, DatasetKind, JsonObject } from '@strand/data';
import { userError } from '../errors/user-error.ts';
import type { Outcome } from '../errors/user-error.ts';
import type { ImportOptions } from './import-progress.ts';
import { ImportAborted, ImportProgressReporter } from './import-progress.ts';
import type { StoredColumns } from '../learning/stored-data.ts';
import { importError } from './import-error.ts';
import { SEQUENCE_TABLE_FILE } from './sequence-store.ts';
import { SequenceStoreWriter } from './sequence-store-writer.ts';
import { importIntervals, INTERVAL_NEGATIVES } from './import-intervals.ts';
import type { IntervalNegatives } from './import-intervals.ts';

export type { ImportOptions, ImportProgress } from './import-progress.ts';

/**
 * What an import reads: `sequence-classification` a labelled sequence table or FASTA (one label
 * column, or several 0/1 ones for a multitask head; optionally numeric feature columns, the
 * second input of DeepCpG); `sequence-regression` a sequence table of per-position read counts
 * (BPNet's target; feature columns optional); `expression` a matrix with a sample table;
 * `variants` a VCF; `intervals` windows of a reference FASTA at BED regions, labelled by their
 * columns or by the peaks of task BED files (import-intervals.ts), stored as
 * sequence-classification.
 */
export const IMPORT_KINDS = [
  'sequence-classification',
  'sequence-regression',
  'expression',
  'variants',
  'intervals',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportDatasetInput {
  projectId: string;
  kind: string;
  /** sequence-classification: a labelled sequence table (TSV/CSV) or labelled FASTA (`>id label=x`);
   * sequence-regression: a sequence table with a count column; expression: a matrix; variants: a
   * VCF. Plain, gzip or bgzip. */
  path: string;
  name?: string | null;
  /** expression: the sample table (first column the sample id). */
  labelsPath?: string | null;
  /**
   * expression: the label column of the sample table. sequence-classification tables: the label
   * column, or several separated by commas (multitask, 0/1 values); default `label`, else every
   * `label_*` column.
   */
  labelColumn?: string | null;
  /**
   * Sequence tables: numeric feature columns kept as the second input (DeepCpG), each a column
   * name or a prefix (`cpg_` selects cpg_1, cpg_2, …). Missing values are an error.
   */
  featureColumns?: string[] | null;
  /**
   * The per-position count column: sequence-regression's target (default `counts`); named for
   * sequence-classification, kept beside the labels.
   */
  profileColumn?: string | null;
  genomeBuild?: string | null;
  /** expression: how the matrix is laid out; detected when left out (see readExpressionMatrix). */
  orientation?: string | null;
  /**
   * Refuse what the format's specification forbids even where htslib (or the format's common
   * readers) read it: each such deviation stops the import with FILE:LINE instead of a warning.
   */
  strict?: boolean | null;
  /** intervals: the reference FASTA (plain or bgzip, indexed; the .fai is built when missing). */
  referencePath?: string | null;
  /** intervals: BED files whose peaks are the tasks (label 1 where a window overlaps one). */
  taskPaths?: string[] | null;
  /** intervals: the width of every window, centred on its region (default 200). */
  windowWidth?: number | null;
  /** intervals: `gc-matched` background windows or `shuffled` positives, labelled 0. */
  negatives?: string | null;
  /** intervals: seed of the negatives (default 1). */
  seed?: number | null;
}

/** How an expression matrix may be laid out (ImportDatasetInput.orientation). */
export const EXPRESSION_ORIENTATIONS = ['genes-by-samples', 'samples-by-genes'] as const;

interface Stored {
  recordCount: number;
  sequenceLength: number | null;
  labelCounts: Record<string, number>;
  summary: JsonObject;
  /** SHA-256 of the stored file when it was computed as it was written. */
  checksum?: string;
}

/**
 * Writes the stored form to `tmp` (absolute) and describes it, reading through `progress`; the
 * readers send what they tolerate to `read.warnings` (and refuse it with `read.strict`).
 */
type Reader = (
  input: ImportDatasetInput,
  tmp: string,
  progress: ImportProgressReporter,
  read: ReadOptions,
) => Promise<Stored>;

const READERS: Record<ImportKind, Reader> = {
  'sequence-classification': (input, tmp, progress, read) =>
    importSequences(input, tmp, progress, read, basename(input.path)),
  'sequence-regression': (input, tmp, progress, read) =>
    importSequences(input, tmp, progress, read, basename(input.path)),
  expression: importExpression,
  variants: importVariants,
  intervals: (input, tmp, progress) =>
    importIntervals(
      {
        path: input.path,
        referencePath: input.referencePath ?? '',
        windowWidth: input.windowWidth ?? 200,
        taskPaths: input.taskPaths ?? null,
        labelColumn: input.labelColumn ?? null,
        negatives: (input.negatives as IntervalNegatives | null | undefined) ?? null,
        seed: input.seed ?? null,
      },
      tmp,
      progress,
    ),
};

/**
 * The checks an import makes before reading anything: a known kind, the files exist, an
 * expression import has its sample table, the project exists. Import jobs run them before queueing.
 */
export async function checkImportInput(
  em: EntityManager,
  input: ImportDatasetInput,
): Promise<Outcome<{ kind: ImportKind; project: Project }>> {
  if (!(IMPORT_KINDS as readonly string[]).includes(input.kind)) {
    return fail(
      'kind',
      'UNKNOWN_KIND',
      `unknown dataset kind "${input.kind}"; one of ${IMPORT_KINDS.join(', ')}`,
    );
  }
  const kind = input.kind as ImportKind;
  if (kind === 'intervals') {
    if (!input.referencePath) {
      return fail(
        'referencePath',
        'REQUIRED',
        'an intervals import needs a reference FASTA (referencePath)',
      );
    }
    if (
      input.negatives != null &&
      !(INTERVAL_NEGATIVES as readonly string[]).includes(input.negatives)
    ) {
      return fail(
        'negatives',
        'UNKNOWN_NEGATIVES',
        `unknown negatives "${input.negatives}"; one of ${INTERVAL_NEGATIVES.join(', ')}`,
      );
    }
  }
  for (const [field, path] of [
    ['path', input.path],
    ['labelsPath', input.labelsPath],
    ['referencePath', input.referencePath],
    ...(input.taskPaths ?? []).map((p) => ['taskPaths', p] as const),
  ] as const) {
    if (
      path &&
      !(await stat(path).then(
        (s) => s.isFile(),
        () => false,
      ))
    ) {
      return fail(field, 'FILE_NOT_FOUND', `${path}: no such file`);
    }
  }
  if (
    input.orientation != null &&
    !(EXPRESSION_ORIENTATIONS as readonly string[]).includes(input.orientation)
  ) {
    return fail(
      'orientation',
      'UNKNOWN_ORIENTATION',
      `unknown orientation "${input.orientation}"; one of ${EXPRESSION_ORIENTATIONS.join(', ')}`,
    );
  }
  if (kind === 'expression' && !input.labelsPath) {
    return fail('labelsPath', 'REQUIRED', 'an expression import needs a sample table (labelsPath)');
  }
  const project = await em.findOne(Project, { id: input.projectId });
  if (!project) return fail('projectId', 'NOT_FOUND', `no project with id "${input.projectId}"`);
  return { ok: true, value: { kind, project } };
}

/** Imports a dataset (see the file comment); expected failures come back as user errors. */
export async function importDataset(
  em: EntityManager,
  artifacts: ArtifactStore,
  input: ImportDatasetInput,
  options: ImportOptions = {},
): Promise<Outcome<Dataset>> {
  const checked = await checkImportInput(em, input);
  if (!checked.ok) return checked;
  const { kind, project } = checked.value;

  const id = crypto.randomUUID();
  const file =
    kind === 'sequence-classification' || kind === 'sequence-regression' || kind === 'intervals'
      ? SEQUENCE_TABLE_FILE
      : kind === 'expression'
        ? 'expression.tsv'
        : 'variants.vcf';
  const rel = `datasets/${id}/${file}`;
  const final = artifacts.resolve(rel);
  const tmp = `${final}.importing`;
  await mkdir(dirname(final), { recursive: true });
  let totalBytes = 0;
  // Progress counts the bytes of the files read as a stream (not a reference read at random).
  for (const path of [input.path, input.labelsPath]) {
    if (path) totalBytes += (await stat(path)).size;
  }
  const progress = new ImportProgressReporter(options, totalBytes, basename(input.path));
  const cancelled = async () => {
    await artifacts.remove(`datasets/${id}`);
    return fail(null, 'CANCELLED', 'the import was cancelled; nothing was stored');
  };
  let stored: Stored;
  let checksum: string;
  const warnings = new ReadWarnings();
  try {
    progress.checkAborted();
    progress.report('reading', 0, totalBytes, true);
    const { checksum: written, ...described } = await READERS[kind](input, tmp, progress, {
      strict: input.strict ?? false,
      warnings,
    });
    stored = described;
    progress.report('reading', progress.bytes, totalBytes, true);
    await rename(tmp, final);
    checksum = written ?? (await progress.sha256(final));
    if (written) {
      // Hashed as it was written: the storing phase is over at once.
      const { size } = await stat(final);
      progress.report('storing', size, size, true);
    }
    progress.checkAborted();
    await artifacts.push(rel);
  } catch (error) {
    // An abort may reach here wrapped by a parser (as an error of its input stream).
    if (error instanceof ImportAborted || options.signal?.aborted) return cancelled();
    await artifacts.remove(`datasets/${id}`);
    const e = error as Error & { code?: string };
    // Strand's format and genomics errors are the user's input; anything else is ours.
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code))
      return fail('path', e.code, e.message);
    throw error;
  }
  const dataset = new Dataset(
    project,
    input.name?.trim() || basename(input.path),
    (kind === 'intervals' ? 'sequence-classification' : kind) as DatasetKind,
  );
  Object.assign(dataset, {
    ...stored,
    id,
    status: 'READY',
    artifactPath: rel,
    genomeBuild: input.genomeBuild ?? null,
    checksum,
    warnings: warnings.summary(),
    source: {
      import: basename(input.path),
      labels: input.labelsPath ? basename(input.labelsPath) : null,
      labelColumn: input.labelColumn ?? null,
      strict: input.strict ?? false,
      ...(kind === 'intervals'
        ? {
            kind: 'intervals',
            reference: basename(input.referencePath ?? ''),
            tasks: (input.taskPaths ?? []).map((p) => basename(p)),
            windowWidth: input.windowWidth ?? 200,
            negatives: input.negatives ?? null,
          }
        : {}),
    },
  });
  em.persist(dataset);
  try {
    await em.flush();
  } catch (error) {
    await artifacts.remove(`datasets/${id}`);
    throw error;
  }
  return { ok: true, value: dataset };
}

function fail(field: string | null, code: string, message: string): Outcome<never> {
  return { ok: false, errors: [userError(field, code, message)] };
}

const count = (values: Iterable<string>) => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

/**
 * Sequence imports: every record is checked and written into the store as it streams (the
 * layout of sequence-store.ts), the summary computed on the way. Several label columns, feature
 * columns or a count profile are stored under the fixed names of STORED_COLUMNS (task_1…,
 * feature_1…, counts); summary.columns names what each held in the imported file.
 */
async function importSequences(
  input: ImportDatasetInput,
  tmp: string,
  progress: ImportProgressReporter,
  read: ReadOptions,
  label: string,
): Promise<Stored> {
  const fasta = /\.(fa|fasta|fna)(\.gz)?$/i.test(input.path);
  const regression = input.kind === 'sequence-regression';
  const source = progress.read(input.path);
  const labelColumns = input.labelColumn?.split(',').map((c) => c.trim());
  if (fasta && (regression || labelColumns || input.featureColumns || input.profileColumn)) {
    throw importError(
      'UNSUPPORTED_FORMAT',
      `${label}: a FASTA file holds one label per sequence; ${regression ? 'a sequence-regression dataset' : 'label, feature and profile columns'} need a sequence table`,
    );
  }
  if (regression && labelColumns) {
    throw importError(
      'UNSUPPORTED_OPTION',
      `a sequence-regression dataset trains on its count column and has no label columns; import a table with both as sequence-classification with profileColumn`,
    );
  }
  if (fasta) {
    const columns: StoredColumns = { labels: ['label'], features: [], profile: null };
    const writer = new SequenceStoreWriter(tmp, columns, label);
    return storeRecords(writer, input, async (add) => {
      for await (const r of readLabelledFasta(source, { ...read, label })) {
        progress.record();
        add({ id: r.id, sequence: r.sequence, labels: [r.label] }, r.line);
      }
    });
  }
  const table = await openSequenceTable(source, {
    ...read,
    label,
    ...(regression ? { labelColumns: [], profileColumn: input.profileColumn ?? 'counts' } : {}),
    ...(labelColumns ? { labelColumns } : {}),
    ...(input.featureColumns ? { featureColumns: input.featureColumns } : {}),
    ...(!regression && input.profileColumn ? { profileColumn: input.profileColumn } : {}),
  });
  const { layout } = table;
  if (!regression && layout.labelColumns.length === 0) {
    await table.records.return(undefined);
    throw importError(
      'NO_LABELS',
      `${label}: no label column; a table of per-position counts imports as kind sequence-regression`,
    );
  }
  // The profile's tracks are those of the first record: the writer is made once it is read.
  const first = await table.records.next();
  if (first.done) throw importError('EMPTY', `${input.path}: no records`);
  const columns: StoredColumns = {
    labels: [...layout.labelColumns],
    features: [...layout.featureColumns],
    profile:
      layout.profileColumn === null
        ? null
        : { column: layout.profileColumn, tracks: first.value.tracks },
  };
  const writer = new SequenceStoreWriter(tmp, columns, label);
  return storeRecords(writer, input, async (add) => {
    progress.record();
    add(first.value, first.value.line);
    for await (const r of table.records) {
      progress.record();
      add(r, r.line);
    }
  });
}

/** What writeSequenceTable reads: a sequence import's file and columns. */
export type SequenceFileInput = Pick<
  ImportDatasetInput,
  'path' | 'labelColumn' | 'featureColumns' | 'profileColumn'
> & { kind: 'sequence-classification' | 'sequence-regression' };

/**
 * A sequence table or labelled FASTA written as a store table at `table` as it streams, as an
 * import writes it but with no dataset row (`strand train --train FILE` trains from it). Errors
 * name the file as `label` (default: its path). Removes the table when anything fails.
 */
export async function writeSequenceTable(
  input: SequenceFileInput,
  table: string,
  options: ImportOptions & { label?: string } = {},
): Promise<{ recordCount: number; checksum: string }> {
  const { size } = await stat(input.path);
  const progress = new ImportProgressReporter(options, size, basename(input.path));
  try {
    const stored = await importSequences(
      { projectId: '', ...input },
      table,
      progress,
      {},
      options.label ?? input.path,
    );
    return {
      recordCount: stored.recordCount,
      checksum: stored.checksum ?? (await progress.sha256(table)),
    };
  } catch (error) {
    await rm(table, { force: true });
    throw error;
  }
}

/**
 * Streams records into `writer` through `read`, then finishes the table; removes it when
 * anything fails (the caller removes the dataset directory too).
 */
async function storeRecords(
  writer: SequenceStoreWriter,
  input: ImportDatasetInput,
  read: (add: SequenceStoreWriter['add']) => Promise<void>,
): Promise<Stored> {
  try {
    await read((record, line) => writer.add(record, line));
    if (writer.records === 0) throw importError('EMPTY', `${input.path}: no records`);
    return writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

async function importExpression(
  input: ImportDatasetInput,
  tmp: string,
  progress: ImportProgressReporter,
  read: ReadOptions,
): Promise<Stored> {
  const name = basename(input.path);
  const full = await readExpressionMatrix(progress.read(input.path), {
    ...read,
    label: name,
    ...(input.orientation
      ? { orientation: input.orientation as (typeof EXPRESSION_ORIENTATIONS)[number] }
      : {}),
  });
  // checkImportInput made sure an expression import has its sample table.
  const labelsName = basename(input.labelsPath ?? '');
  const annotations = await readSampleAnnotations(progress.read(input.labelsPath ?? ''), {
    ...read,
    label: labelsName,
  });
  const column = input.labelColumn ?? annotations.columns[0];
  if (!annotations.columns.includes(column)) {
    throw Object.assign(
      new Error(`${labelsName}: no column "${column}" (found: ${annotations.columns.join(', ')})`),
      { code: 'UNKNOWN_COLUMN' },
    );
  }
  // The samples both files have: the others are dropped with a warning.
  const joined = joinSampleAnnotations(
    full.samples,
    annotations,
    { label: name, line: (i) => full.sampleLines[i] },
    read,
  );
  const matrix = keepSamples(full, joined.indices);
  // A sample is a record: all of them are known once the matrix is read.
  progress.records = matrix.samples.length;
  // Stored as imported, unless samples were dropped: then the kept ones only.
  if (matrix === full) await copyFile(input.path, tmp);
  else await writeFile(tmp, matrixText(matrix));
  const labels = joined.rows.map((row) => row[column]);
  return {
    recordCount: matrix.samples.length,
    sequenceLength: null,
    labelCounts: count(labels),
    summary: {
      genes: matrix.genes.length,
      samples: matrix.samples.length,
      ...(joined.dropped.length ? { droppedSamples: joined.dropped.length } : {}),
      ...(joined.unused.length ? { ignoredAnnotations: joined.unused.length } : {}),
      orientation: matrix.orientation,
      missing: matrix.missing,
      missingFraction: matrix.missing / matrix.values.length,
      labelColumn: column,
      labels: Object.fromEntries(matrix.samples.map((s, i) => [s, labels[i]])),
    },
  };
}

/**
 * A matrix as TSV in the layout it was read in (so that reading it back detects the same
 * layout), missing values as NA: the stored form of a matrix with samples dropped.
 */
function matrixText(m: ExpressionMatrix): string {
  const genes = m.genes.length;
  const cell = (s: number, g: number) => {
    const v = m.values[s * genes + g];
    return Number.isNaN(v) ? 'NA' : String(v);
  };
  const lines: string[] = [];
  if (m.orientation === 'genes-by-samples') {
    lines.push(['gene', ...m.samples].join('\t'));
    for (let g = 0; g < genes; g++) {
      lines.push([m.genes[g], ...m.samples.map((_, s) => cell(s, g))].join('\t'));
    }
  } else {
    lines.push(['sample', ...m.genes].join('\t'));
    m.samples.forEach((sample, s) => {
      lines.push([sample, ...m.genes.map((_, g) => cell(s, g))].join('\t'));
    });
  }
  return `${lines.join('\n')}\n`;
}

async function importVariants(
  input: ImportDatasetInput,
  tmp: string,
  progress: ImportProgressReporter,
  read: ReadOptions,
): Promise<Stored> {
  // validateVcf's loop, counting records as they stream.
  const file = await openVcf(progress.read(input.path), { label: basename(input.path), ...read });
  for await (const _record of file) progress.record();
  const { samples, version, contigs } = file.header;
  // A sorted file (chromosomes contiguous, POS ascending: what tabix needs) is stored as given;
  // an unsorted one (read with a vcf-unsorted warning) is stored sorted by the header's contig
  // order and POS, through an external merge sort: the import holds no records in memory.
  const sortedOnImport = !file.sorted;
  if (sortedOnImport) {
    await sortVcf(progress.reread(input.path), tmp, { contigs: contigs.map((c) => c.id) });
  } else {
    await copyFile(input.path, tmp);
  }
  return {
    recordCount: progress.records,
    sequenceLength: null,
    labelCounts: {},
    summary: {
      version,
      samples: samples.length,
      sampleIds: samples.slice(0, 1000),
      sortedOnImport,
    },
  };
}
