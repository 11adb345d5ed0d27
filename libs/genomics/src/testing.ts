import { it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared real-data folder (`../shared/data` from the repo root), resolved from this file;
 * STRAND_SHARED_DATA points elsewhere (a git worktree sits at another depth).
 */
const SHARED_DATA =
  process.env['STRAND_SHARED_DATA'] ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

/** Absolute path of a file under the shared real-data folder, e.g. `sharedDataPath('motifs', x)`. */
export function sharedDataPath(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}

/** The JASPAR 2024 CORE vertebrates non-redundant file (879 matrices) in the shared data. */
export const SHARED_JASPAR_PATH = sharedDataPath(
  'motifs',
  'JASPAR2024_CORE_vertebrates_non-redundant.jaspar',
);

/** Whether the shared JASPAR file is present; tests that need it skip when it is not. */
export const HAS_SHARED_JASPAR = existsSync(SHARED_JASPAR_PATH);

/**
 * A test that reads the shared JASPAR file; when the file is absent it is skipped, and its title
 * says why.
 */
export function itWithSharedJaspar(title: string, fn: () => Promise<void> | void): void {
  const shown = HAS_SHARED_JASPAR ? title : `${title} (skipped: ${SHARED_JASPAR_PATH} not found)`;
  it.skipIf(!HAS_SHARED_JASPAR)(shown, fn);
}

/**
 * A test that reads files under the shared real-data folder (paths relative to it); when any is
 * absent the test is skipped and its title says which.
 */
export function itWithSharedData(
  title: string,
  files: string[],
  fn: (...paths: string[]) => Promise<void> | void,
  timeout?: number,
): void {
  const paths = files.map((file) => sharedDataPath(file));
  const missing = paths.find((path) => !existsSync(path));
  const shown = missing ? `${title} (skipped: ${missing} not found)` : title;
  it.skipIf(missing !== undefined)(shown, () => fn(...paths), timeout);
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Whether dwgsim, minimap2 and samtools are on the PATH (tools/scripts/install-test-deps.sh). */
export const HAS_READ_SIMULATOR = ['dwgsim', 'minimap2', 'samtools'].every(onPath);

/** Whether bcftools (htslib's caller, the baseline of `strand call`) is on the PATH. */
export const HAS_BCFTOOLS = onPath('bcftools');

/** What {@link simulateReads} wrote. */
export interface SimulatedReads {
  reference: string;
  bam: string;
  truth: string;
}

/**
 * Simulated reads with known variants (tools/scripts/simulate-reads.sh: dwgsim → minimap2 →
 * samtools) from a shared-data reference, into `outDir`.
 */
export function simulateReads(
  reference: string,
  region: string,
  outDir: string,
  options: { coverage?: number; error?: string; rate?: number; seed?: number } = {},
): SimulatedReads {
  const args = [resolve(REPO_ROOT, 'tools/scripts/simulate-reads.sh'), reference, region, outDir];
  if (options.coverage !== undefined) args.push('--coverage', String(options.coverage));
  if (options.error !== undefined) args.push('--error', options.error);
  if (options.rate !== undefined) args.push('--rate', String(options.rate));
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const run = spawnSync('bash', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`simulate-reads failed: ${run.stderr}`);
  return {
    reference: resolve(outDir, 'ref.fa'),
    bam: resolve(outDir, 'reads.bam'),
    truth: resolve(outDir, 'truth.vcf'),
  };
}
