import { open } from 'node:fs/promises';
import { openSequenceTable, readFasta, readLabelledFasta } from '@strand/genomics';
import { CliError } from './cli-error.ts';

const FASTA = /\.(fa|fasta|fna)(\.gz)?$/i;

async function firstChar(path: string): Promise<string> {
  const handle = await open(path).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${path}: cannot read (${error.code ?? error.message})`);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    // gzip starts with 0x1f 0x8b: a compressed table or FASTA; its name says which.
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return '';
    return buffer.subarray(0, bytesRead).toString('utf8').trimStart()[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * The sequences of the files `strand train` reads — a sequence table (TSV/CSV, with its id and
 * sequence columns; labels optional), a labelled FASTA, or a plain FASTA — streamed in batches
 * of `size`, so a caller holds one batch at a time. With `label`, only records of that label
 * (tables and labelled FASTA).
 */
export async function* sequenceBatches(
  path: string,
  size: number,
  label?: string,
): AsyncGenerator<string[]> {
  const fasta = FASTA.test(path) || (await firstChar(path)) === '>';
  let records: AsyncIterable<{ sequence: string; label?: string | number }>;
  if (fasta) {
    records = label === undefined ? readFasta(path) : readLabelledFasta(path);
  } else {
    const table = await openSequenceTable(path, { profileColumn: null });
    records = (async function* () {
      for await (const r of table.records) yield { sequence: r.sequence, label: r.labels[0] };
    })();
  }
  let batch: string[] = [];
  for await (const record of records) {
    if (label !== undefined && String(record.label) !== label) continue;
    batch.push(record.sequence.toUpperCase());
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
