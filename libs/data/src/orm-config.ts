import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/libsql';
import type { Options } from '@mikro-orm/libsql';
import { ENTITIES } from './entities/entities.ts';
import { MIGRATIONS } from './migrations/migrations.ts';
import { applyPragmas } from './sqlite-pragmas.ts';

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
    migrations: {
      migrationsList: MIGRATIONS,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: !debug,
    },
    // One connection: libsql runs queries synchronously on the event loop, so more connections
    // in one thread add no parallelism, and two writers in one thread would wait on each other
    // inside SQLite's busy handler. Forks queue for the connection instead.
    pool: { min: 1, max: 1, afterCreate: applyPragmas },
    debug,
  });
}
