/**
 * How long opening the database takes, cold, each in a fresh process. Run from the repo root:
 *   node --import tsx tools/bench/open-database.ts [runs]
 * Prints per phase the median and range over the runs: importing @strand/data (MikroORM, knex,
 * umzug, libsql), opening a fresh directory (creates the file, runs the migrations), reopening it
 * (nothing pending), closing, and the child process's whole life.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Phases = Record<'import' | 'create' | 'reopen' | 'close', number>;

if (process.argv[2] === '--child') {
  const t0 = performance.now();
  const { openDatabase } = await import('@strand/data');
  const t1 = performance.now();
  const fresh = await openDatabase({ dataDir: process.argv[3] });
  const t2 = performance.now();
  await fresh.close();
  const t3 = performance.now();
  const again = await openDatabase({ dataDir: process.argv[3] });
  const t4 = performance.now();
  await again.close();
  const t5 = performance.now();
  const phases: Phases = { import: t1 - t0, create: t2 - t1, reopen: t4 - t3, close: t5 - t4 };
  process.stdout.write(JSON.stringify(phases));
} else {
  const runs = Number(process.argv[2] ?? 5);
  const results: (Phases & { process: number })[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'strand-bench-'));
    const start = performance.now();
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--child', dir],
      { encoding: 'utf8' },
    );
    results.push({ ...(JSON.parse(out) as Phases), process: performance.now() - start });
    await rm(dir, { recursive: true, force: true });
  }
  for (const key of ['import', 'create', 'reopen', 'close', 'process'] as const) {
    const values = results.map((r) => r[key]).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    const range = `${values[0].toFixed(0)}–${values[values.length - 1].toFixed(0)}`;
    console.log(`${key.padEnd(8)} median ${median.toFixed(0).padStart(5)} ms   range ${range} ms`);
  }
}
