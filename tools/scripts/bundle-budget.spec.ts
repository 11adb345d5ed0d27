import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildWithManifest,
  FIRST_PAGE_BUDGET_BYTES,
  firstPageFiles,
  formatReport,
  measureFirstPage,
} from './bundle-budget.ts';

let outDir: string | undefined;
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('firstPageFiles', () => {
  it('counts the entry and its static imports, not lazy views', () => {
    const files = firstPageFiles({
      'index.html': {
        file: 'assets/index-a.js',
        isEntry: true,
        imports: ['_vendor'],
        dynamicImports: ['src/pages/job-page.tsx'],
      },
      _vendor: { file: 'assets/vendor-b.js', imports: ['_shared'] },
      _shared: { file: 'assets/shared-c.js', imports: ['_vendor'] },
      'src/pages/job-page.tsx': { file: 'assets/job-page-d.js', imports: ['_shared'] },
      'style.css': { file: 'assets/index-e.css' },
    });
    expect(files).toEqual(['assets/index-a.js', 'assets/vendor-b.js', 'assets/shared-c.js']);
  });

  it('refuses a manifest it cannot follow', () => {
    expect(() => firstPageFiles({ a: { file: 'a.js' } })).toThrow('no entry chunk');
    expect(() => firstPageFiles({ a: { file: 'a.js', isEntry: true, imports: ['b'] } })).toThrow(
      'the manifest imports "b", which it does not list',
    );
  });
});

describe('the dashboard bundle', () => {
  it(`loads at most ${FIRST_PAGE_BUDGET_BYTES / 1000} kB of gzip-compressed JS for its first page`, async () => {
    outDir = await mkdtemp(join(tmpdir(), 'strand-budget-'));
    buildWithManifest(outDir);
    const report = await measureFirstPage(outDir);
    console.log(formatReport(report));
    expect(report.chunks.length).toBeGreaterThan(0);
    expect(report.gzipBytes).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
    // A budget of 1 byte fails: the check can fail.
    expect((await measureFirstPage(outDir, 1)).ok).toBe(false);
  }, 180_000);
});
