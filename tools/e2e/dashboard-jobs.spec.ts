/**
 * Job forms and token management in a browser (Debian Chromium, playwright-core) against a real
 * API process: an ADMIN imports a sequence table and two VCFs from the import directory through
 * the New job form and watches each job's progress under the form; scores the wrong-build VCF,
 * sees the pre-flight refuse it and retries with force; gets the API's validation messages on
 * the sweep and explain forms' fields; explains two sequences and reads the letter logos; makes a
 * token (shown once) and revokes it. A VIEWER sees no job form. Screenshots go to
 * tools/test-output/.
 *
 * Needs the shared hg19 chr17 piece (../shared/reference) for the reference the VCFs fit.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
const WIDTH = 51;

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
let importDir: string;
let runId: string;
const datasets: Record<string, string> = {};

const api = <T>(query: string, variables?: unknown, token = adminToken) =>
  graphql<T>(strand.url, token, query, variables);

describe.skipIf(!existsSync(REFERENCE))('dashboard job forms and tokens', () => {
  beforeAll(async () => {
    dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
    buildDashboard(dashboardDir);
    importDir = await mkdtemp(join(tmpdir(), 'strand-import-'));
    await copyFile(REFERENCE, join(importDir, 'chr17.fa'));
    await writeTestVcf(join(importDir, 'calls.vcf'), join(importDir, 'chr17.fa'), {
      count: 200,
      seed: 4,
      mismatchShare: 0.02,
    });
    await writeTestVcf(join(importDir, 'wrong-build.vcf'), join(importDir, 'chr17.fa'), {
      count: 60,
      seed: 5,
      mismatchShare: 0.5,
    });
    await writeFile(join(importDir, 'sites.tsv'), plantedTable(240, WIDTH));
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

  it('imports a table and two VCFs from the form, with the job’s progress under it', async () => {
    const { page, errors } = await open('#/jobs/new?kind=IMPORT_DATASET');
    const form = page.getByTestId('job-form');
    await form.waitFor({ timeout: 30_000 });
    // A blank required field is refused before anything is sent.
    await page.getByTestId('start-job').click();
    await expect(text(page, '.field-error')).resolves.toContain('File on the server is required');
    for (const [kind, path, name] of [
      ['sequence-classification', 'sites.tsv', 'planted sites'],
      ['variants', 'calls.vcf', 'calls'],
      ['variants', 'wrong-build.vcf', 'wrong build'],
    ] as const) {
      await page.locator('select[name="kind"]').selectOption(kind);
      await page.locator('input[name="path"]').fill(path);
      await page.locator('input[name="name"]').fill(name);
      await startAndWait(page, 'SUCCEEDED', 120_000);
      datasets[name] = await datasetId(name);
    }
    await shot(page, 'dashboard-job-form-import.png');
    // A file that is not there: the API's message, on the path field.
    await page.locator('input[name="path"]').fill('missing.vcf');
    await page.getByTestId('start-job').click();
    await page.locator('.field.invalid input[name="path"]').waitFor({ timeout: 30_000 });
    await shot(page, 'dashboard-job-form-import-error.png');
    expect(errors).toEqual([]);
    await page.close();

    const started = await api<{ startTraining: { run: { id: string } | null } }>(
      'mutation ($input: StartTrainingInput!) { startTraining(input: $input) { run { id } } }',
      {
        input: {
          datasetId: datasets['planted sites'],
          architecture: 'deepbind',
          epochs: 3,
          batchSize: 32,
          learningRate: 0.01,
          seed: 7,
        },
      },
    );
    runId = started.startTraining.run!.id;
    await waitForRun(runId);
  }, 900_000);

  it('scores the wrong-build VCF: the pre-flight refuses it, Retry with force scores it', async () => {
    const { page, errors } = await open(`#/jobs/new?kind=SCORE_VARIANTS&runId=${runId}`);
    await page.getByTestId('job-form').waitFor({ timeout: 30_000 });
    await page
      .locator(`select[name="datasetId"] option[value="${datasets['wrong build']}"]`)
      .waitFor({
        state: 'attached',
        timeout: 30_000,
      });
    await page.locator('select[name="datasetId"]').selectOption(datasets['wrong build']!);
    await page.locator('input[name="reference"]').fill('chr17.fa');
    await startAndWait(page, 'FAILED', 120_000);
    await expect(text(page, '[data-testid="started-job"]')).resolves.toMatch(
      /wrong genome build\? \(force to score anyway\)/,
    );
    await shot(page, 'dashboard-job-form-preflight.png');
    const refused = await page.getByTestId('started-job').getAttribute('data-job');
    await page.getByTestId('retry-force').click();
    await page
      .locator(`[data-testid="started-job"][data-status="SUCCEEDED"]:not([data-job="${refused}"])`)
      .waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('retry-force').count()).toBe(0);
    await shot(page, 'dashboard-job-form-forced.png');
    const { jobs } = await api<{ jobs: { edges: { node: { params: string; status: string } }[] } }>(
      '{ jobs(first: 1, kind: SCORE_VARIANTS) { edges { node { status params } } } }',
    );
    expect(jobs.edges[0]!.node.status).toBe('SUCCEEDED');
    expect(JSON.parse(jobs.edges[0]!.node.params)).toMatchObject({ force: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('puts the API’s validation messages on the sweep and explain forms’ fields', async () => {
    const { page, errors } = await open('#/jobs/new?kind=SWEEP');
    await page.getByTestId('job-form').waitFor({ timeout: 30_000 });
    await page
      .locator(`select[name="datasetId"] option[value="${datasets['planted sites']}"]`)
      .waitFor({
        state: 'attached',
        timeout: 30_000,
      });
    await page.locator('select[name="architecture"]').selectOption('deepbind');
    await page.locator('select[name="datasetId"]').selectOption(datasets['planted sites']!);
    await page.locator('textarea[name="space"]').fill('{"learningRate": [0.01, 0.001]');
    await page.getByTestId('start-job').click();
    await expect(text(page, '.field-error')).resolves.toContain(
      'Search space (JSON) is not valid JSON',
    );
    await page.locator('textarea[name="space"]').fill('{"learningRate": [0.01, 0.001]}');
    await page.locator('input[name="maxTrials"]').fill('500');
    await page.getByTestId('start-job').click();
    await page.locator('.field.invalid input[name="maxTrials"]').waitFor({ timeout: 30_000 });
    await shot(page, 'dashboard-job-form-sweep-errors.png');

    // A real sweep, watched from the jobs list: its bar follows jobProgress events
    // (between 0 and 1 while it runs) while the list's query is sent again only on status changes.
    // Three trials of 8 epochs: long enough (several seconds a trial even on a quiet machine)
    // for the list to show the bar between 0 and 1.
    await page.locator('textarea[name="space"]').fill('{"learningRate": [0.01, 0.003, 0.001]}');
    await page.locator('input[name="maxTrials"]').fill('');
    await page.locator('input[name="epochs"]').fill('8');
    const sweepId = await startAndWait(page, 'RUNNING', 60_000).catch(async () =>
      startedJobId(page),
    );
    let listQueries = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('query Jobs')) {
        listQueries += 1;
      }
    });
    await page.goto(`${strand.url}/#/jobs`);
    const row = page.locator(`[data-testid="jobs-table"] tr[data-job-id="${sweepId}"]`);
    await row.waitFor({ timeout: 30_000 });
    const fractions = new Set<string>();
    for (let i = 0; i < 1200; i++) {
      fractions.add((await row.locator('.job-progress').getAttribute('data-fraction')) ?? '');
      if ((await row.getAttribute('data-status')) === 'SUCCEEDED') break;
      await page.waitForTimeout(250);
    }
    expect(await row.getAttribute('data-status')).toBe('SUCCEEDED');
    expect([...fractions].some((f) => Number(f) > 0 && Number(f) < 1)).toBe(true);
    // The first load, then one per new row (the trials' TRAIN jobs, at most 3); a listed job's
    // status changes reach its row through the cache. A 3 s poll would send one every 3 s.
    expect(listQueries).toBeLessThanOrEqual(4);
    await shot(page, 'dashboard-jobs-live.png');

    await page.goto(`${strand.url}/#/jobs/new?kind=EXPLAIN_SEQUENCE&runId=${runId}`);
    await page.locator('[data-kind="EXPLAIN_SEQUENCE"]').waitFor({ timeout: 30_000 });
    await page.locator('textarea[name="sequences"]').fill('ACGT\n');
    await page.getByTestId('start-job').click();
    await page.locator('.field.invalid textarea[name="sequences"]').waitFor({ timeout: 30_000 });
    await shot(page, 'dashboard-job-form-explain-error.png');
    const sequences = plantedTable(2, WIDTH)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[2]);
    await page.locator('textarea[name="sequences"]').fill(sequences.join('\n'));
    await startAndWait(page, 'SUCCEEDED', 120_000);
    await shot(page, 'dashboard-job-form-explain.png');
    // The job page draws each sequence as a letter logo, the bases present under the axis.
    await page.locator('[data-testid="started-job"] h2 a').click();
    await page.getByTestId('attribution-logo').first().waitFor({ timeout: 30_000 });
    const reference = await page
      .locator('[data-testid="attribution-logo-reference"]')
      .first()
      .locator('text')
      .allTextContents();
    // DeepSHAP scores only the base present: where it is not 0, the letter under the axis is it.
    expect(reference).toHaveLength(WIDTH);
    const shown = reference.filter((letter) => letter !== '·');
    expect(shown.length).toBeGreaterThan(WIDTH / 2);
    reference.forEach((letter, i) => {
      if (letter !== '·') expect(letter).toBe(sequences[0]![i]);
    });
    expect(
      await page.locator('[data-testid="attribution-logo"] .letters text').count(),
    ).toBeGreaterThan(WIDTH);
    await shot(page, 'dashboard-explain-logos.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('discovers motifs from the form; the job page shows PWM and CWM logos and JASPAR matches', async () => {
    const { page, errors } = await open(`#/jobs/new?kind=DISCOVER_MOTIFS&runId=${runId}`);
    await page.getByTestId('job-form').waitFor({ timeout: 30_000 });
    await page
      .locator(`select[name="datasetId"] option[value="${datasets['planted sites']}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('select[name="datasetId"]').selectOption(datasets['planted sites']!);
    await page.locator('input[name="label"]').fill('1');
    await page.locator('input[name="shuffles"]').fill('4');
    await startAndWait(page, 'SUCCEEDED', 300_000);
    await page.locator('[data-testid="started-job"] h2 a').click();
    await page.getByTestId('motif-discovery').waitFor({ timeout: 30_000 });
    await shot(page, 'dashboard-motifs.png');
    const motifs = await page.getByTestId('motif').count();
    if (motifs > 0) {
      expect(await page.locator('[data-testid="pwm-logo"] .letters text').count()).toBeGreaterThan(
        0,
      );
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('marginalises the planted motif and designs a sequence from the forms; the job pages draw both', async () => {
    const { page, errors } = await open(`#/jobs/new?kind=MARGINALIZE&runId=${runId}`);
    await page.getByTestId('job-form').waitFor({ timeout: 30_000 });
    await page
      .locator(`select[name="datasetId"] option[value="${datasets['planted sites']}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 });
    await page.locator('select[name="datasetId"]').selectOption(datasets['planted sites']!);
    // The planted GATA site (GATAAG) against the label-0 records, scanned every 5 bases, with
    // a second copy at spacings 0–10.
    await page.locator('input[name="label"]').fill('0');
    await page.locator('input[name="motif"]').fill('GATAAG');
    await page.locator('input[name="positionStep"]').fill('5');
    await page.locator('input[name="secondMotif"]').fill('GATAAG');
    await page.locator('input[name="maxSpacing"]').fill('10');
    await page.locator('input[name="backgrounds"]').fill('20');
    await startAndWait(page, 'SUCCEEDED', 300_000);
    await page.locator('[data-testid="started-job"] h2 a').click();
    await page.getByTestId('marginalization').waitFor({ timeout: 30_000 });
    await page.getByTestId('effect-by-position').waitFor({ timeout: 30_000 });
    await page.getByTestId('effect-by-spacing').waitFor({ timeout: 30_000 });
    expect(await text(page, '[data-testid="marginal-effect"]')).toMatch(/\d/);
    await shot(page, 'dashboard-marginalization.png');

    const start = plantedTable(2, WIDTH).trim().split('\n')[1]!.split('\t')[2]!;
    await page.goto(`${strand.url}/#/jobs/new?kind=DESIGN&runId=${runId}`);
    await page.locator('[data-kind="DESIGN"]').waitFor({ timeout: 30_000 });
    await page.locator('input[name="sequence"], textarea[name="sequence"]').fill(start);
    await page.locator('input[name="maxEdits"]').fill('4');
    await page.locator('input[name="fixedPositions"]').fill('0-5');
    await startAndWait(page, 'SUCCEEDED', 300_000);
    await page.locator('[data-testid="started-job"] h2 a').click();
    await page.getByTestId('sequence-design').waitFor({ timeout: 30_000 });
    // Edits are marked in the designed sequence, never in the fixed first six bases.
    const designed = page.getByTestId('designed-sequence');
    expect((await designed.textContent())!.trim()).toHaveLength(WIDTH);
    expect(await designed.locator('mark').count()).toBeLessThanOrEqual(4);
    expect((await designed.textContent())!.trim().slice(0, 6)).toBe(start.slice(0, 6));
    await shot(page, 'dashboard-design.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);

  it('makes a token shown once, lists it, and revokes it; the API then refuses it', async () => {
    const { page, errors } = await open('#/tokens');
    await page.getByTestId('create-token-form').waitFor({ timeout: 30_000 });
    await page.locator('input[name="tokenName"]').fill('laptop');
    await page.locator('select[name="lifetime"]').selectOption('30');
    await page.getByTestId('create-token').click();
    const secret = (await page.getByTestId('new-token-secret').textContent())!.trim();
    expect(secret).toMatch(/^strand_/);
    await page.locator('[data-testid="token-table"] tbody tr', { hasText: 'laptop' }).waitFor();
    await shot(page, 'dashboard-tokens-created.png');
    await expect(
      api<{ me: { name: string } }>('{ me { name } }', undefined, secret),
    ).resolves.toBeTruthy();
    const row = page.locator('[data-testid="token-table"] tbody tr', { hasText: 'laptop' });
    await row.getByTestId('revoke').click();
    await row.getByTestId('confirm-revoke').click();
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await shot(page, 'dashboard-tokens-revoked.png');
    await expect(api('{ me { name } }', undefined, secret)).rejects.toThrow();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('gives a VIEWER no job form and no New job link', async () => {
    const { projects } = await api<{ projects: { id: string }[] }>('{ projects { id } }');
    const viewer = await api<{ createUser: { token: string | null } }>(
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { token } }',
      { input: { name: 'reader', projectId: projects[0]!.id, role: 'VIEWER' } },
    );
    const { page, errors } = await open('#/jobs/new?kind=SCORE_VARIANTS', viewer.createUser.token!);
    await page.getByTestId('new-job-page').waitFor({ timeout: 30_000 });
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('main button').count()).toBe(0);
    expect(await page.locator('header a[href="#/jobs/new"]').count()).toBe(0);
    await shot(page, 'dashboard-job-form-viewer.png');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});

const open = (path: string, token = adminToken) => openPage(browser, strand.url, path, token);

const shot = screenshot;

/** Submits the form and waits for the job it started (not an earlier one) to reach `status`. */
async function startAndWait(page: Page, status: string, timeout = 120_000): Promise<string> {
  const before = await page
    .locator('[data-testid="started-job"]')
    .getAttribute('data-job', { timeout: 1 })
    .catch(() => null);
  await page.getByTestId('start-job').click();
  const panel = page.locator(
    `[data-testid="started-job"][data-status="${status}"]${before ? `:not([data-job="${before}"])` : ''}`,
  );
  await panel.waitFor({ timeout });
  return (await panel.getAttribute('data-job'))!;
}

/** The id of the job shown under the form, whatever its status. */
async function startedJobId(page: Page): Promise<string> {
  return (await page.getByTestId('started-job').getAttribute('data-job'))!;
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).allTextContents()).join(' | ');

async function datasetId(name: string): Promise<string> {
  const { datasets: list } = await api<{
    datasets: { edges: { node: { id: string; name: string } }[] };
  }>('{ datasets(first: 100) { edges { node { id name } } } }');
  const found = list.edges.find((e) => e.node.name === name);
  if (!found) throw new Error(`no dataset ${name}`);
  return found.node.id;
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

/** `n` rows of id, label, sequence: label 1 rows carry GATAAG, label 0 rows do not. */
function plantedTable(n: number, length: number): string {
  let state = 4242;
  const base = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits cycle with a short period.
    return 'ACGT'[Math.floor(state / 65536) % 4];
  };
  const lines = ['id\tlabel\tsequence'];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const seq = Array.from({ length }, base);
    if (label === 1) seq.splice((i * 7) % (length - 6), 6, ...'GATAAG');
    lines.push(`s${i}\t${label}\t${seq.join('')}`);
  }
  return `${lines.join('\n')}\n`;
}
