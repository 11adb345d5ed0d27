import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/libsql';
import type { EntityManager } from '@mikro-orm/libsql';
import { ArtifactStore } from './artifacts/artifact-store.ts';
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
  /** The artifact directory (STRAND_ARTIFACT_DIR; shared by every process of a cluster). */
  artifactDir?: string | undefined;
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
    await this.orm.close(true);
  }
}

/**
 * Opens the database and applies pending migrations: `${dataDir}/strand.db` (created if needed),
 * or the PostgreSQL database of `databaseUrl`. The schema is only ever changed by the committed
 * migrations, never synchronised from the entities. Several processes may open the same
 * PostgreSQL database at once: the migrator takes a lock, so only one applies a migration.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<StrandDatabase> {
  const dataDir = resolve(options.dataDir);
  const artifactRoot = resolve(options.artifactDir || join(dataDir, 'artifacts'));
  await mkdir(artifactRoot, { recursive: true });
  const postgres = isPostgresUrl(options.databaseUrl);
  if (options.databaseUrl && !postgres) {
    throw new Error('databaseUrl must start with postgres:// or postgresql://');
  }
  const orm = postgres
    ? ((await initPostgresOrm(options.databaseUrl!, options.debug)) as unknown as MikroORM)
    : await MikroORM.init(createOrmConfig(join(dataDir, 'strand.db'), options.debug));
  try {
    await orm.migrator.up();
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return new StrandDatabase(
    orm,
    new ArtifactStore(artifactRoot),
    postgres ? 'postgresql' : 'sqlite',
  );
}
