/**
 * The genome view in a browser (Debian Chromium, playwright-core) against a real API process: a
 * variant-scoring job over the shared hg19 chr17 piece opens igv.js on its page, with the
 * reference read through GET /jobs/<id>/reference/… (byte ranges) and the scores drawn as a bar
 * track; a position in the score table moves the view there. An explanation of regions of the
 * same piece opens igv.js with the attributions as a "dynseq" track (reference letters scaled by
 * attribution); a region's locus moves it there. Screenshots: tools/test-output/dashboard-genome*.png.
 *
 * Needs the shared hg19 chr17 piece (../shared/reference).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataPath } from '@strand/genomics/testing';
import { writeTestVcf } from '@strand/jobs/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from './browser.ts';
import { buildDashboard, createDemoDataset, graphql, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

const REFERENCE = sharedDataPath('reference', 'hg19_chr17_part.fa');
const adminToken = `strand_${randomBytes(32).toString('base64url')}`;

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
let importDir: string;

const api = <T>(query: string, variables?: unknown) =>
  graphql<T>(strand.url, adminToken, query, variables);

describe.skipIf(!existsSync(REFERENCE))('genome view of a variant-scoring job', () => {
  beforeAll(async () => {
    dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
    buildDashboard(dashboardDir);
    importDir = await mkdtemp(join(tmpdir(), 'strand-import-'));
    await copyFile(REFERENCE, join(importDir, 'chr17.fa'));
    await writeTestVcf(join(importDir, 'calls.vcf'), join(importDir, 'chr17.fa'), {
      count: 150,
      seed: 8,
      mismatchShare: 0,
    });
    strand = await startStrand({
      STRAND_DASHBOARD_DIR: dashboardDir,
      STRAND_ADMIN_TOKEN: adminToken,
      STRAND_IMPORT_DIR: importDir,
    });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await strand?.stop();
    for (const dir of [dashboardDir, importDir]) {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws the scores over the reference and follows a locus link from the table', async () => {
    const jobId = await scoredJob();
    const { page, errors } = await openPage(browser, strand.url, `#/jobs/${jobId}`, adminToken, {
      width: 1280,
      height: 1100,
    });
    await page.getByTestId('open-genome-view').click({ timeout: 60_000 });
    const view = page.locator('[data-testid="genome-view"][data-state="ready"]');
    await view.waitFor({ timeout: 60_000 });
    // The whole 40 kb piece is in view at first: the note counts every scored allele.
    await expect
      .poll(() => page.getByTestId('genome-note').innerText(), { timeout: 30_000 })
      .toMatch(/^chr17: \d+ scored alleles in the loaded window$/);
    const loaded = Number(
      /(\d+) scored/.exec(await page.getByTestId('genome-note').innerText())![1],
    );
    const listed = await page.locator('[data-testid="variant-scores"] .filters .muted').innerText();
    expect(listed).toMatch(new RegExp(` of ${loaded} scores$`));
    const bars = () => trackPixels(page);
    await expect.poll(bars, { timeout: 30_000 }).toBeGreaterThan(20);
    await screenshot(page, 'dashboard-genome.png');

    // The first row's position (largest |effect|) moves igv there.
    const link = page.locator('[data-testid="variant-scores"] button.locus').first();
    const label = (await link.innerText()).trim();
    const [, chrom, pos] = /^(\w+):([\d,]+)$/.exec(label) ?? [];
    expect(chrom).toBe('chr17');
    await link.click();
    const position = Number(pos!.replace(/,/g, ''));
    await expect
      .poll(() => igvLocus(page), { timeout: 30_000 })
      .toMatch(new RegExp(`^chr17:${(position - 40).toLocaleString('en-US')}-`));
    await expect
      .poll(() => page.getByTestId('genome-note').innerText(), { timeout: 30_000 })
      .toMatch(/^chr17: \d+ scored alleles? in the loaded window$/);
    await expect.poll(bars, { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-genome-locus.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('draws an explanation of genomic regions as letters scaled by attribution', async () => {
    const regions = ['chr17:35,001-35,051', 'chr17:35,101-35,151:-', 'chr17:20,001-20,051'];
    const jobId = await explainedJob(regions);
    const { page, errors } = await openPage(browser, strand.url, `#/jobs/${jobId}`, adminToken, {
      width: 1280,
      height: 1300,
    });
    const loci = page.getByTestId('sequence-locus');
    await loci.first().waitFor({ timeout: 60_000 });
    expect(await loci.allInnerTexts()).toEqual([
      'chr17:35001-35051 (+)',
      'chr17:35101-35151 (-)',
      'chr17:20001-20051 (+)',
    ]);
    // Opened at the first region: its 51 bases are the window's attributions.
    await page.getByTestId('open-genome-view').click();
    await page
      .locator('[data-testid="genome-view"][data-state="ready"]')
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => igvLocus(page), { timeout: 30_000 }).toBe('chr17:35,001-35,051');
    await expect
      .poll(() => page.getByTestId('genome-note').innerText(), { timeout: 30_000 })
      .toMatch(/^chr17: \d+ attributed bases in the loaded window$/);
    // igv loads a window wider than the view: both chr17:35,0xx regions lie in it.
    const inWindow = Number(
      /: (\d+) attributed/.exec(await page.getByTestId('genome-note').innerText())![1],
    );
    expect(inWindow).toBeGreaterThanOrEqual(51);
    await page.getByTestId('genome-view').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    await screenshot(page, 'dashboard-genome-explain.png');

    // The '-' region's locus moves igv there.
    await loci.nth(1).click();
    await expect.poll(() => igvLocus(page), { timeout: 30_000 }).toBe('chr17:35,101-35,151');
    await page.waitForTimeout(1000);
    await screenshot(page, 'dashboard-genome-explain-minus.png');
    await loci.nth(2).click();
    await expect.poll(() => igvLocus(page), { timeout: 30_000 }).toBe('chr17:20,001-20,051');
    await expect
      .poll(() => page.getByTestId('genome-note').innerText(), { timeout: 30_000 })
      .toMatch(/^chr17: 51 attributed bases in the loaded window$/);
    await page.waitForTimeout(1000);
    await screenshot(page, 'dashboard-genome-explain-locus.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});

/** The locus igv shows in its search box (inside its shadow root). */
const igvLocus = (page: Page) =>
  page.locator('[data-testid="genome-view"] .igv-search-input').inputValue();

/**
 * Pixels of the score track's colours (#b2182b up, #2166ac down) on igv's canvases: the bars
 * are drawn, not just the track's frame.
 */
function trackPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="genome-view"] .igv-host');
    const canvases = Array.from(host?.shadowRoot?.querySelectorAll('canvas') ?? []);
    let count = 0;
    for (const canvas of canvases) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        const near = (R: number, G: number, B: number) =>
          Math.abs(r - R) < 12 && Math.abs(g - G) < 12 && Math.abs(b - B) < 12;
        if (data[i + 3] > 200 && (near(178, 24, 43) || near(33, 102, 172))) count++;
      }
    }
    return count;
  });
}

let trained: string | null = null;

/** A model trained for one epoch on a demo dataset (once for the file). */
async function trainedRun(): Promise<string> {
  if (trained) return trained;
  const datasetId = await createDemoDataset(strand.url, adminToken, {
    sequences: 300,
    length: 51,
    seed: 3,
  });
  const started = await api<{ startTraining: { run: { id: string } | null } }>(
    'mutation ($input: StartTrainingInput!) { startTraining(input: $input) { run { id } } }',
    { input: { datasetId, architecture: 'deepbind', epochs: 1, batchSize: 32, seed: 3 } },
  );
  const runId = started.startTraining.run!.id;
  await until(async () => {
    const { run } = await api<{ run: { status: string; error: string | null } }>(
      'query ($id: ID!) { run(id: $id) { status error } }',
      { id: runId },
    );
    if (['FAILED', 'CANCELLED', 'STALLED'].includes(run.status)) {
      throw new Error(`run ${run.status}: ${run.error}`);
    }
    return run.status === 'SUCCEEDED';
  });
  trained = runId;
  return runId;
}

/** A DeepLIFT explanation of regions of chr17.fa with the trained model. */
async function explainedJob(regions: string[]): Promise<string> {
  const runId = await trainedRun();
  const started = await api<{
    explainSequence: { job: { id: string } | null; userErrors: { message: string }[] };
  }>(
    'mutation ($input: ExplainSequenceInput!) { explainSequence(input: $input) { job { id } userErrors { message } } }',
    { input: { runId, regions, reference: 'chr17.fa', method: 'DEEPLIFT' } },
  );
  const job = started.explainSequence.job;
  if (!job) throw new Error(started.explainSequence.userErrors.map((e) => e.message).join('; '));
  await finishedJob(job.id);
  return job.id;
}

/** A scoring job of calls.vcf with the trained model. */
async function scoredJob(): Promise<string> {
  const runId = await trainedRun();
  const imported = await api<{ importDataset: { job: { id: string } | null } }>(
    'mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } } }',
    { input: { kind: 'variants', path: 'calls.vcf', name: 'calls' } },
  );
  const variants = await finishedJob(imported.importDataset.job!.id);
  const scored = await api<{
    scoreVariants: { job: { id: string } | null; userErrors: { message: string }[] };
  }>(
    'mutation ($input: ScoreVariantsInput!) { scoreVariants(input: $input) { job { id } userErrors { message } } }',
    { input: { datasetId: variants.outputDataset!.id, reference: 'chr17.fa', runId } },
  );
  const job = scored.scoreVariants.job;
  if (!job) throw new Error(scored.scoreVariants.userErrors.map((e) => e.message).join('; '));
  await finishedJob(job.id);
  return job.id;
}

async function finishedJob(id: string) {
  let found: { status: string; error: string | null; outputDataset: { id: string } | null };
  await until(async () => {
    ({ job: found } = await api<{ job: typeof found }>(
      'query ($id: ID!) { job(id: $id) { status error outputDataset { id } } }',
      { id },
    ));
    if (found.status === 'FAILED' || found.status === 'CANCELLED') {
      throw new Error(`job ${id} ${found.status}: ${found.error}`);
    }
    return found.status === 'SUCCEEDED';
  });
  return found!;
}

async function until(done: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
