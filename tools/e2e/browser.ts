/**
 * The browser side of the e2e specs: Debian's Chromium driven by playwright-core, a page opened
 * on the dashboard with an API token already saved (as a person's would be), the console's
 * errors collected, and screenshots into tools/test-output/. One helper for every browser spec.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), or STRAND_CHROMIUM. */
export const CHROMIUM = process.env.STRAND_CHROMIUM ?? '/usr/bin/chromium';

/** Where the browser specs' screenshots go. */
export const OUTPUT_DIR = fileURLToPath(new URL('../test-output/', import.meta.url));

/** Starts headless Chromium; a missing binary is a clear error naming the install script. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run tools/scripts/install-test-deps.sh (apt-get install -y chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenPage {
  page: Page;
  /** The console's error messages so far (a spec expects none). */
  errors: string[];
}

/**
 * A new page at `baseUrl/path` with `token` in localStorage['strand.token'] before any script
 * runs (null: no token). The console's errors are collected in `errors`.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  token: string | null,
  viewport = { width: 1280, height: 900 },
): Promise<OpenPage> {
  const page = await browser.newPage({ viewport });
  if (token !== null) {
    await page.addInitScript((t) => localStorage.setItem('strand.token', t), token);
  }
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl}/${path.replace(/^\//, '')}`);
  return { page, errors };
}

/** A full-page screenshot into tools/test-output/`name`; its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const path = join(OUTPUT_DIR, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}
