/**
 * Live interpretation as a person sees it: a real API serving the built dashboard, a demo dataset
 * (CTCF planted in half of 2,000 × 101 bp), a DeepBind run started with three probes (two with
 * CTCF planted, one without), and Debian's Chromium on the run page: a screenshot after the
 * first epoch (live) and after the last, plus the stored first epoch chosen again afterwards.
 * Writes PNGs to tools/test-output/ (or --out DIR) and prints where each probe's strongest
 * window is at each shot against where CTCF was planted.
 *
 *   node --import tsx tools/scripts/probe-screenshots.ts [--epochs 8] [--out DIR]
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { BUNDLED_MOTIFS, simulatePlantedMotifs } from '@strand/genomics';
import { buildDashboard, createDemoDataset, graphql, startStrand } from '../e2e/strand-process.ts';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '8' },
    out: { type: 'string', default: fileURLToPath(new URL('../test-output/', import.meta.url)) },
  },
});
const epochs = Number(args.epochs);
if (!Number.isInteger(epochs) || epochs < 2) throw new Error('--epochs must be an integer ≥ 2');
const out = args.out!;
await mkdir(out, { recursive: true });
const token = `strand_${randomBytes(32).toString('base64url')}`;
const dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
buildDashboard(dashboardDir);
const strand = await startStrand({ STRAND_DASHBOARD_DIR: dashboardDir, STRAND_ADMIN_TOKEN: token });
const browser = await chromium.launch({
  executablePath: process.env.STRAND_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const datasetId = await createDemoDataset(strand.url, token, {
    name: 'ctcf',
    sequences: 2000,
    length: 101,
    motifs: ['CTCF'],
    seed: 3,
  });
  const ctcf = BUNDLED_MOTIFS.find((m) => m.name === 'CTCF')!;
  const sim = simulatePlantedMotifs({ count: 6, length: 101, motifs: [ctcf], seed: 21 });
  const positives = sim.sequences.flatMap((s, i) => (sim.sites[i] ? [i] : []));
  const negative = sim.sequences.findIndex((_, i) => !sim.sites[i]);
  const chosen = [positives[0], positives[1], negative];
  const probes = chosen.map((i) => sim.sequences[i]);
  console.log(
    JSON.stringify({
      planted: chosen.map((i) => (sim.sites[i] ? sim.sites[i].start + 1 : null)),
      width: ctcf.counts.length,
    }),
  );
  const started = await graphql<{
    startTraining: { run: { id: string } | null; userErrors: { message: string }[] };
  }>(
    strand.url,
    token,
    `
      mutation ($input: StartTrainingInput!) {
        startTraining(input: $input) {
          run {
            id
          }
          userErrors {
            message
          }
        }
      }
    `,
    { input: { datasetId, architecture: 'deepbind', epochs, seed: 11, probes } },
  );
  const run = started.startTraining.run;
  if (!run) throw new Error(started.startTraining.userErrors.map((e) => e.message).join('; '));
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  await page.addInitScript((t) => localStorage.setItem('strand.token', t), token);
  await page.goto(`${strand.url}/#/runs/${run.id}`);
  const shot = async (name: string, epoch: string) => {
    await page.waitForSelector(`[data-testid="probe-logos"][data-epoch="${epoch}"]`, {
      timeout: 600_000,
    });
    const section = page.getByTestId('probe-section');
    await section.scrollIntoViewIfNeeded();
    const path = join(out, name);
    await section.screenshot({ path });
    const windows = await page.$$eval(
      '[data-testid="probe-logo"]',
      (figures, width) =>
        figures.map((f) => {
          const sums = new Map<number, number>();
          for (const t of Array.from(f.querySelectorAll('text[data-position]'))) {
            const p = Number(t.getAttribute('data-position'));
            const v = Number(t.querySelector('title')?.textContent?.split(': ')[1] ?? 0);
            sums.set(p, (sums.get(p) ?? 0) + v);
          }
          let best = 1;
          let bestSum = -Infinity;
          for (let s = 1; s <= 101 - width + 1; s++) {
            let sum = 0;
            for (let p = s; p < s + width; p++) sum += sums.get(p) ?? 0;
            if (sum > bestSum) [best, bestSum] = [s, sum];
          }
          return { strongestWindowStart: best, sum: Number(bestSum.toFixed(4)) };
        }),
      ctcf.counts.length,
    );
    console.log(JSON.stringify({ screenshot: path, epoch, windows }));
  };
  await shot('probe-logos-epoch-1.png', '1');
  await shot(`probe-logos-epoch-${epochs}.png`, String(epochs));
  await page.selectOption('[data-testid="probe-epoch"]', '1');
  await shot('probe-logos-epoch-1-stored.png', '1');
} finally {
  await browser.close();
  await strand.stop();
  await rm(dashboardDir, { recursive: true, force: true });
}
