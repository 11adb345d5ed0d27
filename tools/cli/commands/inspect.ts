import { parseArgs } from 'node:util';
import { Dataset } from '@strand/data';
import { CliError } from '../cli-error.ts';
import { openEmbeddedStore } from '../embedded-store.ts';
import { createOutput } from '../output.ts';
import { warningLines } from '../warnings-output.ts';

/** What `strand inspect` shows of a dataset: counts, balance and the import's summary. */
export function describeDataset(d: Dataset) {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    status: d.status,
    records: d.recordCount,
    sequenceLength: d.sequenceLength,
    labelCounts: d.labelCounts,
    genomeBuild: d.genomeBuild,
    checksum: d.checksum,
    summary: d.summary,
    warnings: d.warnings ?? [],
    createdAt: d.createdAt.toISOString(),
  };
}

const HELP = `usage: strand inspect DATASET [--data-dir DIR] [--json]

Counts, label balance, lengths, GC and missingness of a dataset in the embedded store
(DATASET: its id, or its name when that is unique).`;

/** \`strand inspect\`. */
export async function inspect(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`strand inspect: give one DATASET\n${HELP}`, 2);
  const { db } = await openEmbeddedStore(values['data-dir']);
  try {
    const em = db.fork();
    const [key] = positionals;
    const byId = await em.findOne(Dataset, { id: key });
    const byName = byId ? [byId] : await em.find(Dataset, { name: key });
    if (byName.length !== 1) {
      throw new CliError(
        byName.length
          ? `strand inspect: ${byName.length} datasets are named "${key}"; give the id`
          : `strand inspect: no dataset "${key}"`,
      );
    }
    const d = describeDataset(byName[0]);
    createOutput(values.json).result(d, (x) => {
      const balance = Object.entries(x.labelCounts)
        .map(([label, n]) => `${label} ${n} (${((100 * n) / x.records).toFixed(1)}%)`)
        .join(', ');
      const lines = [
        `${x.name}  ${x.kind}  ${x.status}  ${x.records} records`,
        `id        ${x.id}`,
        `checksum  ${x.checksum}`,
      ];
      if (balance) lines.push(`labels    ${balance}`);
      if (x.genomeBuild) lines.push(`build     ${x.genomeBuild}`);
      for (const [k, v] of Object.entries(x.summary ?? {})) {
        if (k === 'labels' || k === 'sampleIds') continue; // per-sample values stay out of the terminal
        lines.push(`${k.padEnd(9)} ${typeof v === 'number' ? +v.toFixed(4) : JSON.stringify(v)}`);
      }
      lines.push(...warningLines(x.warnings));
      return lines.join('\n');
    });
    return 0;
  } finally {
    await db.close();
  }
}
