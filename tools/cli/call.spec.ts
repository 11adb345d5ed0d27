import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  Dataset,
  DEFAULT_PROJECT_SLUG,
  ModelArtifact,
  openDatabase,
  Project,
  registerModelVersion,
  Run,
  setModelAlias,
} from '@strand/data';
import { HAS_READ_SIMULATOR, sharedDataPath, simulateReads } from '@strand/genomics/testing';
import { DEFAULT_CALLER_MODEL } from '@strand/jobs';

// `strand call` with the embedded store (issue 16), run as a user would: spawned. Pileups stored
// with their truth labels as a dataset, a model trained from that dataset without the reads, and
// a stored pileup model named NAME@ALIAS.
const bin = fileURLToPath(new URL('../bin/strand.mjs', import.meta.url));
const strand = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 230_000 });
vi.setConfig({ testTimeout: 240_000 });

const ECOLI = sharedDataPath('reference', 'ecoli536_NC_008253.fa.gz');
const REGION = 'NC_008253.1:400001-404000';
const MISSING = [
  ...(HAS_READ_SIMULATOR ? [] : ['dwgsim/minimap2/samtools']),
  ...(existsSync(ECOLI) ? [] : [ECOLI]),
];

let dir: string;
let store: string;
let sim: ReturnType<typeof simulateReads>;

const records = (vcf: string) =>
  vcf.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

describe.skipIf(MISSING.length > 0)(
  `strand call with the embedded store${MISSING.length ? ` (skipped: ${MISSING.join(', ')} missing)` : ''}`,
  () => {
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'strand-cli-call-'));
      store = join(dir, 'store');
      sim = simulateReads(ECOLI, REGION, join(dir, 'sim'), { coverage: 20, rate: 0.004, seed: 21 });
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('stores labelled pileups as a dataset and trains a model from it without the reads', async () => {
      const base = ['--bam', sim.bam, '--reference', sim.reference, '--region', REGION];
      const refused = strand('call', ...base, '--out', join(dir, 'x.vcf'), '--truth', sim.truth);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/--truth labels the stored pileups; give --pileups-as too/);

      const called = strand(
        'call',
        ...base,
        '--out',
        join(dir, 'calls.vcf'),
        '--pileups-as',
        'labelled',
        '--truth',
        sim.truth,
        '--data-dir',
        store,
        '--json',
      );
      expect(called.stderr).not.toMatch(/error/i);
      expect(called.status).toBe(0);
      const result = JSON.parse(called.stdout) as {
        candidates: number;
        calls: number;
        pileupsDataset: { id: string; name: string };
        pileups: { rows: number; truths: number[] };
      };
      expect(result.pileupsDataset.name).toBe('labelled');
      expect(result.pileups.rows).toBe(result.candidates);
      expect(result.calls).toBe(records(await readFile(join(dir, 'calls.vcf'), 'utf8')).length);

      const db = await openDatabase({ dataDir: store });
      const stored = await db.fork().findOneOrFail(Dataset, { id: result.pileupsDataset.id });
      expect(stored).toMatchObject({
        kind: 'pileups',
        status: 'READY',
        recordCount: result.candidates,
        labelCounts: {
          'hom-ref': result.pileups.truths[0],
          het: result.pileups.truths[1],
          'hom-alt': result.pileups.truths[2],
        },
      });
      expect(existsSync(db.artifacts.resolve(stored.artifactPath!))).toBe(true);
      await db.close();

      const trained = strand(
        'call',
        'train',
        '--dataset',
        'labelled',
        '--data-dir',
        store,
        '--epochs',
        '1',
        '--out',
        join(dir, 'model'),
        '--json',
      );
      expect(trained.status).toBe(0);
      expect(JSON.parse(trained.stdout)).toMatchObject({
        examples: result.candidates,
        classes: result.pileups.truths,
      });
      const metadata = JSON.parse(await readFile(join(dir, 'model', 'strand.json'), 'utf8'));
      expect(metadata).toMatchObject({
        architecture: 'pileup',
        inputLength: 21,
        inputChannels: 240,
      });

      const unknown = strand(
        'call',
        'train',
        '--dataset',
        'nope',
        '--data-dir',
        store,
        '--out',
        join(dir, 'm2'),
      );
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toMatch(/--dataset nope: no such dataset/);
    });

    it('calls with a stored pileup model named NAME@ALIAS', async () => {
      const db = await openDatabase({ dataDir: store });
      const em = db.fork();
      const project = await em.findOneOrFail(Project, { slug: DEFAULT_PROJECT_SLUG });
      const dataset = new Dataset(project, 'caller training', 'pileups');
      Object.assign(dataset, { status: 'READY', checksum: 'c'.repeat(64) });
      const run = new Run(project, dataset, 'pileup', {}, 1, 8, 64, 0.001);
      Object.assign(run, { status: 'SUCCEEDED' });
      const path = `models/${run.id}`;
      await cp(DEFAULT_CALLER_MODEL, db.artifacts.resolve(path), { recursive: true });
      em.persist([
        run,
        new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path)),
      ]);
      await em.flush();
      const version = await registerModelVersion(em, run, 'caller');
      await setModelAlias(em, project.id, 'caller', 'production', version.version);
      await db.close();

      const out = join(dir, 'stored-model.vcf');
      const args = ['--bam', sim.bam, '--reference', sim.reference, '--region', REGION];
      const called = strand(
        'call',
        ...args,
        '--model',
        'caller@production',
        '--data-dir',
        store,
        '--out',
        out,
      );
      expect(called.stderr).toBe('');
      expect(called.status).toBe(0);
      // The same weights as the shipped model: the same calls.
      expect(records(await readFile(out, 'utf8'))).toEqual(
        records(await readFile(join(dir, 'calls.vcf'), 'utf8')),
      );
      const missing = strand(
        'call',
        ...args,
        '--model',
        'caller@staging',
        '--data-dir',
        store,
        '--out',
        out,
      );
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(
        /--model caller@staging: model "caller" has no alias "staging"/,
      );
    });
  },
);
