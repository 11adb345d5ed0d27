import { parseArgs } from 'node:util';
import { IMPORT_KINDS, importDataset } from '@strand/jobs';
import type { ImportProgress } from '@strand/jobs';
import { CliError } from '../cli-error.ts';
import { warningLines } from '../warnings-output.ts';
import type { RuleWarnings } from '../warnings-output.ts';
import { openEmbeddedStore } from '../embedded-store.ts';
import { createOutput } from '../output.ts';
import type { Output } from '../output.ts';
import { describeDataset } from './inspect.ts';
import { importThroughApi, uploadUrl } from './import-api.ts';
import type { UploadedDataset } from './import-api.ts';

const HELP = `usage: strand import KIND FILE [options]

KIND is one of ${IMPORT_KINDS.join(', ')}. The file is parsed and validated as a stream; a
malformed record stops the import with FILE:LINE: reason and nothing is stored. What htslib (or
the format's common readers) reads with a warning is imported, and the warnings are kept with the
dataset and printed: the first few of each kind with FILE:LINE, then how many more.
  --labels FILE         expression: the sample table (first column the sample id)
  --label-column COL    expression: its label column (default: its second column); intervals:
                        the regions' label columns (name, score or 0-based numbers, comma-separated)
  --orientation O       expression: genes-by-samples or samples-by-genes (default: detected)
  --feature-columns L   sequence tables: numeric feature columns, names or prefixes, comma-separated
  --profile-column C    sequence tables: the per-position count column (sequence-regression: counts)
  --reference FASTA     intervals: the reference (plain or bgzip; its .fai is built when missing)
  --tasks A.bed,B.bed   intervals: BED files as tasks (label 1 where a window overlaps a peak)
  --width N             intervals: window width, centred on each region (default 200)
  --negatives N         intervals: gc-matched (background windows) or shuffled (dinucleotide-
                        shuffled positives), labelled 0
  --seed S              intervals: seed of the negatives (default 1)
  --name NAME           default: the file name
  --genome-build B      e.g. GRCh38
  --strict              refuse every deviation from the format's specification (FILE:LINE, exit 1)
  --data-dir DIR        the embedded store (default: STRAND_DATA_DIR or .strand)
  --api URL             import into a running API instead (POST URL/upload), with:
  --token TOKEN         an API token with the editor role (default: STRAND_TOKEN)
  --project P           the project's id or slug (default: your only project)
  --json                print the dataset as JSON`;

/** `--feature-columns a,cpg_`: names or prefixes; undefined when not given. */
function featureColumns(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Bytes as kB or MB (by the total), one decimal: the numbers a progress bar shows. */
function inUnits(done: number, total: number): [number, number, string] {
  const [unit, size] = total >= 1e6 ? ['MB', 1e6] : ['kB', 1e3];
  const round = (bytes: number) => Math.round((bytes / size) * 10) / 10;
  return [round(done), round(total), unit];
}

/** The progress bar of an import: bytes read of the files' size, and records parsed. */
function drawProgress(out: Output) {
  return (p: ImportProgress) => {
    const [done, total, unit] = inUnits(p.done, p.total ?? p.done);
    out.progress(p.phase, done, total, `${unit} · ${p.records} records`);
  };
}

/** What `--json` prints for a dataset imported through the API (as describeDataset names it). */
function describeUploaded(d: UploadedDataset) {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    status: d.status,
    projectId: d.projectId,
    records: d.recordCount,
    sequenceLength: d.sequenceLength,
    labelCounts: d.labelCounts,
    genomeBuild: d.genomeBuild,
    checksum: d.checksum,
    warnings: d.warnings,
    createdAt: d.createdAt,
  };
}

/** `, 12 warning(s) of 3 kind(s)` after a summary line; nothing for a clean import. */
function warningTotal(warnings: RuleWarnings[]): string {
  const total = warnings.reduce((sum, w) => sum + w.count, 0);
  return total ? `, ${total} warning(s) of ${warnings.length} kind(s)` : '';
}

/** \`strand import\`: imports a file into the embedded store's default project, or through an API. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      labels: { type: 'string' },
      'label-column': { type: 'string' },
      'feature-columns': { type: 'string' },
      'profile-column': { type: 'string' },
      orientation: { type: 'string' },
      reference: { type: 'string' },
      tasks: { type: 'string' },
      width: { type: 'string' },
      negatives: { type: 'string' },
      seed: { type: 'string' },
      name: { type: 'string' },
      'genome-build': { type: 'string' },
      'data-dir': { type: 'string' },
      api: { type: 'string' },
      token: { type: 'string' },
      project: { type: 'string' },
      strict: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new CliError(`strand import: give KIND and FILE\n${HELP}`, 2);
  const [kind, path] = positionals;
  const out = createOutput(values.json);
  const summary = (d: { name: string; id: string; records: number; warnings: RuleWarnings[] }) =>
    [
      `imported ${d.name} (${d.id}): ${d.records} records${warningTotal(d.warnings)}`,
      ...warningLines(d.warnings),
    ].join('\n');
  const intervals = {
    referencePath: values.reference ?? null,
    taskPaths: featureColumns(values.tasks) ?? null,
    windowWidth: values.width === undefined ? null : integer('--width', values.width),
    negatives: values.negatives ?? null,
    seed: values.seed === undefined ? null : integer('--seed', values.seed),
  };
  const intervalOnly = ['reference', 'tasks', 'width', 'negatives', 'seed'].filter(
    (flag) => values[flag as keyof typeof values] !== undefined,
  );
  if (kind !== 'intervals' && intervalOnly.length) {
    throw new CliError(`strand import: --${intervalOnly[0]} goes with KIND intervals`, 2);
  }
  if (values.api !== undefined) {
    if (kind === 'intervals') {
      throw new CliError(
        'strand import: intervals imports read server files; use the embedded store or the importDataset mutation',
        2,
      );
    }
    const token = values.token ?? process.env.STRAND_TOKEN;
    if (!token) throw new CliError('strand import: --api needs --token or STRAND_TOKEN', 2);
    if (values['data-dir'] !== undefined) {
      throw new CliError('strand import: give --api or --data-dir, not both', 2);
    }
    const endpoint = uploadUrl(values.api);
    out.info(`Uploading ${path} as ${kind} to ${endpoint.origin}…`);
    const dataset = await importThroughApi({
      api: values.api,
      token,
      project: values.project,
      kind,
      path,
      labels: values.labels,
      labelColumn: values['label-column'],
      featureColumns: featureColumns(values['feature-columns']),
      profileColumn: values['profile-column'],
      orientation: values.orientation,
      name: values.name,
      genomeBuild: values['genome-build'],
      strict: values.strict,
      onProgress: (sent, total) => out.progress('uploading', ...inUnits(sent, total)),
      onJobProgress: (p) => {
        if (p.unit === 'bytes') {
          const [done, total, unit] = inUnits(p.done, p.total ?? p.done);
          out.progress('importing', done, total, unit);
        } else out.progress('importing', p.done, p.total ?? p.done, p.unit);
      },
    });
    out.result(describeUploaded(dataset), summary);
    return 0;
  }
  if (values.project !== undefined || values.token !== undefined) {
    throw new CliError('strand import: --project and --token go with --api', 2);
  }
  const { db, project } = await openEmbeddedStore(values['data-dir']);
  try {
    out.info(`Importing ${path} as ${kind}…`);
    const outcome = await importDataset(
      db.fork(),
      db.artifacts,
      {
        projectId: project.id,
        kind,
        path,
        name: values.name,
        labelsPath: values.labels,
        labelColumn: values['label-column'],
        featureColumns: featureColumns(values['feature-columns']),
        profileColumn: values['profile-column'],
        orientation: values.orientation,
        genomeBuild: values['genome-build'],
        strict: values.strict,
        ...(kind === 'intervals' ? intervals : {}),
      },
      { onProgress: drawProgress(out) },
    );
    if (!outcome.ok)
      throw new CliError(
        outcome.errors.map((e) => e.message).join('\n'),
        e2exit(outcome.errors[0].code),
      );
    out.result(describeDataset(outcome.value), summary);
    return 0;
  } finally {
    await db.close();
  }
}

/** Usage mistakes exit 2; bad file content 1. */
function e2exit(code: string): number {
  return ['UNKNOWN_KIND', 'REQUIRED', 'UNKNOWN_NEGATIVES', 'INVALID_OPTIONS'].includes(code)
    ? 2
    : 1;
}

function integer(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n))
    throw new CliError(`strand import: ${flag} must be an integer; got "${raw}"`, 2);
  return n;
}
