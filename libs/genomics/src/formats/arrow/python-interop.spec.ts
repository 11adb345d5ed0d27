// A table Strand writes opens in Python (pyarrow, in a venv that tools/scripts/python-venv.sh
// makes under .cache/ on first use) with the same rows, columns, chunks and metadata.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TableWriter } from './table-writer.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');

const READ = `
import json, sys
import pyarrow.ipc as ipc, pyarrow.feather as feather
path = sys.argv[1]
reader = ipc.open_file(path)
table = reader.read_all()
assert table.equals(feather.read_table(path))
print(json.dumps({
  "batches": reader.num_record_batches,
  "columns": [str(f.type) for f in table.schema],
  "shape": table.schema.field("pileup").metadata[b"strand.shape"].decode(),
  "metadata": {k.decode(): v.decode() for k, v in table.schema.metadata.items()},
  "rows": table.to_pylist(),
}))
`;

describe('a Strand table in Python', () => {
  it('reads back the same rows with pyarrow', { timeout: 600_000 }, () => {
    const python = execFileSync('bash', [join(ROOT, 'tools/scripts/python-venv.sh')], {
      encoding: 'utf8',
    }).trim();
    const dir = mkdtempSync(join(tmpdir(), 'strand-pyarrow-'));
    const path = join(dir, 'table.arrow');
    const rows = Array.from({ length: 5 }, (_, i) => ({
      id: `chr1:${i * 100}-${i * 100 + 8}`,
      label: i % 2,
      sequence: ['ACGTACGT', 'acgtNNRY', 'TTTT', 'GATTACA', 'N'][i],
      pileup: [i, 0.5, -1, 2, 3, 4],
      counts: Array.from({ length: i }, (_, k) => k + 0.25),
    }));
    const writer = TableWriter.create(path, {
      columns: [
        { name: 'id', type: 'utf8' },
        { name: 'label', type: 'uint8' },
        { name: 'sequence', type: 'utf8' },
        { name: 'pileup', type: 'float32', shape: [2, 3] },
        { name: 'counts', type: 'float32', list: true },
      ],
      chunkRows: 2,
      metadata: { 'strand.dataset': '{"kind":"sequence-classification"}' },
    });
    for (const row of rows) writer.append(row);
    writer.close();
    const script = join(dir, 'read.py');
    writeFileSync(script, READ);
    const out = JSON.parse(execFileSync(python, [script, path], { encoding: 'utf8' }));
    expect(out).toEqual({
      batches: 3,
      columns: [
        'string',
        'uint8',
        'string',
        'fixed_size_list<item: float not null>[6]',
        'list<item: float not null>',
      ],
      shape: '[2,3]',
      metadata: { 'strand.dataset': '{"kind":"sequence-classification"}' },
      rows,
    });
  });
});
