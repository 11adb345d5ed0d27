import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/libsql';
import type { Options } from '@mikro-orm/libsql';
import type { MigrationObject } from '@mikro-orm/core';
import { ENTITIES } from './entities/entities.ts';
import { MIGRATIONS, POSTGRES_MIGRATIONS } from './migrations/migrations.ts';
import { applyPragmas } from './sqlite-pragmas.ts';

/** Where the data lives: a SQLite file (embedded mode) or a PostgreSQL server (scaled out). */
export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgresql'; url: string };

function migrationsOptions(list: MigrationObject[], debug: boolean) {
  return {
    migrationsList: list,
    snapshot: false,
    transactional: true,
    allOrNothing: true,
    silent: !debug,
  };
}

/**
 * The MikroORM configuration for one SQLite file. Entities and migrations are passed as lists
 * (no folder discovery, no metadata cache on disk, no schema snapshot files), so it runs the
 * same from source under tsx/vitest and from a bundle.
 */
export function createOrmConfig(dbPath: string, debug = false): Options {
  return defineConfig({
    dbName: dbPath,
    entities: ENTITIES,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    metadataCache: { enabled: false },
    extensions: [Migrator],
    migrations: migrationsOptions(MIGRATIONS, debug),
    // One connection: libsql runs queries synchronously on the event loop, so more connections
    // in one thread add no parallelism, and two writers in one thread would wait on each other
    // inside SQLite's busy handler. Forks queue for the connection instead.
    pool: { min: 1, max: 1, afterCreate: applyPragmas },
    debug,
  });
}

/**
 * The same entities on PostgreSQL (`@mikro-orm/postgresql`, loaded only when asked for, so
 * embedded mode never loads `pg`). The migrations are POSTGRES_MIGRATIONS: the SQLite history up
 * to the baseline collapsed into one PostgreSQL migration, then the same steps as SQLite.
 */
export async function initPostgresOrm(
  url: string,
  debug = false,
  migrations = POSTGRES_MIGRATIONS,
) {
  const { MikroORM, defineConfig: definePostgresConfig } = await import('@mikro-orm/postgresql');
  const config = definePostgresConfig({
    clientUrl: url,
    entities: ENTITIES,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    metadataCache: { enabled: false },
    extensions: [Migrator],
    migrations: migrationsOptions(migrations, debug),
    pool: { min: 0, max: 10 },
    debug,
  });
  return MikroORM.init(config);
}
