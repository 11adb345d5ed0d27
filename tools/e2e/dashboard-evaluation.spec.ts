/**
 * The run page's evaluation plots in a browser (Debian Chromium, playwright-core) against a real
 * API process: four small runs trained through the API, one per task type the plots cover
 * (binary, multi-class, multitask, regression), each page drawn from Run.evaluation; a run whose
 * evaluation file is gone (as one trained before evaluations were kept) says it has none. Then
 * each run's best epoch (run page and runs table), and the runs list live without polling: an
 * active run's row moves from its progress events, and after the browser goes offline and back
 * the list is shown stale, then reloaded once.
 * Saves screenshots to tools/test-output/dashboard-evaluation-*.png.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { simulateCohort } from '@strand/genomics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, graphql, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

const CHROMIUM = process.env.STRAND_CHROMIUM ?? '/usr/bin/chromium';
const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const adminToken = `strand_${randomBytes(32).toString('base64url')}`;
const MOTIFS = ['ACGTTG', 'TTTAAA', 'GGGCCC'];

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
let importDir: string;
let dataDir: string;
const runs: Record<string, string> = {};
const datasets: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run tools/scripts/install-test-deps.sh (apt-get install -y chromium)`,
    );
  }
  dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
  buildDashboard(dashboardDir);
  importDir = await mkdtemp(join(tmpdir(), 'strand-import-'));
  dataDir = await mkdtemp(join(tmpdir(), 'strand-evaluation-'));
  await writeFile(
    join(importDir, 'two.tsv'),
    table(300, 40, 1, (i) => [i % 2]),
  );
  await writeFile(
    join(importDir, 'three.tsv'),
    table(300, 40, 2, (i) => [i % 3]),
  );
  await writeFile(
    join(importDir, 'tasks.tsv'),
    table(300, 40, 3, (i) => [i % 2, (i >> 1) % 2]),
  );
  await writeFile(join(importDir, 'counts.tsv'), countsTable(300, 40, 4));
  const cohort = simulateCohort({ samples: 200, genes: 400, riskGenes: 5, seed: 9 });
  await writeFile(join(importDir, 'expression.tsv'), cohort.expression);
  await writeFile(join(importDir, 'samples.tsv'), cohort.sampleTable);
  await writeFile(join(importDir, 'cohort.vcf'), cohort.vcf);
  await writeFile(join(importDir, 'genes.bed'), cohort.bed);
  strand = await startStrand({
    STRAND_DASHBOARD_DIR: dashboardDir,
    STRAND_ADMIN_TOKEN: adminToken,
    STRAND_IMPORT_DIR: importDir,
    STRAND_DATA_DIR: dataDir,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await strand?.stop();
  for (const dir of [dashboardDir, importDir, dataDir]) {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

describe('evaluation plots on the run page', () => {
  it('trains a binary, a multi-class, a multitask and a regression run', async () => {
    const two = await importTable({ path: 'two.tsv', name: 'two classes' });
    const three = await importTable({ path: 'three.tsv', name: 'three classes' });
    const tasks = await importTable({
      path: 'tasks.tsv',
      name: 'two tasks',
      labelColumn: 'label_a,label_b',
    });
    const counts = await importTable({
      kind: 'sequence-regression',
      path: 'counts.tsv',
      name: 'read counts',
    });
    datasets.two = two;
    runs.binary = await train(two);
    runs.multiclass = await train(three);
    runs.multitask = await train(tasks);
    runs.regression = await train(counts, { task: 'regression' });
    for (const id of Object.values(runs)) await waitForRun(id);
  }, 600_000);

  it('draws ROC, PR, calibration and confusion of a binary run, naming the rows', async () => {
    const page = await openRun(runs.binary!);
    expect(await page.getByTestId('evaluation').getAttribute('data-task')).toBe('binary');
    await expectCharts(page, ['roc-chart', 'pr-chart', 'calibration-chart']);
    const source = await page.getByTestId('evaluation-source').textContent();
    expect(source).toMatch(/validation rows \(\d+\), predicted by the saved model \(epoch 3\)/);
    const cells = await page
      .locator('[data-testid="evaluation-confusion"] tbody td')
      .allTextContents();
    expect(cells).toHaveLength(4);
    const rows = Number(/validation rows \((\d+)\)/.exec(source!)![1]);
    expect(cells.reduce((sum, c) => sum + Number(c), 0)).toBe(rows);
    await shot(page, 'dashboard-evaluation-binary.png');
    await page.close();
  });

  it('overlays the classes of a multi-class run and counts a 3 × 3 confusion matrix', async () => {
    const page = await openRun(runs.multiclass!);
    expect(await page.getByTestId('evaluation').getAttribute('data-task')).toBe('multiclass');
    await expectCharts(page, ['roc-chart', 'pr-chart', 'calibration-chart']);
    expect(await page.locator('[data-testid="roc-chart"] path[data-series^="roc-"]').count()).toBe(
      3,
    );
    expect(await page.locator('[data-testid="evaluation-confusion"] tbody td').count()).toBe(9);
    expect(await page.locator('[data-testid="evaluation-classes"] tbody tr').count()).toBe(3);
    await shot(page, 'dashboard-evaluation-multiclass.png');
    await page.close();
  });

  it('gives each task of a multitask run its curve and its confusion matrix', async () => {
    const page = await openRun(runs.multitask!);
    expect(await page.getByTestId('evaluation').getAttribute('data-task')).toBe('multitask');
    expect(await page.locator('[data-testid="roc-chart"] path[data-series^="roc-"]').count()).toBe(
      2,
    );
    expect(await page.getByTestId('evaluation-confusion').count()).toBe(2);
    await shot(page, 'dashboard-evaluation-multitask.png');
    await page.close();
  });

  it('draws a regression run as predicted against observed, with its correlations', async () => {
    const page = await openRun(runs.regression!);
    expect(await page.getByTestId('evaluation').getAttribute('data-task')).toBe('regression');
    await expectCharts(page, ['scatter-chart']);
    const dots = await page.locator('[data-markers="scatter-0"] circle').count();
    expect(dots).toBeGreaterThan(10);
    expect(await page.getByTestId('regression-output').textContent()).toMatch(
      /Pearson -?\d\.\d{3}/,
    );
    await shot(page, 'dashboard-evaluation-regression.png');
    await page.close();
  });

  it('shows each run’s best epoch, on the run page beside the last and in the runs table', async () => {
    const page = await openRun(runs.multiclass!, 'best-epoch');
    const intro = await page.getByTestId('best-epoch').locator('p').textContent();
    expect(intro).toMatch(/^Epoch [1-3] is best by val_loss, lowest/);
    const header = await page.locator('[data-testid="best-epoch"] thead th').allTextContents();
    expect(header).toEqual([
      'metric',
      expect.stringMatching(/^best \(epoch [1-3]\)$/),
      'last (epoch 3)',
    ]);
    expect(await page.locator('[data-testid="best-epoch"] tr.monitored th').textContent()).toBe(
      'val_loss',
    );
    await page
      .getByTestId('best-epoch')
      .screenshot({ path: join(outputDir, 'dashboard-best-epoch.png') });
    await page.close();
    const list = await openPage('#/', 'runs-table');
    const cells = await list.getByTestId('best-epoch-cell').allTextContents();
    expect(cells).toHaveLength(4);
    for (const cell of cells) expect(cell).toMatch(/^[1-3] by val_loss$/);
    await shot(list, 'dashboard-runs-best-epoch.png');
    await list.close();
  });

  it('says so when a run has no stored evaluation (trained before they were kept)', async () => {
    await rm(join(dataDir, 'artifacts', 'models', runs.binary!, 'evaluation.json'));
    const page = await openRun(runs.binary!, 'evaluation-none');
    expect(await page.getByTestId('evaluation-none').textContent()).toMatch(
      'trained before evaluations',
    );
    expect(await page.getByTestId('roc-chart').count()).toBe(0);
    await page.close();
  });
});

describe('embedding scatter of autoencoder and VAE runs; expression heatmap of a risk job', () => {
  it('draws a VAE’s 2-D latent code and an autoencoder’s first two principal components', async () => {
    const expression = await importTable({
      kind: 'expression',
      path: 'expression.tsv',
      labelsPath: 'samples.tsv',
      labelColumn: 'status',
      name: 'cohort expression',
    });
    const vae = await train(expression, { architecture: 'vae', config: { latentSize: 2 } }, 8);
    const autoencoder = await train(expression, { architecture: 'autoencoder' }, 8);
    await waitForRun(vae);
    await waitForRun(autoencoder);

    const page = await openRun(vae, 'embedding');
    expect(await page.getByTestId('embedding').getAttribute('data-method')).toBe('latent');
    expect(await page.getByTestId('embedding-source').textContent()).toMatch(
      /^\d+ of \d+ validation rows, embedded by the saved model \(epoch 8\): its 2-D latent code\.$/,
    );
    const dots = await page
      .locator('[data-testid="embedding-chart"] [data-markers^="class-"] circle')
      .count();
    expect(dots).toBeGreaterThan(10);
    // Coloured by the samples' classes (case and control).
    expect(
      await page.locator('[data-testid="embedding-chart"] [data-markers^="class-"]').count(),
    ).toBe(2);
    await shot(page, 'dashboard-embedding-vae.png');
    await page.close();

    const ae = await openRun(autoencoder, 'embedding');
    expect(await ae.getByTestId('embedding').getAttribute('data-method')).toBe('pca');
    expect(await ae.locator('[data-testid="embedding-chart"] figcaption').count()).toBe(1);
    expect(await ae.getByTestId('embedding-chart').textContent()).toMatch(
      /PC1 \(\d+% of variance\)/,
    );
    await shot(ae, 'dashboard-embedding-autoencoder.png');
    await ae.close();
    datasets.expression = expression;
  }, 300_000);

  it('draws the expression of a risk job’s top features across its samples', async () => {
    const variants = await importTable({
      kind: 'variants',
      path: 'cohort.vcf',
      name: 'cohort calls',
    });
    const started = await api<{
      predictRisk: { job: { id: string } | null; userErrors: { message: string }[] };
    }>(
      'mutation ($input: PredictRiskInput!) { predictRisk(input: $input) { job { id } userErrors { message } } }',
      {
        input: {
          expressionDatasetId: datasets.expression,
          variantsDatasetId: variants,
          genes: 'genes.bed',
          folds: 3,
          epochs: 5,
          seed: 1,
        },
      },
    );
    const job = started.predictRisk.job;
    if (!job) throw new Error(started.predictRisk.userErrors.map((e) => e.message).join('; '));
    for (let i = 0; i < 2400; i++) {
      const { job: j } = await api<{ job: { status: string; error: string | null } }>(
        'query ($id: ID!) { job(id: $id) { status error } }',
        { id: job.id },
      );
      if (j.status === 'SUCCEEDED') break;
      if (j.status === 'FAILED') throw new Error(`predictRisk: ${j.error}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const page = await openPage(`#/jobs/${job.id}`, 'risk-heatmap');
    const genes = await page.locator('[data-testid="risk-heatmap"] [data-gene]').count();
    expect(genes).toBeGreaterThan(3);
    expect(await page.getByTestId('risk-heatmap').locator('figcaption').textContent()).toMatch(
      /^Expression of the top \d+ features \(z-scores\) in 200 samples, lowest risk left/,
    );
    await shot(page, 'dashboard-risk-heatmap.png');
    await page.close();
  }, 300_000);
});

describe('the runs list without polling', () => {
  it('moves an active run’s row from its progress events, with no Runs query between status changes', async () => {
    const page = await openPage('#/', 'runs-table');
    let runsQueries = 0;
    page.on('request', (request) => {
      if (
        request.url().endsWith('/graphql') &&
        (request.postData() ?? '').includes('query Runs(')
      ) {
        runsQueries++;
      }
    });
    const id = await train(datasets.two!, undefined, 40);
    const row = page.locator(`[data-testid="runs-table"] tr[data-run-id="${id}"]`);
    await row.waitFor({ timeout: 30_000 });
    // The epochs cell ("n/40") as it was seen, sampled every 50 ms until the run ends.
    const seen = new Set<string>();
    for (let i = 0; i < 2400; i++) {
      const cells = await row.locator('td').allTextContents();
      const epochs = cells.find((c) => /^\d+\/40$/.test(c));
      if (epochs) seen.add(epochs);
      if (cells.some((c) => c.includes('SUCCEEDED'))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const counts = [...seen].map((s) => Number(s.split('/')[0]));
    // Epochs between the first and the last: from the subscription, the list was not reloaded.
    expect(counts.filter((n) => n > 1 && n < 40).length).toBeGreaterThan(3);
    expect(counts).toContain(40);
    // One reload per status change (QUEUED → RUNNING → SUCCEEDED), not one every few seconds.
    expect(runsQueries).toBeLessThanOrEqual(4);
    await page.close();
  }, 180_000);

  it('shows the list as stale while the socket is down, and reloads it once on reconnect', async () => {
    // The subscription socket goes through a route: `down` closes it and refuses new ones
    // (close code 1001, which graphql-ws retries), as a dropped connection would.
    let down = false;
    const open: WebSocketRoute[] = [];
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      if (down) {
        ws.close({ code: 1001, reason: 'test: connection dropped' });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    await page.addInitScript((t) => localStorage.setItem('strand.token', t), adminToken);
    await page.goto(`${strand.url}/#/`);
    await page.getByTestId('runs-table').waitFor({ timeout: 30_000 });
    await page.locator('.socket-connected').waitFor({ timeout: 30_000 });
    const before = await page.locator('[data-testid="runs-table"] tbody tr').count();
    let runsQueries = 0;
    page.on('request', (request) => {
      if (
        request.url().endsWith('/graphql') &&
        (request.postData() ?? '').includes('query Runs(')
      ) {
        runsQueries++;
      }
    });
    down = true;
    for (const ws of open.splice(0))
      await ws.close({ code: 1001, reason: 'test: connection dropped' });
    await page.getByTestId('stale-notice').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('runs-table').getAttribute('data-stale')).toBe('true');
    await shot(page, 'dashboard-runs-stale.png');
    // A run started and finished meanwhile: the page cannot hear of it.
    const id = await train(datasets.two!);
    await waitForRun(id);
    expect(await page.locator('[data-testid="runs-table"] tbody tr').count()).toBe(before);
    down = false;
    await page.locator(`tr[data-run-id="${id}"]`).waitFor({ timeout: 90_000 });
    await page.getByTestId('stale-notice').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByTestId('runs-table').getAttribute('data-stale')).toBe('false');
    expect(runsQueries).toBe(1);
    await shot(page, 'dashboard-runs-reconnected.png');
    await page.close();
  }, 180_000);
});

function openRun(id: string, wait = 'evaluation'): Promise<Page> {
  return openPage(`#/runs/${id}`, wait);
}

async function openPage(path: string, wait: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript((t) => localStorage.setItem('strand.token', t), adminToken);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${strand.url}/${path}`);
  await page.getByTestId(wait).waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

async function expectCharts(page: Page, ids: string[]): Promise<void> {
  const found = await page
    .locator('[data-testid="evaluation"] figure.chart')
    .evaluateAll((figures) => figures.map((f) => f.getAttribute('data-testid')));
  expect(found).toEqual(ids);
  // Each curve has a drawn path (not an empty chart).
  for (const id of ids.filter((i) => i !== 'scatter-chart')) {
    const d = await page.locator(`[data-testid="${id}"] path.series`).first().getAttribute('d');
    expect(d?.length ?? 0).toBeGreaterThan(10);
  }
}

const shot = async (page: Page, name: string) => {
  await mkdir(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, name), fullPage: true });
};

/** Sequences with class k's motif planted (one row in five another's: curves below 1.0). */
function table(n: number, length: number, seed: number, labels: (i: number) => number[]): string {
  const random = lcg(seed);
  const width = labels(0).length;
  const header = width === 1 ? ['label'] : ['label_a', 'label_b'];
  const lines = [['id', ...header, 'sequence'].join('\t')];
  for (let i = 0; i < n; i++) {
    const y = labels(i);
    const seq = Array.from({ length }, () => 'ACGT'[random() % 4]!);
    y.forEach((label, t) => {
      if (width > 1 && label === 0) return;
      const motif = MOTIFS[((i % 5 === 0 ? label + 1 : label) + t) % MOTIFS.length]!;
      const at = width > 1 ? t * 20 + 2 : (i * 13) % (length - motif.length);
      seq.splice(at, motif.length, ...motif);
    });
    lines.push([`s${i}`, ...y, seq.join('')].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** Per-position read counts whose total grows with the number of GGGCCC copies planted. */
function countsTable(n: number, length: number, seed: number): string {
  const random = lcg(seed);
  const lines = ['id\tsequence\tcounts'];
  for (let i = 0; i < n; i++) {
    const seq = Array.from({ length }, () => 'ACGT'[random() % 4]!);
    const copies = i % 4;
    for (let c = 0; c < copies; c++) seq.splice(c * 10 + 2, 6, ...'GGGCCC');
    const counts = Array.from({ length }, () => (random() % 3) + copies * 4);
    lines.push(`r${i}\t${seq.join('')}\t${counts.join(',')}`);
  }
  return `${lines.join('\n')}\n`;
}

function lcg(seed: number): () => number {
  let state = seed * 7919;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state >>> 8;
  };
}

async function importTable(input: Record<string, unknown>): Promise<string> {
  const started = await api<{
    importDataset: { job: { id: string } | null; userErrors: { message: string }[] };
  }>(
    'mutation ($input: ImportDatasetInput!) { importDataset(input: $input) { job { id } userErrors { message } } }',
    { input: { kind: 'sequence-classification', ...input } },
  );
  const job = started.importDataset.job;
  if (!job) throw new Error(started.importDataset.userErrors.map((e) => e.message).join('; '));
  for (let i = 0; i < 600; i++) {
    const { job: j } = await api<{
      job: { status: string; error: string | null; outputDataset: { id: string } | null };
    }>('query ($id: ID!) { job(id: $id) { status error outputDataset { id } } }', { id: job.id });
    if (j.status === 'SUCCEEDED' && j.outputDataset) return j.outputDataset.id;
    if (j.status === 'FAILED') throw new Error(`import of ${String(input.path)}: ${j.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import of ${String(input.path)} did not finish`);
}

/** `config` is the architecture's config, or `{ architecture, config }` for another than deepbind. */
async function train(
  datasetId: string,
  config?: Record<string, unknown>,
  epochs = 3,
): Promise<string> {
  const architecture = typeof config?.architecture === 'string' ? config.architecture : 'deepbind';
  const archConfig =
    typeof config?.architecture === 'string'
      ? (config.config as Record<string, unknown> | undefined)
      : config;
  const started = await api<{
    startTraining: { run: { id: string } | null; userErrors: { message: string }[] };
  }>(
    'mutation ($input: StartTrainingInput!) { startTraining(input: $input) { run { id } userErrors { message } } }',
    {
      input: {
        datasetId,
        architecture,
        epochs,
        batchSize: 32,
        seed: 1,
        ...(archConfig ? { config: JSON.stringify(archConfig) } : {}),
      },
    },
  );
  const run = started.startTraining.run;
  if (!run) throw new Error(started.startTraining.userErrors.map((e) => e.message).join('; '));
  return run.id;
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

function api<T>(query: string, variables?: unknown): Promise<T> {
  return graphql<T>(strand.url, adminToken, query, variables);
}
