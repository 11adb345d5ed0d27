import { mkdtemp, open as openFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { testProject } from './testing.ts';
import { openDatabase } from './database.ts';
import type { StrandDatabase } from './database.ts';
import { Dataset } from './entities/dataset.entity.ts';
import { MIGRATIONS } from './migrations/migrations.ts';
import { BUSY_TIMEOUT_MS } from './sqlite-pragmas.ts';

const opened: StrandDatabase[] = [];
const dirs: string[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'strand-db-'));
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string): Promise<StrandDatabase> {
  const db = await openDatabase({ dataDir });
  opened.push(db);
  return db;
}

async function tables(db: StrandDatabase): Promise<string[]> {
  const rows = await db
    .fork()
    .getConnection()
    .execute<{ name: string }[]>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
    );
  return rows.map((r) => r.name);
}

async function readPragma(db: StrandDatabase, name: string): Promise<unknown> {
  const rows = await db.fork().getConnection().execute<Record<string, unknown>[]>(`pragma ${name}`);
  return Object.values(rows[0])[0];
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  test('creates the data dir, the SQLite file and the schema through the migrations', async () => {
    const dataDir = join(await freshDir(), 'nested', '.strand');
    const db = await open(dataDir);

    expect((await stat(join(dataDir, 'strand.db'))).isFile()).toBe(true);
    expect((await stat(join(dataDir, 'artifacts'))).isDirectory()).toBe(true);
    expect(db.artifacts.root).toBe(join(dataDir, 'artifacts'));
    expect(await tables(db)).toEqual([
      'api_token',
      'audit_event',
      'dataset',
      'epoch_metric',
      'invitation',
      'job',
      'membership',
      'mikro_orm_migrations',
      'model_alias',
      'model_artifact',
      'model_version',
      'project',
      'run',
      'run_note',
      'run_tag',
      'user',
      'variant_score',
    ]);
    const executed = await db.orm.migrator.getExecutedMigrations();
    expect(executed.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  test('opening again applies nothing and keeps the data', async () => {
    const dataDir = await freshDir();
    const first = await open(dataDir);
    const em = first.fork();
    em.persist(new Dataset(testProject(), 'kept', 'variants'));
    await em.flush();
    await first.close();

    const second = await open(dataDir);
    expect(await second.orm.migrator.getPendingMigrations()).toEqual([]);
    const executed = await second.orm.migrator.getExecutedMigrations();
    expect(executed).toHaveLength(MIGRATIONS.length);
    const names = (await second.fork().find(Dataset, {})).map((d) => d.name);
    expect(names).toEqual(['kept']);
  });

  test('the migrations build exactly the schema the entities describe', async () => {
    // Fails when an entity changed without a migration: run create-migration.ts.
    const db = await open(await freshDir());
    expect(await db.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  test('every connection runs in WAL mode with a busy timeout and foreign keys on', async () => {
    const db = await open(await freshDir());
    const pragma = (name: string) => readPragma(db, name);

    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('synchronous')).toBe(1); // NORMAL
  });

  test('a replaced connection gets the same settings (libsql retires connections after 10 s)', async () => {
    const db = await open(await freshDir());
    const connection = db.fork().getConnection();
    const pool = connection.getKnex().client.pool as {
      on(event: 'createSuccess', listener: () => void): void;
    };
    let created = 0;
    pool.on('createSuccess', () => created++);
    const pragma = (name: string) => readPragma(db, name);

    vi.setSystemTime(Date.now() + 11_000);
    try {
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS);
    } finally {
      vi.useRealTimers();
    }
    expect(created).toBe(1);
  });

  test('fork() gives each caller its own identity map', async () => {
    const db = await open(await freshDir());
    const a = db.fork();
    const b = db.fork();
    a.persist(new Dataset(testProject(), 'only in a', 'expression'));
    await a.flush();

    expect(a).not.toBe(b);
    const [inA] = await a.find(Dataset, {});
    const [inB] = await b.find(Dataset, {});
    expect(inB.id).toBe(inA.id);
    expect(inB).not.toBe(inA);
  });

  test('close() can be called twice', async () => {
    const db = await open(await freshDir());
    await db.close();
    await expect(db.close()).resolves.toBeUndefined();
  });

  test('a damaged file fails with DATABASE_DAMAGED, saying what to do, not with a driver stack', async () => {
    const dir = await freshDir();
    const db = await openDatabase({ dataDir: dir });
    // Every page in the main file (the write-ahead log checkpointed and emptied), then one of its
    // b-tree pages overwritten, as a bad disk would. (Damage inside the log itself is no error to
    // SQLite: a frame whose checksum fails ends the log, as a torn write does, so which commits
    // survive depends on where frames fall; a spec that damaged one log page broke when a
    // migration was added.)
    await db.orm.em.getConnection().execute('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.close();
    const file = await openFile(join(dir, 'strand.db'), 'r+');
    const { size } = await file.stat();
    await file.write(Buffer.alloc(4096, 0x41), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    await file.close();
    const failure = await openDatabase({ dataDir: dir }).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      name: 'DataError',
      code: 'DATABASE_DAMAGED',
      message: expect.stringMatching(
        /^the database .*strand\.db is damaged \(.+\); restore it from a backup, or move it and its -wal file away to start with an empty one$/,
      ),
    });
  });
});
