/**
 * The dashboard's first-page budget: the JavaScript a browser must load before the first page
 * shows — the entry chunk and every chunk it imports statically, by Vite's build manifest; lazy
 * (dynamically imported) views are not counted — gzip-compressed, at most 350 kB.
 *
 *   npm run budget          builds the dashboard into a temporary directory, prints each first-
 *                           page chunk's size and exits 1 when the total is over budget
 *
 * tools/scripts/bundle-budget.spec.ts runs the same check under `npm test`.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { buildDashboard } from '../e2e/strand-process.ts';

/** First-page JS, gzip-compressed, in bytes (kB = 1,000 bytes). */
export const FIRST_PAGE_BUDGET_BYTES = 350_000;

/** One chunk of Vite's `.vite/manifest.json`. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The files of the entry chunks and of everything they import statically, entry first. */
export function firstPageFiles(manifest: Manifest): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest imports "${key}", which it does not list`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  if (files.length === 0) throw new Error('the manifest has no entry chunk');
  return files;
}

export interface BudgetReport {
  chunks: { file: string; bytes: number; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
  ok: boolean;
}

/** Measures a built dashboard (built with `--manifest`) against the budget. */
export async function measureFirstPage(
  distDir: string,
  budgetBytes = FIRST_PAGE_BUDGET_BYTES,
): Promise<BudgetReport> {
  const manifest = JSON.parse(
    await readFile(join(distDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  const chunks = await Promise.all(
    firstPageFiles(manifest).map(async (file) => {
      const raw = await readFile(join(distDir, file));
      const gzipBytes = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
      return { file, bytes: raw.length, gzipBytes };
    }),
  );
  const gzipBytes = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  return { chunks, gzipBytes, budgetBytes, ok: gzipBytes <= budgetBytes };
}

/** Builds the dashboard with a manifest into `outDir` (apps/dashboard/dist is left alone). */
export const buildWithManifest = (outDir: string): void => buildDashboard(outDir, ['--manifest']);

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The report as lines a person reads. */
export function formatReport(report: BudgetReport): string {
  const lines = report.chunks.map(
    (c) =>
      `  ${c.file.padEnd(40)} ${kB(c.bytes).padStart(10)} ${kB(c.gzipBytes).padStart(10)} gzip`,
  );
  const verdict = report.ok ? 'within' : 'OVER';
  lines.push(
    `first-page JS: ${kB(report.gzipBytes)} gzip, ${verdict} the ${kB(report.budgetBytes)} budget`,
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = await mkdtemp(join(tmpdir(), 'strand-budget-'));
  try {
    buildWithManifest(outDir);
    const report = await measureFirstPage(outDir);
    console.log(formatReport(report));
    if (!report.ok) process.exitCode = 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
