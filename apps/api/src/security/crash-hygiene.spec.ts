/**
 * Issue 18's crash hygiene: what a kill -9 mid-import or mid-upload leaves is gone after the
 * restart; a damaged database gives a clear start-up error and /ready 503; shutdown completes
 * whatever stdout does (a closed pipe).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, open, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, Dataset, Job, openDatabase, Project } from '@strand/data';
import { startStrandServer } from '../http/server.ts';
import { startUnavailableServer } from '../http/unavailable-server.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'strand-crash-'));
  dirs.push(dir);
  return dir;
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The API's real entry as a process; stdout is a pipe closed at once (its reader is gone). */
async function startApi(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...process.env, STRAND_PORT: String(port), STRAND_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  // Up when /health answers (the banner went to the closed stdout).
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`API exited ${child.exitCode}:\n${stderr}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error(`API not up within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, exited, stderr: () => stderr };
}

describe('after a crash', () => {
  it('a restart leaves nothing of an interrupted import, demo or upload', async () => {
    const dir = await dataDir();
    // What kill -9 leaves mid-write, made by hand (the same names the writers use).
    const db = await openDatabase({ dataDir: dir });
    const em = db.fork();
    const project = new Project('p', 'p');
    const kept = new Dataset(project, 'kept', 'sequence-classification');
    Object.assign(kept, { status: 'READY', artifactPath: `datasets/${kept.id}/sequences.arrow` });
    const half = new Dataset(project, 'half-made demo', 'sequence-classification');
    em.persist([project, kept, half]);
    await em.flush();
    const put = async (rel: string, bytes = 16) => {
      await mkdir(join(dir, 'artifacts', rel, '..'), { recursive: true });
      await writeFile(join(dir, 'artifacts', rel), Buffer.alloc(bytes));
    };
    await put(`datasets/${kept.id}/sequences.arrow`);
    await put(`datasets/${half.id}/sequences.arrow.writing`); // demo, row IMPORTING
    await put('datasets/00000000-0000-4000-8000-000000000000/sequences.arrow.importing', 1 << 20);
    await put('tmp/upload-x1Yz/upload', 1 << 20); // an upload being received
    await put('models/r1/model.json.tmp');
    await put('checkpoints/r1/epoch-1.abc.partial/tensors.bin');
    await put('models/r1/model.json');
    await db.close();

    const server = await startStrandServer({ port: 0, dataDir: dir, dashboardDir: null });
    try {
      expect(await filesUnder(join(dir, 'artifacts'))).toEqual(
        [`datasets/${kept.id}/sequences.arrow`, 'models/r1/model.json'].sort(),
      );
      const rows = await server.db.fork().find(Dataset, {});
      expect(rows.map((d) => [d.name, d.status])).toEqual([['kept', 'READY']]);
    } finally {
      await server.close();
    }
  });
});

describe('after a crash mid-import of an upload', () => {
  it('the upload is kept for its job, which imports it again and then removes it', async () => {
    const dir = await dataDir();
    const db = await openDatabase({ dataDir: dir });
    const em = db.fork();
    const project = new Project('p', 'p');
    const upload = join(dir, 'artifacts', 'tmp', 'upload-live');
    const file = join(upload, 'file', 'live.tsv');
    await mkdir(join(upload, 'file'), { recursive: true });
    await writeFile(file, 'id\tlabel\tsequence\na\tx\tACGT\nb\ty\tGGCC\n');
    const job = new Job(
      project,
      'IMPORT_UPLOAD',
      {
        kind: 'sequence-classification',
        path: file,
        name: 'live',
        labelsPath: null,
        labelColumn: null,
        featureColumns: null,
        profileColumn: null,
        genomeBuild: null,
        orientation: null,
        strict: false,
        uploadDir: upload,
      },
      '',
    );
    job.artifactPath = `jobs/${job.id}`;
    job.status = 'RUNNING'; // the process died while it ran
    em.persist([project, job]);
    await em.flush();
    // …and the import it was writing, and an upload whose job is over.
    const half = join(dir, 'artifacts', 'datasets', '00000000-0000-4000-8000-000000000001');
    await mkdir(half, { recursive: true });
    await writeFile(join(half, 'sequences.arrow.importing'), Buffer.alloc(64));
    await mkdir(join(dir, 'artifacts', 'tmp', 'upload-done'), { recursive: true });
    await writeFile(join(dir, 'artifacts', 'tmp', 'upload-done', 'upload'), Buffer.alloc(64));
    await db.close();

    const server = await startStrandServer({ port: 0, dataDir: dir, dashboardDir: null });
    try {
      let row: Job | null = null;
      for (let i = 0; i < 300; i++) {
        row = await server.db.fork().findOne(Job, { id: job.id });
        if (row && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(row.status)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(row).toMatchObject({ status: 'SUCCEEDED', error: null });
      const datasets = await server.db.fork().find(Dataset, {});
      expect(datasets.map((d) => [d.name, d.status, d.recordCount])).toEqual([
        ['live', 'READY', 2],
      ]);
      expect(await filesUnder(join(dir, 'artifacts', 'datasets'))).toEqual([
        datasets[0].artifactPath!.slice('datasets/'.length),
      ]);
      expect(await readdir(join(dir, 'artifacts', 'tmp'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('start and stop', () => {
  it(
    'stdout a closed pipe, an upload half-received: SIGTERM completes (exit 0); the restart sweeps',
    { timeout: 180_000 },
    async () => {
      const dir = await dataDir();
      const token = `strand_crash_${'c'.repeat(40)}`;
      const api = await startApi({ STRAND_DATA_DIR: dir, STRAND_ADMIN_TOKEN: token });
      // Requests log a line each to the closed stdout.
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ me { name } }' }),
        });
        expect(res.status).toBe(401);
      }
      // An upload that sends 2 MB of its announced 50 MB, then stalls.
      const body = new TransformStream<Uint8Array, Uint8Array>();
      const writer = body.writable.getWriter();
      const upload = fetch(`${api.url}/upload?kind=sequence-classification&filename=big.tsv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-length': String(50 << 20) },
        body: body.readable,
        duplex: 'half',
      } as RequestInit).catch(() => null);
      await writer.write(Buffer.alloc(2 << 20, 0x41));
      const scratch = join(dir, 'artifacts', 'tmp');
      for (let i = 0; i < 300; i++) {
        if ((await filesUnder(scratch).catch(() => [])).length) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await filesUnder(scratch)).length).toBeGreaterThan(0);
      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
      expect(api.stderr()).not.toMatch(/EPIPE/);
      await upload;
      // The process ended mid-upload, as a kill would end it: the restart removes the part.
      const server = await startStrandServer({ port: 0, dataDir: dir, dashboardDir: null });
      try {
        expect(await filesUnder(join(dir, 'artifacts'))).toEqual([]);
        expect(await server.db.fork().count(Dataset, {})).toBe(0);
      } finally {
        await server.close();
      }
    },
  );

  it('a damaged database: a clear error, no stack; the stand-in server answers /ready 503', async () => {
    const dir = await dataDir();
    const db = await openDatabase({ dataDir: dir });
    // Everything into the main file first (an unchecked WAL could hide the damage), then garble
    // the schema page after its 100-byte file header.
    await db.fork().getConnection().execute('pragma wal_checkpoint(TRUNCATE)');
    await db.close();
    const file = await open(join(dir, 'strand.db'), 'r+');
    await file.write(Buffer.alloc(3996, 0x41), 0, 3996, 100);
    await file.close();
    const failure = await startStrandServer({ port: 0, dataDir: dir, dashboardDir: null }).catch(
      (error: unknown) => error as DataError,
    );
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as DataError).code).toBe('DATABASE_DAMAGED');
    expect((failure as DataError).message).toMatch(
      /^the database .*strand\.db is damaged \(.+\); restore it from a backup/,
    );
    // What main.ts serves then (it logs the message above, without a stack).
    const standIn = await startUnavailableServer({ port: 0, reason: 'the database is damaged' });
    try {
      expect((await fetch(`${standIn.url}/health`)).status).toBe(200);
      const ready = await fetch(`${standIn.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'unavailable',
        reason: 'the database is damaged',
      });
      const graphql = await fetch(`${standIn.url}/graphql`, { method: 'POST' });
      expect(graphql.status).toBe(503);
      expect(await graphql.text()).not.toContain(dir); // no server path to clients
    } finally {
      await standIn.close();
    }
  });
});
