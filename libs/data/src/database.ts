import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/libsql';
import type { EntityManager } from '@mikro-orm/libsql';
import { ArtifactStore } from './artifacts/artifact-store.ts';
import { createOrmConfig } from './orm-config.ts';

export interface OpenDatabaseOptions {
  /** Holds `strand.db` (with its WAL files) and `artifacts/`; created when missing. */
  dataDir: string;
  /** Logs every SQL query (never use with real data in production: queries carry values). */
  debug?: boolean;
}

/**
 * An open Strand database and its artifact store. Open one per process and share it: the API
 * and the job runner each take their own EntityManager with `fork()`.
 */
export class StrandDatabase {
  private closed = false;

  constructor(
    readonly orm: MikroORM,
    readonly artifacts: ArtifactStore,
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
 * Opens (creating if needed) `${dataDir}/strand.db` and applies pending migrations. The schema is
 * only ever changed by the committed migrations, never synchronised from the entities.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<StrandDatabase> {
  const dataDir = resolve(options.dataDir);
  const artifactRoot = join(dataDir, 'artifacts');
  await mkdir(artifactRoot, { recursive: true });
  const orm = await MikroORM.init(createOrmConfig(join(dataDir, 'strand.db'), options.debug));
  try {
    await orm.migrator.up();
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return new StrandDatabase(orm, new ArtifactStore(artifactRoot));
}
