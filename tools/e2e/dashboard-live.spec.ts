/**
 * The browser test: a real API process serving the built dashboard, Debian's Chromium driven by
 * playwright-core. A person's path: open the dashboard, create the demo dataset and start a run
 * from the form, watch the curves grow. Saves a screenshot to tools/test-output/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

const CHROMIUM = process.env.STRAND_CHROMIUM ?? '/usr/bin/chromium';
const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run tools/scripts/install-test-deps.sh (apt-get install -y chromium)`);
  }
  dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
  buildDashboard(dashboardDir);
  strand = await startStrand({ STRAND_DASHBOARD_DIR: dashboardDir });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await strand?.stop();
  if (dashboardDir) await rm(dashboardDir, { recursive: true, force: true });
});

describe('dashboard', () => {
  it('starts a run from the form and plots its curves live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${strand.url}/#/new`);
    await page.getByTestId('new-run-form').waitFor();
    // The architecture and motif choices come from the API; wait until they are offered.
    await page.locator('select option[value="deepbind"]').first().waitFor({ state: 'attached' });
    await page.getByTestId('create-and-train').click();

    await page.waitForURL(/#\/runs\//, { timeout: 30_000 });
    const points = page.getByTestId('auroc-chart').locator('circle[data-epoch]');
    await expect.poll(() => points.count(), { timeout: 120_000, interval: 250 }).toBeGreaterThanOrEqual(3);
    // Live, not a reload: the run is still training or has just finished, and the loss chart has data.
    const status = await page.getByTestId('run-status').innerText();
    expect(['RUNNING', 'SUCCEEDED']).toContain(status.trim().toUpperCase());
    const lossPath = await page.getByTestId('loss-chart').locator('path[data-series="loss"]').getAttribute('d');
    expect(lossPath ?? '').toMatch(/^M/);

    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, 'dashboard-live.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
