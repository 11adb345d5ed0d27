/**
 * The pileup view in a browser (Debian Chromium, playwright-core) against a real API process
 * (issue 16): reads simulated on a few kb of E. coli are called over GraphQL with `pileupsAs`,
 * and the pileups dataset's page lists the candidates with their calls and draws the selected
 * one's image, a canvas per channel. Saves tools/test-output/dashboard-pileups.png.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_READ_SIMULATOR, sharedDataPath, simulateReads } from '@strand/genomics/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, OUTPUT_DIR, screenshot } from './browser.ts';
import { buildDashboard, graphql, startStrand } from './strand-process.ts';
import type { StrandProcess } from './strand-process.ts';

const ECOLI = sharedDataPath('reference', 'ecoli536_NC_008253.fa.gz');
const REGION = 'NC_008253.1:300001-304000';
const adminToken = `strand_${randomBytes(32).toString('base64url')}`;
const MISSING = [
  ...(HAS_READ_SIMULATOR ? [] : ['dwgsim/minimap2/samtools']),
  ...(existsSync(ECOLI) ? [] : [ECOLI]),
];

let strand: StrandProcess;
let browser: Browser;
let dashboardDir: string;
let importDir: string;

describe.skipIf(MISSING.length > 0)(
  `pileup view${MISSING.length ? ` (skipped: ${MISSING.join(', ')} missing)` : ''}`,
  () => {
    beforeAll(async () => {
      dashboardDir = await mkdtemp(join(tmpdir(), 'strand-dashboard-'));
      buildDashboard(dashboardDir);
      importDir = await mkdtemp(join(tmpdir(), 'strand-pileups-'));
      simulateReads(ECOLI, REGION, join(importDir, 'sim'), { coverage: 20, rate: 0.004, seed: 11 });
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

    it('lists a call’s candidates and draws the selected one’s pileup, a canvas per channel', async () => {
      const started = await graphql<{ callVariants: { job: { id: string } | null } }>(
        strand.url,
        adminToken,
        'mutation ($input: CallVariantsInput!) { callVariants(input: $input) { job { id } } }',
        {
          input: {
            bam: 'sim/reads.bam',
            reference: 'sim/ref.fa',
            region: REGION,
            pileupsAs: 'e2e pileups',
          },
        },
      );
      const jobId = started.callVariants.job!.id;
      let datasetId: string | null = null;
      for (let i = 0; i < 1200 && !datasetId; i++) {
        const { job } = await graphql<{
          job: { status: string; error: string | null; outputDataset: { id: string } | null };
        }>(
          strand.url,
          adminToken,
          'query ($id: ID!) { job(id: $id) { status error outputDataset { id } } }',
          {
            id: jobId,
          },
        );
        if (job.status === 'FAILED') throw new Error(`callVariants failed: ${job.error}`);
        if (job.status === 'SUCCEEDED') datasetId = job.outputDataset!.id;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(datasetId).not.toBeNull();

      const { page, errors } = await openPage(
        browser,
        strand.url,
        `#/datasets/${datasetId}`,
        adminToken,
        { width: 1440, height: 1000 },
      );
      const rows = page.locator('[data-testid="pileup-candidates"] tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(5);
      // The first called candidate is shown: its call next to six channel canvases.
      const image = page.locator('[data-testid="pileup-image"]');
      await image.waitFor();
      const canvases = image.locator('canvas');
      await expect.poll(() => canvases.count()).toBe(6);
      const names = await canvases.evaluateAll((all) =>
        all.map((c) => c.getAttribute('data-channel')),
      );
      expect(names).toEqual([
        'base',
        'base_quality',
        'mapping_quality',
        'strand',
        'supports_alt',
        'differs_from_ref',
      ]);
      // Painted: the base canvas has opaque pixels in its top (reference) row and below it.
      const painted = await canvases.first().evaluate((el) => {
        const canvas = el as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let top = 0;
        let below = 0;
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            if ((data[(y * canvas.width + x) * 4 + 3] ?? 0) > 0) {
              if (y < 4) top++;
              else below++;
            }
          }
        }
        return { top, below };
      });
      expect(painted.top).toBeGreaterThan(100);
      expect(painted.below).toBeGreaterThan(1000);
      const heading = await image.locator('h3').textContent();
      expect(heading).toMatch(/^NC_008253\.1:\d+ \S+→\S+ (het|hom-alt)$/);
      await screenshot(page, 'dashboard-pileups.png');
      await image.screenshot({ path: join(OUTPUT_DIR, 'dashboard-pileup-image.png') });

      // Choosing another candidate shows its image.
      const third = rows.nth(2);
      const position = (await third.locator('button').textContent())!;
      await third.locator('button').click();
      await expect
        .poll(() => image.locator('h3').textContent())
        .toMatch(new RegExp(`^${position.replace('.', '\\.')} `));
      expect(errors).toEqual([]);
    }, 300_000);
  },
);
