/**
 * Issue 15's walkthrough, one browser test (Debian Chromium, playwright-core) against a real API
 * process, each step through the dashboard as a person would take it: two projects → switch →
 * train in each (demo data, 1–2 epochs) → compare three runs → register the best → score a VCF
 * with it from the registry's link → open the genome view → explain two sequences and read their
 * letter logos → run a sweep and watch its trial table fill live; then a VIEWER, who sees no
 * control that changes anything. A screenshot per step: tools/test-output/walkthrough-*.png.
 *
 * Only set-up goes through the API: the second project, the VCF import and the VIEWER's token.
 * Needs the shared hg19 chr17 piece (../shared/reference) for the VCF and its reference.
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
import { buildDashboard, graphql, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

const REFERENCE = sharedDataPath('reference', 'hg19_chr17_part.fa');
const adminToken = `strand_${randomBytes(32).toString('base64url')}`;
const LENGTH = 51;

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
let importDir: string;

const api = <T>(query: string, variables?: unknown, token = adminToken) =>
  graphql<T>(strand.url, token, query, variables);

describe.skipIf(!existsSync(REFERENCE))('walkthrough (issue 15)', () => {
  beforeAll(async () => {
    dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
    buildDashboard(dashboardDir);
    importDir = await mkdtemp(join(tmpdir(), 'strand-import-'));
    await copyFile(REFERENCE, join(importDir, 'chr17.fa'));
    await writeTestVcf(join(importDir, 'calls.vcf'), join(importDir, 'chr17.fa'), {
      count: 80,
      seed: 15,
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

  it('walks from two projects to a live sweep; a VIEWER sees no mutating control', async () => {
    const started = Date.now();
    const steps: string[] = [];
    const step = async (page: Page, name: string) => {
      await screenshot(page, `walkthrough-${name}.png`);
      steps.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
    };
    const {
      projects: [first],
    } = await api<{ projects: { id: string; slug: string }[] }>('{ projects { id slug } }');
    const { createProject } = await api<{
      createProject: { project: { id: string; slug: string } };
    }>('mutation { createProject(input: { name: "Second lab" }) { project { id slug } } }');
    const second = createProject.project;

    // 1. Two projects: the switcher offers both; switching puts the project in the URL.
    const { page, errors } = await openPage(browser, strand.url, '#/', adminToken);
    const switcher = page.getByTestId('project-switcher');
    await switcher.waitFor({ timeout: 30_000 });
    expect(
      await switcher.locator('option').evaluateAll((o) => o.map((e) => e.getAttribute('value'))),
    ).toEqual(expect.arrayContaining([first!.slug, second.slug]));
    await switcher.selectOption(second.slug);
    await page.waitForURL(new RegExp(`\\?project=${second.slug}#/$`));
    await page.getByText('No runs yet').waitFor({ timeout: 30_000 });
    await step(page, '1-projects');

    // 2. Train in each: a demo dataset and one epoch in the second project…
    const secondRun = await trainFromForm(page, { demo: true, epochs: 1 });
    await waitForRunPage(page);
    expect(await runProject(secondRun)).toBe(second.slug);
    await step(page, '2-trained-second');
    // …and three runs in the first: one on a new demo dataset, two more on it with other rates.
    await page.goto(`${strand.url}/?project=${first!.slug}#/`);
    await page.getByText('No runs yet').waitFor({ timeout: 30_000 });
    const runs = [await trainFromForm(page, { demo: true, epochs: 2, learningRate: '0.01' })];
    for (const learningRate of ['0.003', '0.0003']) {
      await page.goto(`${strand.url}/?project=${first!.slug}#/new`);
      runs.push(await trainFromForm(page, { demo: false, epochs: 2, learningRate }));
    }
    for (const id of runs) await waitForRun(id);
    for (const id of runs) expect(await runProject(id)).toBe(first!.slug);

    // 3. Compare the three: overlaid curves, the parameter that differs, final metrics.
    await page.goto(`${strand.url}/?project=${first!.slug}#/`);
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    for (const id of runs) await page.getByLabel(`select run ${id}`).check();
    await page.getByTestId('compare-selected').click();
    const chart = page.getByTestId('compare-chart');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.locator('path.series[d^="M"]').count()).toBe(3);
    expect(await page.getByTestId('param-diff').innerText()).toMatch(/learningRate/);
    await step(page, '3-compare');

    // 4. Register the best (highest final val_auroc) from its run page.
    const best = await bestRun(runs);
    await page.goto(`${strand.url}/?project=${first!.slug}#/runs/${best}`);
    const register = page.getByTestId('register-model');
    await register.waitFor({ timeout: 30_000 });
    await register.locator('input').fill('walk-model');
    await register.getByRole('button', { name: 'Register model' }).click();
    await page.getByText('Registered as walk-model v1.').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Model registry →' }).click();
    const card = page.locator('[data-model="walk-model"]');
    await card.waitFor({ timeout: 30_000 });
    await step(page, '4-registered');

    // 5. Score a VCF with it: the registry's "score variants" link fills the model in.
    const variants = await importVariants(first!.id);
    await card.getByRole('link', { name: 'score variants' }).click();
    await page.locator('[data-kind="SCORE_VARIANTS"]').waitFor({ timeout: 30_000 });
    await page
      .locator(`select[name="datasetId"] option[value="${variants}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('select[name="datasetId"]').selectOption(variants);
    await page.locator('input[name="reference"]').fill('chr17.fa');
    await startAndWait(page, 'SUCCEEDED', 180_000);
    await step(page, '5-scored');

    // 6. The genome view: the scores as bars over the reference.
    await page.locator('[data-testid="started-job"] h2 a').click();
    await page.waitForURL(/#\/jobs\/[^/?]+$/);
    const scoreJob = decodeURIComponent(new URL(page.url()).hash.replace('#/jobs/', ''));
    await page.getByTestId('open-genome-view').click({ timeout: 30_000 });
    await page
      .locator('[data-testid="genome-view"][data-state="ready"]')
      .waitFor({ timeout: 60_000 });
    await expect.poll(() => trackPixels(page), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.locator('[data-testid="variant-scores"] button.locus').first().click();
    await expect
      .poll(() => page.locator('[data-testid="genome-view"] .igv-search-input').inputValue(), {
        timeout: 30_000,
      })
      .toMatch(/^chr17:[\d,]+-[\d,]+$/);
    await step(page, '6-genome');

    // 7. Explain two sequences with the registered model: letter logos on the job's page.
    await page.goto(`${strand.url}/?project=${first!.slug}#/models`);
    await card.getByRole('link', { name: 'explain' }).click();
    await page.locator('[data-kind="EXPLAIN_SEQUENCE"]').waitFor({ timeout: 30_000 });
    const sequences = [randomSequence(1), randomSequence(2)];
    await page.locator('textarea[name="sequences"]').fill(sequences.join('\n'));
    await startAndWait(page, 'SUCCEEDED', 180_000);
    await page.locator('[data-testid="started-job"] h2 a').click();
    await page.getByTestId('attribution-logo').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('attribution-logo').count()).toBe(2);
    expect(
      await page.locator('[data-testid="attribution-logo"] .letters text').count(),
    ).toBeGreaterThan(LENGTH);
    await step(page, '7-explain');

    // 8. A sweep from the form; its page's trial table grows while it runs.
    await page.goto(`${strand.url}/?project=${first!.slug}#/jobs/new?kind=SWEEP`);
    await page.locator('[data-kind="SWEEP"]').waitFor({ timeout: 30_000 });
    const dataset = await runDataset(runs[0]!);
    await page
      .locator(`select[name="datasetId"] option[value="${dataset}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('select[name="architecture"]').selectOption('deepbind');
    await page.locator('select[name="datasetId"]').selectOption(dataset);
    await page
      .locator('textarea[name="space"]')
      .fill('{"learningRate": [0.01, 0.003, 0.001], "batchSize": [32]}');
    await page.locator('input[name="epochs"]').fill('3');
    await page.getByTestId('start-job').click();
    const link = page.locator('[data-testid="started-job"] h2 a');
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.getByTestId('job-page').waitFor({ timeout: 30_000 });
    const rows = page.locator('[data-testid="sweep-runs"] tbody tr');
    const seen = new Set<number>();
    let midShot = false;
    for (let i = 0; i < 2400; i++) {
      const status = (await page.getByTestId('job-status').innerText()).trim().toUpperCase();
      if (status !== 'RUNNING' && status !== 'QUEUED') break;
      const count = await rows.count();
      seen.add(count);
      // Mid-sweep: two trials listed and one of them shown running (moved there by the
      // subscriptions: the page is not reloaded).
      if (!midShot && count >= 2 && (await rows.filter({ hasText: 'RUNNING' }).count()) > 0) {
        await step(page, '8-sweep-live');
        midShot = true;
      }
      await page.waitForTimeout(100);
    }
    await expect
      .poll(() => page.getByTestId('job-status').innerText(), { timeout: 180_000 })
      .toMatch(/succeeded/i);
    // Rows arrived one by one while it ran (live), not all at once at the end.
    expect([...seen].filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('sweep-trials').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="sweep-trials"] tbody tr').count()).toBe(3);
    await step(page, '8-sweep-done');
    expect(errors).toEqual([]);
    await page.close();

    // 9. A VIEWER of the first project: the same pages, nothing that changes anything.
    const viewer = await api<{ createUser: { token: string | null } }>(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { token } }',
      { input: { name: 'reader', projectId: first!.id, role: 'VIEWER' } },
    );
    const reader = await openPage(browser, strand.url, '#/', viewer.createUser.token!);
    await reader.page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    const nav = reader.page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'New run' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'New job' }).count()).toBe(0);
    await step(reader.page, '9-viewer-runs');
    for (const hash of [`#/runs/${best}`, '#/models', `#/jobs/${scoreJob}`, '#/datasets']) {
      await reader.page.goto(`${strand.url}/${hash}`);
      await reader.page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 });
      await reader.page.waitForLoadState('networkidle');
      expect(await reader.page.locator('main form:not(.filters)').count(), hash).toBe(0);
      expect(await reader.page.getByTestId('register-model').count(), hash).toBe(0);
      const buttons = await reader.page.locator('main button').allInnerTexts();
      // Reading controls only: sort headers, paging, filters, downloads, the genome view.
      const mutating = buttons.filter((b) =>
        /register|set|cancel|start|train|delete|revoke|save|tag|retry|promote/i.test(b),
      );
      expect(mutating, hash).toEqual([]);
    }
    await step(reader.page, '9-viewer-job');
    expect(reader.errors).toEqual([]);
    await reader.page.close();
    console.log(`walkthrough steps: ${steps.join(', ')}`);
  }, 900_000);
});

/**
 * Fills the New run page and starts training (a demo dataset of 300 × 51 bp, or the project's
 * first dataset); returns the run id once the page has moved to the run.
 */
async function trainFromForm(
  page: Page,
  o: { demo: boolean; epochs: number; learningRate?: string },
): Promise<string> {
  const nav = page.getByRole('navigation').getByRole('link', { name: 'New run' });
  if (!page.url().includes('#/new')) await nav.click();
  await page.getByTestId('new-run-form').waitFor({ timeout: 30_000 });
  await page.locator('select option[value="deepbind"]').first().waitFor({ state: 'attached' });
  if (o.demo) {
    await page.getByLabel('Sequences', { exact: true }).fill('300');
    await page.getByLabel('Length (bp)').fill(String(LENGTH));
  } else {
    await page.getByLabel('Use an existing dataset').check();
    await page.locator('select[name="datasetId"] option').first().waitFor({ state: 'attached' });
  }
  await page.getByLabel('Epochs').fill(String(o.epochs));
  if (o.learningRate) await page.getByLabel('Learning rate').fill(o.learningRate);
  await page.getByTestId('create-and-train').click();
  await page.waitForURL(/#\/runs\//, { timeout: 60_000 });
  return decodeURIComponent(new URL(page.url()).hash.replace('#/runs/', ''));
}

async function waitForRunPage(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByTestId('run-status').innerText(), { timeout: 180_000 })
    .toMatch(/succeeded/i);
}

async function runProject(id: string): Promise<string> {
  const { run } = await api<{ run: { project: { slug: string } } }>(
    'query ($id: ID!) { run(id: $id) { project { slug } } }',
    { id },
  );
  return run.project.slug;
}

async function runDataset(id: string): Promise<string> {
  const { run } = await api<{ run: { dataset: { id: string } } }>(
    'query ($id: ID!) { run(id: $id) { dataset { id } } }',
    { id },
  );
  return run.dataset.id;
}

async function waitForRun(id: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const { run } = await api<{ run: { status: string; error: string | null } }>(
      'query ($id: ID!) { run(id: $id) { status error } }',
      { id },
    );
    if (run.status === 'SUCCEEDED') return;
    if (['FAILED', 'CANCELLED', 'STALLED'].includes(run.status)) {
      throw new Error(`run ${id} ${run.status}: ${run.error}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`run ${id} did not finish`);
}

/** The run with the highest final val_auroc. */
async function bestRun(ids: readonly string[]): Promise<string> {
  const scored = await Promise.all(
    ids.map(async (id) => {
      const { run } = await api<{ run: { metrics: { name: string; value: number }[] } }>(
        'query ($id: ID!) { run(id: $id) { metrics { name value } } }',
        { id },
      );
      return { id, auroc: run.metrics.find((m) => m.name === 'val_auroc')?.value ?? -1 };
    }),
  );
  return scored.sort((a, b) => b.auroc - a.auroc)[0]!.id;
}

/** calls.vcf imported into the project; the dataset id. */
async function importVariants(projectId: string): Promise<string> {
  const started = await api<{ importDataset: { job: { id: string } | null } }>(
    'mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } } }',
    { input: { kind: 'variants', path: 'calls.vcf', name: 'calls', projectId } },
  );
  const id = started.importDataset.job!.id;
  for (let i = 0; i < 1200; i++) {
    const { job } = await api<{
      job: { status: string; error: string | null; outputDataset: { id: string } | null };
    }>('query ($id: ID!) { job(id: $id) { status error outputDataset { id } } }', { id });
    if (job.status === 'SUCCEEDED' && job.outputDataset) return job.outputDataset.id;
    if (job.status === 'FAILED') throw new Error(`VCF import failed: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('VCF import did not finish');
}

/** Submits the job form and waits for the job it started to reach `status`. */
async function startAndWait(page: Page, status: string, timeout: number): Promise<void> {
  await page.getByTestId('start-job').click();
  await page.locator(`[data-testid="started-job"][data-status="${status}"]`).waitFor({ timeout });
}

/** A seeded random sequence of LENGTH bases. */
function randomSequence(seed: number): string {
  let state = seed * 7919 + 1;
  return Array.from({ length: LENGTH }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 'ACGT'[Math.floor(state / 65536) % 4];
  }).join('');
}

/** Pixels of the score track's bar colours on igv's canvases (inside its shadow root). */
function trackPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-testid="genome-view"] .igv-host');
    let count = 0;
    for (const canvas of Array.from(host?.shadowRoot?.querySelectorAll('canvas') ?? [])) {
      if (canvas.width === 0 || canvas.height === 0) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 0; i < data.length; i += 4) {
        const near = (r: number, g: number, b: number) =>
          Math.abs(data[i]! - r) < 12 &&
          Math.abs(data[i + 1]! - g) < 12 &&
          Math.abs(data[i + 2]! - b) < 12;
        if (data[i + 3]! > 200 && (near(178, 24, 43) || near(33, 102, 172))) count++;
      }
    }
    return count;
  });
}
