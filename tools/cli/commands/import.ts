import { parseArgs } from 'node:util';
import { IMPORT_KINDS, importDataset } from '@strand/jobs';
import { CliError } from '../cli-error.ts';
import { openEmbeddedStore } from '../embedded-store.ts';
import { createOutput } from '../output.ts';
import { describeDataset } from './inspect.ts';

const HELP = `usage: strand import KIND FILE [options]

KIND is one of ${IMPORT_KINDS.join(', ')}. The file is parsed and validated as a stream; a
malformed record stops the import with FILE:LINE: reason and nothing is stored.
  --labels FILE         expression: the sample table (first column the sample id)
  --label-column COL    expression: its label column (default: its second column)
  --name NAME           default: the file name
  --genome-build B      e.g. GRCh38
  --data-dir DIR        the embedded store (default: STRAND_DATA_DIR or .strand)
  --json                print the dataset as JSON`;

/** \`strand import\`: imports a file into the embedded store's default project. */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      labels: { type: 'string' },
      'label-column': { type: 'string' },
      name: { type: 'string' },
      'genome-build': { type: 'string' },
      'data-dir': { type: 'string' },
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
  const { db, project } = await openEmbeddedStore(values['data-dir']);
  try {
    out.info(`Importing ${path} as ${kind}…`);
    const outcome = await importDataset(db.fork(), db.artifacts, {
      projectId: project.id,
      kind,
      path,
      name: values.name,
      labelsPath: values.labels,
      labelColumn: values['label-column'],
      genomeBuild: values['genome-build'],
    });
    if (!outcome.ok)
      throw new CliError(
        outcome.errors.map((e) => e.message).join('\n'),
        e2exit(outcome.errors[0].code),
      );
    out.result(
      describeDataset(outcome.value),
      (d) => `imported ${d.name} (${d.id}): ${d.records} records`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

/** Usage mistakes exit 2; bad file content 1. */
function e2exit(code: string): number {
  return code === 'UNKNOWN_KIND' || code === 'REQUIRED' ? 2 : 1;
}
