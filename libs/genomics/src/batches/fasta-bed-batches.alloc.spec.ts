import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/rng.ts';

// Why RSS stays flat (tools/bench/encode-rss.ts measures it): encoding a region allocates next to
// nothing, so V8's young generation has no reason to grow. Checked here without timing: a child
// runs 600k regions with a 1 MB young generation and synchronous JIT compilation, and counts
// scavenges — each one means ~1 MB allocated. Today that is ~2 (about 3 bytes a region); a
// string or an object per region (30-100 bytes) would make it 20-60.

const dir = mkdtempSync(join(tmpdir(), 'strand-batch-alloc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REGIONS = 600_000;
const MAX_SCAVENGES = 8;

async function writeInputs(): Promise<{ fasta: string; bed: string }> {
  const rng = createRng(3);
  const fasta = join(dir, 'ref.fa');
  const lines = [];
  for (let c = 1; c <= 2; c++) {
    lines.push(`>chr${c}`);
    for (let i = 0; i < 2000; i++) {
      lines.push(Array.from({ length: 60 }, () => 'ACGT'[rng.int(4)]).join(''));
    }
  }
  writeFileSync(fasta, `${lines.join('\n')}\n`);
  const bed = join(dir, 'regions.bed');
  const out = createWriteStream(bed);
  for (let i = 0; i < REGIONS; i++) {
    const start = rng.int(119_000);
    if (!out.write(`chr${1 + (i & 1)}\t${start}\t${start + 1 + rng.int(500)}\tr\t${i & 1}\n`)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { fasta, bed };
}

const CHILD = (module: string, fasta: string, bed: string) => `
import { PerformanceObserver } from 'node:perf_hooks';
import { fastaBedBatches } from ${JSON.stringify(module)};
let scavenges = 0;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail?.kind === 1) scavenges++;
});
globalThis.gc();
observer.observe({ entryTypes: ['gc'] });
let records = 0;
for await (const batch of fastaBedBatches({ fasta: ${JSON.stringify(fasta)}, bed: ${JSON.stringify(bed)}, length: 101, batchSize: 1024, labelColumn: 'score' })) {
  records += batch.count;
  batch.release();
}
await new Promise((resolve) => setTimeout(resolve, 20));
process.stdout.write(JSON.stringify({ records, scavenges }));
`;

describe('fastaBedBatches allocation', () => {
  it('allocates next to nothing per region (a bounded number of scavenges)', async () => {
    const { fasta, bed } = await writeInputs();
    const module = fileURLToPath(new URL('./fasta-bed-batches.ts', import.meta.url));
    const flags = [
      '--expose-gc',
      '--min-semi-space-size=1',
      '--max-semi-space-size=1',
      '--no-concurrent-recompilation',
    ];
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...flags, '--import', 'tsx', '--input-type=module', '-e', CHILD(module, fasta, bed)],
      { encoding: 'utf8', timeout: 50_000 },
    );
    const result = JSON.parse(stdout) as { records: number; scavenges: number };
    expect(result.records).toBe(REGIONS);
    expect(result.scavenges, JSON.stringify(result)).toBeLessThanOrEqual(MAX_SCAVENGES);
  });
});
