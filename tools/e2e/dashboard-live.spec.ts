/**
 * The browser test: a real API process serving the built dashboard, Debian's Chromium driven by
 * playwright-core. A person's path: open the dashboard, create the demo dataset and start a run
 * from the form, watch the curves grow. Saves a screenshot to tools/test-output/.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from './browser.ts';
import { buildDashboard, graphql, importSequenceTable, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

// The API's first start makes its admin with this token (STRAND_ADMIN_TOKEN); the page gets it
// in localStorage['strand.token'] before any script runs, as a person's saved token would be.
const adminToken = `strand_${randomBytes(32).toString('base64url')}`;

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
// The server-side import directory (STRAND_IMPORT_DIR) with a small labelled sequence table.
let importDir: string;

beforeAll(async () => {
  dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
  buildDashboard(dashboardDir);
  importDir = await mkdtemp(join(tmpdir(), 'strand-import-'));
  const rows = Array.from(
    { length: 40 },
    (_, i) => `s${i}\t${i % 2}\t${'ACGT'[i % 4].repeat(10)}${'TGCA'[(i * 7) % 4].repeat(10)}`,
  );
  await writeFile(join(importDir, 'small.tsv'), `id\tlabel\tsequence\n${rows.join('\n')}\n`);
  await writeFile(join(importDir, 'three.tsv'), plantedTable(180, 3, 40));
  await writeFile(join(importDir, 'sweep.tsv'), plantedTable(240, 2, 60));
  strand = await startStrand({
    STRAND_DASHBOARD_DIR: dashboardDir,
    STRAND_ADMIN_TOKEN: adminToken,
    STRAND_IMPORT_DIR: importDir,
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await strand?.stop();
  if (dashboardDir) await rm(dashboardDir, { recursive: true, force: true });
  if (importDir) await rm(importDir, { recursive: true, force: true });
});

describe('dashboard', () => {
  it('starts a run from the form and plots its curves live', async () => {
    const { page, errors: consoleErrors } = await openPage(
      browser,
      strand.url,
      `#/new`,
      adminToken,
    );
    await page.getByTestId('new-run-form').waitFor();
    // The architecture and motif choices come from the API; wait until they are offered.
    await page.locator('select option[value="deepbind"]').first().waitFor({ state: 'attached' });
    await page.getByTestId('create-and-train').click();

    await page.waitForURL(/#\/runs\//, { timeout: 30_000 });
    const points = page.getByTestId('classification-chart').locator('circle[data-epoch]');
    await expect
      .poll(() => points.count(), { timeout: 120_000, interval: 250 })
      .toBeGreaterThanOrEqual(3);
    // Live, not a reload: the run is still training or has just finished, and the loss chart has data.
    const status = await page.getByTestId('run-status').innerText();
    expect(['RUNNING', 'SUCCEEDED']).toContain(status.trim().toUpperCase());
    const lossPath = await page
      .getByTestId('loss-chart')
      .locator('path[data-series="loss"]')
      .getAttribute('d');
    expect(lossPath ?? '').toMatch(/^M/);

    await screenshot(page, 'dashboard-live.png');
    expect(consoleErrors).toEqual([]);
  });

  it('serves the dashboard’s scripts compressed (brotli, else gzip) with Vary: Accept-Encoding', async () => {
    const html = await (await fetch(`${strand.url}/`)).text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\/index-.*\.js$/);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const res = await fetch(`${strand.url}${script}`, {
        headers: { 'accept-encoding': accept! },
      });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(await res.text()).toContain('react');
    }
  });

  it('asks for a token when it has none, and works once one is given', async () => {
    const { page } = await openPage(browser, strand.url, '#/runs', null, {
      width: 1280,
      height: 720,
    });
    const form = page.getByTestId('token-form');
    await form.waitFor({ timeout: 30_000 });
    await form.locator('input').fill(adminToken);
    await form.locator('button[type="submit"]').click();
    await page.waitForLoadState('load');
    // The form asks the API whether it takes the token, then stores it and reloads.
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 }); // the first test's run
    expect(await page.evaluate(() => localStorage.getItem('strand.token'))).toBe(adminToken);
    expect(await page.getByTestId('token-form').count()).toBe(0);
    await page.close();
  });

  it('lists a background import job that reaches SUCCEEDED, and shows its result', async () => {
    const response = await fetch(`${strand.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        query:
          'mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } userErrors { message } } }',
        variables: { input: { kind: 'sequence-classification', path: 'small.tsv', name: 'small' } },
      }),
    });
    const started = (await response.json()) as {
      data: { importDataset: { job: { id: string } | null; userErrors: { message: string }[] } };
    };
    expect(started.data.importDataset.userErrors).toEqual([]);
    const jobId = started.data.importDataset.job!.id;

    const { page, errors: consoleErrors } = await openPage(
      browser,
      strand.url,
      `#/jobs`,
      adminToken,
    );
    const row = page.locator(`[data-testid="jobs-table"] tr[data-job-id="${jobId}"]`);
    // Live: the list refetches on jobStatusChanged; active rows follow jobProgress (no polling).
    await expect
      .poll(() => row.getAttribute('data-status'), { timeout: 30_000, interval: 250 })
      .toBe('SUCCEEDED');
    await row.click();
    await page.waitForURL(new RegExp(`#/jobs/${jobId}$`));
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toMatch(/small[\s\S]*40/);
    expect(await page.getByTestId('job-status').innerText()).toBe('SUCCEEDED');
    expect(await page.getByTestId('job-progress').getAttribute('data-fraction')).toBe('1');
    await screenshot(page, 'dashboard-jobs.png');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('charts a multi-class run from the metrics it reports, with its confusion matrix', async () => {
    const datasetId = await importTable('three.tsv', 'three classes');
    const started = await api<{ startTraining: { run: { id: string } | null } }>(
      adminToken,
      'mutation ($input: StartTrainingInput!) { startTraining(input: $input) { run { id } } }',
      { input: { datasetId, architecture: 'deepbind', epochs: 4, batchSize: 16, seed: 3 } },
    );
    const runId = started.startTraining.run!.id;
    const { page, errors: consoleErrors } = await openPage(
      browser,
      strand.url,
      `#/runs/${runId}`,
      adminToken,
    );
    // Per-class AUROC: one curve per class, the first marked with circles (one per epoch).
    const perClass = page.getByTestId('auroc-c-chart');
    await expect
      .poll(() => perClass.locator('circle[data-epoch]').count(), { timeout: 120_000 })
      .toBe(4);
    expect(
      await perClass
        .locator('path[data-series]')
        .evaluateAll((paths) =>
          paths.map((p) => [
            p.getAttribute('data-series'),
            (p.getAttribute('d') ?? '').startsWith('M'),
          ]),
        ),
    ).toEqual([
      ['val_auroc_c0', true],
      ['val_auroc_c1', true],
      ['val_auroc_c2', true],
    ]);
    expect(
      await page
        .getByTestId('classification-chart')
        .locator('path[data-series="val_macro_f1"]')
        .count(),
    ).toBe(1);
    // Confusion cells are no curves: they are the matrix below.
    expect(await page.locator('path[data-series^="val_confusion"]').count()).toBe(0);
    const matrix = page.getByTestId('confusion-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(3);
    await screenshot(page, 'dashboard-multiclass.png');
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it('fills a running sweep’s trial table live, without a reload', async () => {
    const datasetId = await importTable('sweep.tsv', 'sweep data');
    const started = await api<{
      startSweep: { job: { id: string } | null; userErrors: { message: string }[] };
    }>(
      adminToken,
      'mutation ($input: SweepInput!) { startSweep(input: $input) { job { id } userErrors { message } } }',
      {
        input: {
          datasetId,
          architecture: 'deepbind',
          epochs: 4,
          batchSize: 16,
          metric: 'val_loss',
          direction: 'MINIMIZE',
          space: JSON.stringify({ learningRate: [0.01, 0.0000001, 0.005, 0.00000005] }),
          earlyStop: { afterEpochs: 1, minCompleted: 1 },
        },
      },
    );
    expect(started.startSweep.userErrors).toEqual([]);
    const jobId = started.startSweep.job!.id;
    const { page, errors: consoleErrors } = await openPage(
      browser,
      strand.url,
      `#/jobs/${jobId}`,
      adminToken,
    );
    await page.getByTestId('job-page').waitFor();
    const seenAtLoad = await page.locator('[data-testid="sweep-runs"] tbody tr').count();
    expect(seenAtLoad).toBeLessThan(3);
    // Trial 3 appears and trial 1 has ended while the sweep still runs: news, not a reload.
    const live = page.getByTestId('sweep-runs');
    await expect
      .poll(
        async () =>
          (await live.locator('tr[data-trial="3"]').count()) > 0 &&
          (await live.locator('tr[data-trial="1"]').getAttribute('data-status')) !== 'QUEUED' &&
          (await live.locator('tr[data-trial="1"]').getAttribute('data-status')) !== 'RUNNING',
        { timeout: 120_000, interval: 200 },
      )
      .toBe(true);
    await screenshot(page, 'dashboard-sweep-live.png');
    // The finished sweep shows its result: every trial, pruned ones as PRUNED.
    const trials = page.getByTestId('sweep-trials');
    await trials.waitFor({ timeout: 180_000 });
    expect(await trials.locator('tbody tr').count()).toBe(4);
    expect(await trials.innerText()).not.toContain('CANCELLED');
    await screenshot(page, 'dashboard-sweep-done.png');
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 360_000);

  // Last: it adds a second project, after which calls that name no project are ambiguous.
  it('switches between two projects, trains in the second, and shows a VIEWER no mutating control', async () => {
    const projects = await api<{ projects: { id: string; slug: string }[] }>(
      adminToken,
      '{ projects { id slug } }',
    );
    const first = projects.projects[0];
    const created = await api<{
      createProject: { project: { id: string; slug: string } | null };
    }>(
      adminToken,
      'mutation { createProject(input: { name: "Second lab" }) { project { id slug } } }',
    );
    const second = created.createProject.project!;
    const viewer = await api<{ createUser: { token: string | null } }>(
      adminToken,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { token } }',
      { input: { name: 'reader', projectId: first.id, role: 'VIEWER' } },
    );

    const { page, errors: consoleErrors } = await openPage(browser, strand.url, `#/`, adminToken);
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 }); // the first project's run
    const switcher = page.getByTestId('project-switcher');
    await switcher.selectOption(second.slug);
    await page.waitForURL(new RegExp(`\\?project=${second.slug}#/$`));
    await page.getByText('No runs yet').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'New run' }).click();
    await page.getByTestId('new-run-form').waitFor();
    await page.locator('select option[value="deepbind"]').first().waitFor({ state: 'attached' });
    await page.getByLabel('Sequences', { exact: true }).fill('200');
    await page.getByLabel('Epochs').fill('1');
    await page.getByTestId('create-and-train').click();
    await page.waitForURL(/#\/runs\//, { timeout: 30_000 });
    const runId = decodeURIComponent(new URL(page.url()).hash.replace('#/runs/', ''));
    const run = await api<{ run: { project: { slug: string } } }>(
      adminToken,
      'query ($id: ID!) { run(id: $id) { project { slug } } }',
      { id: runId },
    );
    expect(run.run.project.slug).toBe(second.slug);
    expect(await page.getByTestId('project-role').innerText()).toBe('ADMIN');
    await page.getByTestId('run-status').waitFor({ timeout: 30_000 });
    await screenshot(page, 'dashboard-second-project.png');
    expect(consoleErrors).toEqual([]);
    await page.close();

    const { page: reader } = await openPage(browser, strand.url, '#/', viewer.createUser.token!);
    await reader.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    expect(await reader.getByTestId('project-role').innerText()).toBe('VIEWER');
    expect(
      await reader.getByRole('navigation').getByRole('link', { name: 'New run' }).count(),
    ).toBe(0);
    await reader.goto(`${strand.url}/#/new`);
    await reader.getByText(/You are a VIEWER in/).waitFor();
    expect(await reader.getByTestId('new-run-form').count()).toBe(0);
    await screenshot(reader, 'dashboard-viewer.png');
    await reader.close();
  });

  it('refuses a wrong token at the form and says why a stored one no longer works', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('strand.token', 'strand_revoked');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(`${strand.url}/#/`);
    const form = page.getByTestId('token-form');
    await form.waitFor({ timeout: 30_000 });
    await page.getByText(/no longer accepts the token/).waitFor();
    await form.locator('input').fill('strand_mistyped');
    await form.locator('button[type="submit"]').click();
    await page.getByText(/rejected this token/).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('strand.token'))).toBe('strand_revoked');
    await page.close();
  });
});

/** `n` sequences of `length` bp in `classes` classes, each class with its own planted 6-mer. */
function plantedTable(n: number, classes: number, length: number): string {
  const motifs = ['ACGTTG', 'TTTAAA', 'GGGCCC'];
  let state = 12345;
  const base = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 'ACGT'[state % 4];
  };
  const lines = ['id\tlabel\tsequence'];
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    // One in four rows carries another class's motif, so the classes overlap a little.
    const motif = motifs[i % 4 === 3 ? (label + 1) % classes : label];
    const seq = Array.from({ length }, base).join('');
    const at = 5 + (i % (length - 12));
    lines.push(`q${i}\t${label}\t${seq.slice(0, at)}${motif}${seq.slice(at + 6)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One GraphQL call as a client would make it; fails the test on any error. */
function api<T>(token: string, query: string, variables?: unknown): Promise<T> {
  return graphql<T>(strand.url, token, query, variables);
}

function importTable(path: string, name: string): Promise<string> {
  return importSequenceTable(strand.url, adminToken, path, name);
}
