/**
 * Writes a migration for the difference between the entities and the schema the committed
 * migrations build. Run from the repository root:
 *   TSX_TSCONFIG_PATH=libs/data/tsconfig.json \
 *     node --import tsx libs/data/src/migrations/create-migration.ts <name>
 * (tsx reads the tsconfig of the working directory only, and entities need its decorator settings)
 * then add the new class to MIGRATIONS (migrations.ts) and run prettier on the file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../database.ts';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: create-migration.ts <name>   (kebab-case, e.g. add-project)');
  process.exit(2);
}
const dataDir = await mkdtemp(join(tmpdir(), 'strand-migration-'));
const db = await openDatabase({ dataDir });
try {
  const result = await db.orm.migrator.createMigration(import.meta.dirname, false, false, name);
  console.log(
    result.fileName
      ? `wrote ${join(import.meta.dirname, result.fileName)}; add it to MIGRATIONS`
      : 'the entities match the migrations: nothing to write',
  );
} finally {
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
