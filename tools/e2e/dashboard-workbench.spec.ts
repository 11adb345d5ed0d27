/**
 * The workbench in a browser (Debian Chromium, playwright-core) against a real API process: a
 * project with ~30 runs on three datasets, walked as a team member would — sort and filter the
 * runs table (the view survives a reload), page it, compare three runs, read the datasets and a
 * dataset's warnings, register a trained run's model and give it an alias; a VIEWER sees no
 * mutating control. Saves screenshots to tools/test-output/.
 *
 * The datasets are imported and 3 runs trained through the API. The other runs are written
 * straight into the database between two starts of the API (metric curves made up from their
 * hyperparameters, see seedTeamRuns), so the table is a team's size without training 27 models
 * on a shared machine.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dataset, EpochMetric, ModelArtifact, openDatabase, Run, tagRun } from '@strand/data';
import type { MetricValues, RunStatus } from '@strand/data';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from './browser.ts';
import { buildDashboard, graphql, importSequenceTable, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

const adminToken = `strand_${randomBytes(32).toString('base64url')}`;

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
let importDir: string;
let dataDir: string;
const datasets: Record<string, string> = {};
const trained: string[] = [];

beforeAll(async () => {
  dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
  buildDashboard(dashboardDir);
  importDir = await mkdtemp(join(tmpdir(), 'strand-import-'));
  dataDir = await mkdtemp(join(tmpdir(), 'strand-workbench-'));
  await writeFile(join(importDir, 'ctcf.tsv'), plantedTable(240, 2, 60, 1));
  await writeFile(join(importDir, 'three.tsv'), plantedTable(180, 3, 40, 2));
  // Windows line endings and a trailing tab on every row: imported, with two warning rules.
  const messy = plantedTable(160, 2, 50, 3, (i) => (i % 4 === 0 ? 1 : 0))
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${line}\t`))
    .join('\r\n');
  await writeFile(join(importDir, 'messy.tsv'), `${messy}\r\n`);
  strand = await start();
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await strand?.stop();
  for (const dir of [dashboardDir, importDir, dataDir]) {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

const start = () =>
  startStrand({
    STRAND_DASHBOARD_DIR: dashboardDir,
    STRAND_ADMIN_TOKEN: adminToken,
    STRAND_IMPORT_DIR: importDir,
    STRAND_DATA_DIR: dataDir,
  });

const open = (path: string, token = adminToken) =>
  openPage(browser, strand.url, path, token, { width: 1440, height: 1000 });

const shot = screenshot;

const cellTexts = (page: Page, column: number) =>
  page
    .locator('[data-testid="runs-table"] tbody tr')
    .evaluateAll((rows, c) => rows.map((r) => r.children[c]?.textContent ?? ''), column);

describe('dashboard workbench', () => {
  it('imports three datasets, trains three runs, and seeds a team’s other runs', async () => {
    datasets.ctcf = await importTable('ctcf.tsv', 'ctcf-like (2 classes)');
    datasets.three = await importTable('three.tsv', 'three motifs (3 classes)');
    datasets.messy = await importTable('messy.tsv', 'messy export (CRLF)');
    for (const [learningRate, filters] of [
      [0.003, 16],
      [0.01, 32],
      [0.001, 8],
    ] as const) {
      const started = await api<{ startTraining: { run: { id: string } | null } }>(
        adminToken,
        'mutation ($input: StartTrainingInput!) { startTraining(input: $input) { run { id } } }',
        {
          input: {
            datasetId: datasets.ctcf,
            architecture: 'deepbind',
            epochs: 4,
            batchSize: 32,
            learningRate,
            seed: 7,
            config: JSON.stringify({ filters }),
          },
        },
      );
      trained.push(started.startTraining.run!.id);
    }
    for (const id of trained) await waitForRun(id);
    await strand.stop();
    await seedTeamRuns(27);
    strand = await start();
    const { runs } = await api<{ runs: { totalCount: number } }>(
      adminToken,
      '{ runs(first: 1) { totalCount } }',
    );
    expect(runs.totalCount).toBe(30);
  }, 900_000);

  it('sorts, filters and pages the runs table on the server, the view kept in the URL', async () => {
    const { page, errors } = await open('#/');
    const table = page.getByTestId('runs-table');
    await table.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('runs-count').innerText()).toBe('Runs 1–25 of 30');

    // Sort by val_auroc (a header the runs' metrics made): largest first, then flipped.
    await page.locator('button[data-sort="metric:val_auroc"]').click();
    await page.waitForURL(/#\/\?sort=metric:val_auroc:DESC$/);
    const column = await page
      .locator('[data-testid="runs-table"] thead th')
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.startsWith('val_auroc')));
    await expect
      .poll(async () => {
        const values = (await cellTexts(page, column)).map(Number).filter((v) => !Number.isNaN(v));
        return values.length > 10 && values.every((v, i) => i === 0 || values[i - 1]! >= v);
      })
      .toBe(true);
    await shot(page, 'dashboard-runs.png');

    // Next page: the server's cursor, same order.
    await page.getByTestId('next-page').click();
    await expect.poll(() => page.getByTestId('runs-count').innerText()).toBe('Runs 26–30 of 30');
    await page.getByRole('button', { name: 'First' }).click();

    // Filters: status and architecture, in the URL; a reload shows the same view.
    await page.getByLabel('failed').check();
    await page.getByTestId('filter-architecture').selectOption('basset');
    await page.waitForURL(/status=FAILED&arch=basset/);
    await page.reload();
    await table.waitFor();
    await expect.poll(async () => [...new Set(await cellTexts(page, 1))]).toEqual(['FAILED']);
    expect(new Set(await cellTexts(page, 3))).toEqual(new Set(['basset']));
    expect(await page.getByLabel('failed').isChecked()).toBe(true);
    await shot(page, 'dashboard-runs-filtered.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('compares three selected runs: overlaid curves, differing parameters, final metrics', async () => {
    const { page, errors } = await open('#/');
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    for (const id of trained) await page.getByLabel(`select run ${id}`).check();
    await page.getByTestId('compare-selected').click();
    await page.waitForURL(/#\/compare\?ids=/);
    const chart = page.getByTestId('compare-chart');
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.locator('path.series[d^="M"]').count()).toBe(3);
    const params = await page.getByTestId('param-diff').innerText();
    expect(params).toMatch(/learningRate/);
    expect(params).toMatch(/config\.filters/);
    expect(await page.locator('[data-testid="final-metrics"] td.best').count()).toBeGreaterThan(0);
    await page.getByTestId('compare-metric').selectOption('val_auroc');
    await expect.poll(() => chart.locator('figcaption').innerText()).toMatch(/val_auroc/);
    await shot(page, 'dashboard-compare.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('lists datasets and shows one with its balance, warnings per rule and runs', async () => {
    const { page, errors } = await open('#/datasets');
    const table = page.getByTestId('datasets-table');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBe(3);
    await shot(page, 'dashboard-datasets.png');
    await page.getByRole('link', { name: 'messy export (CRLF)' }).click();
    await page.getByTestId('dataset-summary').waitFor();
    const warnings = await page.getByTestId('dataset-warnings').innerText();
    expect(warnings).toMatch(/crlf-line-endings/);
    expect(warnings).toMatch(/table-trailing-delimiter/);
    expect(await page.getByTestId('label-balance').innerText()).toMatch(/75\.0%[\s\S]*25\.0%/);
    expect(await page.getByTestId('dataset-runs').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'dashboard-dataset.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('registers a trained run’s model from its page and points an alias at it', async () => {
    const { page, errors } = await open(`#/runs/${trained[0]}`);
    const form = page.getByTestId('register-model');
    await form.waitFor({ timeout: 30_000 });
    await form.locator('input').fill('ctcf-deepbind');
    await form.getByRole('button', { name: 'Register model' }).click();
    await page.getByText('Registered as ctcf-deepbind v1.').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Model registry →' }).click();
    const card = page.locator('[data-model="ctcf-deepbind"]');
    await card.waitFor({ timeout: 30_000 });
    await card.getByLabel('alias for v1').fill('production');
    await card.getByTestId('alias-form-v1').getByRole('button', { name: 'Set' }).click();
    await card.getByText('production → v1').waitFor({ timeout: 30_000 });
    // A second run's model becomes v2 of the same name, and the candidate.
    await page.goto(`${strand.url}/#/runs/${trained[1]}`);
    await form.locator('input').fill('ctcf-deepbind');
    await form.getByRole('button', { name: 'Register model' }).click();
    await page.getByText('Registered as ctcf-deepbind v2.').waitFor({ timeout: 30_000 });
    await page.goto(`${strand.url}/#/models`);
    await card.getByLabel('alias for v2').fill('candidate');
    await card.getByTestId('alias-form-v2').getByRole('button', { name: 'Set' }).click();
    await card.getByText('candidate → v2').waitFor({ timeout: 30_000 });
    expect(await card.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['v2', 'v1']);
    // A bad alias is refused before it is sent, with the API's wording.
    await card.getByLabel('alias for v1').fill('Prod');
    await card.getByTestId('alias-form-v1').getByRole('button', { name: 'Set' }).click();
    await card.getByText(/alias "Prod" must be 1–50 lower-case letters/).waitFor();
    await shot(page, 'dashboard-models.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('shows a VIEWER the registry and runs without any mutating control', async () => {
    const { projects } = await api<{ projects: { id: string }[] }>(
      adminToken,
      '{ projects { id } }',
    );
    const viewer = await api<{ createUser: { token: string | null } }>(
      adminToken,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { token } }',
      { input: { name: 'reader', projectId: projects[0]!.id, role: 'VIEWER' } },
    );
    const token = viewer.createUser.token!;
    const { page, errors } = await open('#/models', token);
    await page.locator('[data-model="ctcf-deepbind"]').waitFor({ timeout: 30_000 });
    // Paging buttons only: no form, no Set or Register.
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('main button:not(nav.pager button)').count()).toBe(0);
    await shot(page, 'dashboard-models-viewer.png');
    await page.goto(`${strand.url}/#/runs/${trained[0]}`);
    await page.getByTestId('run-status').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('register-model').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

async function waitForRun(id: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const { run } = await api<{ run: { status: string; error: string | null } }>(
      adminToken,
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

/**
 * `n` runs written to the database while the API is stopped: a grid over architecture, dataset,
 * learning rate and filters; each run's curves follow from its parameters (smaller learning
 * rates learn slower, 1e-2 overshoots) plus seeded noise; some FAILED or CANCELLED, some tagged.
 */
async function seedTeamRuns(n: number): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    const em = db.fork();
    const { project } = await em.findOneOrFail(Run, { id: trained[0]! });
    const sets = await em.find(Dataset, { id: { $in: Object.values(datasets) } });
    const byId = new Map(sets.map((d) => [d.id, d]));
    const architectures = ['deepbind', 'basset', 'danq'];
    const rates = [0.0003, 0.001, 0.003, 0.01];
    const filterChoices = [8, 16, 32, 64];
    const dataChoice = [datasets.ctcf, datasets.three, datasets.messy] as string[];
    let state = 99;
    const noise = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648 - 0.5;
    };
    const t0 = Date.now() - n * 3_600_000;
    for (let i = 0; i < n; i++) {
      const architecture = architectures[i % 3]!;
      const lr = rates[(i >> 1) % 4]!;
      const filters = filterChoices[(i * 7) % 4]!;
      const dataset = byId.get(dataChoice[(i >> 2) % 3]!)!;
      const epochs = 6 + (i % 3) * 2;
      const status: RunStatus = i % 9 === 4 ? 'FAILED' : i % 13 === 7 ? 'CANCELLED' : 'SUCCEEDED';
      const done = status === 'SUCCEEDED' ? epochs : Math.max(1, Math.floor(epochs / 3));
      const speed = lr === 0.0003 ? 0.15 : lr === 0.01 ? 0.9 : 0.45;
      const ceiling =
        0.78 + (0.04 * Math.log2(filters / 8)) / 3 + (architecture === 'danq' ? 0.03 : 0);
      const history: MetricValues[] = [];
      for (let e = 1; e <= done; e++) {
        const learned = 1 - Math.exp(-speed * e);
        const overshoot = lr === 0.01 ? 0.02 * Math.max(0, e - 4) : 0;
        const loss = 0.69 - 0.4 * learned + 0.02 * noise();
        history.push({
          loss,
          val_loss: loss + 0.05 + overshoot + 0.02 * noise(),
          val_auroc: Math.min(0.99, 0.5 + (ceiling - 0.5) * learned - overshoot + 0.02 * noise()),
          val_auprc: Math.min(0.99, 0.45 + (ceiling - 0.48) * learned - overshoot + 0.03 * noise()),
          val_accuracy: 0.5 + (ceiling - 0.55) * learned + 0.02 * noise(),
        });
      }
      const run = new Run(
        project,
        dataset,
        architecture,
        { filters, kernel_size: architecture === 'deepbind' ? 24 : 19, dropout: i % 2 ? 0.2 : 0.1 },
        i + 1,
        epochs,
        [32, 64, 128][i % 3]!,
        lr,
      );
      const createdAt = new Date(t0 + i * 3_600_000);
      Object.assign(run, {
        status,
        backend: 'cpu',
        currentEpoch: done,
        finalMetrics: history.at(-1) ?? null,
        dataChecksum: dataset.checksum,
        createdAt,
        startedAt: createdAt,
        finishedAt: new Date(createdAt.getTime() + done * 40_000),
        error: status === 'FAILED' ? 'out of memory at batch 12 (seeded failure)' : null,
      });
      em.persist(run);
      history.forEach((metrics, e) => em.persist(new EpochMetric(run, e + 1, metrics, 900, 40)));
      if (status === 'SUCCEEDED') {
        em.persist(new ModelArtifact(run, `models/${run.id}`, 'tfjs-layers', 180_000));
      }
    }
    await em.flush();
    const tagged = await em.find(Run, { project }, { orderBy: { createdAt: 'asc' }, limit: 6 });
    for (const run of tagged) await tagRun(em, run, [run.seed % 2 ? 'baseline' : 'sweep-a']);
  } finally {
    await db.close();
  }
}

/** `n` sequences of `length` bp; each class carries its own planted 6-mer. */
function plantedTable(
  n: number,
  classes: number,
  length: number,
  seed: number,
  labelOf: (i: number) => number = (i) => i % classes,
): string {
  const motifs = ['ACGTTG', 'TTTAAA', 'GGGCCC'];
  let state = seed * 7919;
  const base = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 'ACGT'[state % 4];
  };
  const lines = ['id\tlabel\tsequence'];
  for (let i = 0; i < n; i++) {
    const label = labelOf(i);
    const seq = Array.from({ length }, base);
    // One row in five carries another class's motif (label noise: curves below 1.0).
    const motif = motifs[(i % 5 === 0 ? label + 1 : label) % classes]!;
    const at = (i * 13) % (length - motif.length);
    seq.splice(at, motif.length, ...motif);
    lines.push(`s${i}\t${label}\t${seq.join('')}`);
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
