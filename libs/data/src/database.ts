import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/libsql';
import type { EntityManager } from '@mikro-orm/libsql';
import { ArtifactStore } from './artifacts/artifact-store.ts';
import type { ArtifactObjectStore } from './artifacts/object-store.ts';
import { DataError } from './errors/data-error.ts';
import { createOrmConfig, initPostgresOrm } from './orm-config.ts';

export interface OpenDatabaseOptions {
  /**
   * Holds `strand.db` (with its WAL files) and `artifacts/`; created when missing. With a
   * PostgreSQL `databaseUrl` only `artifacts/` is used (unless `artifactDir` says otherwise).
   */
  dataDir: string;
  /**
   * `postgres://user:password@host:port/database` to use PostgreSQL (scaled-out mode,
   * STRAND_DATABASE_URL); absent or empty: the SQLite file in `dataDir` (embedded mode).
   */
  databaseUrl?: string | undefined;
  /**
   * The artifact directory (STRAND_ARTIFACT_DIR): shared by every process of a cluster, or with
   * `artifactRemote` this process's local copy (default `dataDir/artifact-cache`).
   */
  artifactDir?: string | undefined;
  /**
   * Where artifacts live instead of a shared directory (an S3ObjectStore for STRAND_ARTIFACT_URL).
   * openDatabase checks first that it answers a LIST, failing with its error (for an
   * S3ObjectStore ARTIFACT_STORE_UNAVAILABLE naming the bucket, never a secret); the database
   * closes it on close() when it has a close().
   */
  artifactRemote?: ArtifactObjectStore | undefined;
  /** Logs every SQL query (never use with real data in production: queries carry values). */
  debug?: boolean;
}

export type DatabaseDialect = 'sqlite' | 'postgresql';

/** True for a `postgres://` or `postgresql://` URL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/**
 * An open Strand database and its artifact store. Open one per process and share it: the API
 * and the job runner each take their own EntityManager with `fork()`.
 */
export class StrandDatabase {
  private closed = false;

  constructor(
    /**
     * The ORM. Typed as the SQLite one: the PostgreSQL ORM has the same SQL-driver API
     * (EntityManager, migrator, connection), which is all Strand uses.
     */
    readonly orm: MikroORM,
    readonly artifacts: ArtifactStore,
    readonly dialect: DatabaseDialect = 'sqlite',
  ) {}

  /** A fresh EntityManager fork with its own identity map: one per request and per job. */
  fork(): EntityManager {
    return this.orm.em.fork();
  }

  /** Closes the connection; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.orm.close(true);
    } finally {
      (this.artifacts.remote as { close?: () => void } | undefined)?.close?.();
    }
  }
}

/** SQLite's answers for a file that is not (or no longer) a sound database. */
const DAMAGE = /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i;

function damaged(file: string, reason: string): DataError {
  // One line: quick_check's report spans several.
  const why = reason.replace(/\s+/g, ' ').trim();
  return new DataError(
    'DATABASE_DAMAGED',
    `the database ${file} is damaged (${why}); restore it from a backup, or move it and its -wal file away to start with an empty one`,
  );
}

/**
 * Opens the database and applies pending migrations: `${dataDir}/strand.db` (created if needed),
 * or the PostgreSQL database of `databaseUrl`. The schema is only ever changed by the committed
 * migrations, never synchronised from the entities. Several processes may open the same
 * PostgreSQL database at once: the migrator takes a lock, so only one applies a migration. A
 * damaged SQLite file (quick_check) fails with DATABASE_DAMAGED and a message that says what to
 * do, rather than with the driver's stack.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<StrandDatabase> {
  const dataDir = resolve(options.dataDir);
  const remote = options.artifactRemote;
  const artifactRoot = resolve(
    options.artifactDir || join(dataDir, remote ? 'artifact-cache' : 'artifacts'),
  );
  // Before the database: a process that could not read or write artifacts is of no use.
  if (remote) await answersList(remote);
  await mkdir(artifactRoot, { recursive: true });
  const artifacts = new ArtifactStore(artifactRoot, remote);
  const postgres = isPostgresUrl(options.databaseUrl);
  if (options.databaseUrl && !postgres) {
    throw new Error('databaseUrl must start with postgres:// or postgresql://');
  }
  if (postgres) {
    const orm = (await initPostgresOrm(options.databaseUrl!, options.debug)) as unknown as MikroORM;
    try {
      await orm.migrator.up();
    } catch (error) {
      await orm.close(true).catch(() => undefined);
      throw error;
    }
    return new StrandDatabase(orm, artifacts, 'postgresql');
  }
  const file = join(dataDir, 'strand.db');
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init(createOrmConfig(file, options.debug));
    const check = await orm.em
      .fork()
      .getConnection()
      .execute<{ quick_check: string }[]>('pragma quick_check(5)');
    const problems = check.map((row) => row.quick_check).filter((r) => r !== 'ok');
    if (problems.length) throw damaged(file, problems.join('; ').slice(0, 300));
    await orm.migrator.up();
  } catch (error) {
    await orm?.close(true).catch(() => undefined);
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (error instanceof DataError) throw error;
    if (DAMAGE.test(`${String(code)} ${String(message)}`))
      throw damaged(file, String(message).split('\n')[0].slice(0, 200));
    throw error;
  }
  return new StrandDatabase(orm, artifacts, 'sqlite');
}

/** One LIST (its first page at most): the store is there and these credentials may read it. */
async function answersList(remote: ArtifactObjectStore): Promise<void> {
  for await (const _ of remote.list('')) break;
}
