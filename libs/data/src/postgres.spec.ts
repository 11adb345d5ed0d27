import { describe, expect, test } from 'vitest';
import { Dataset } from './entities/dataset.entity.ts';
import { Project } from './entities/project.entity.ts';
import { POSTGRES_MIGRATIONS } from './migrations/migrations.ts';
import { createTestDatabase, testDialect, testProject } from './testing.ts';

// Runs only in the PostgreSQL pass of the test target (vitest.postgres.config.ts).
describe.skipIf(testDialect() !== 'postgresql')('PostgreSQL', () => {
  test('the migrations build the schema the entities describe (ids as text)', async () => {
    const t = await createTestDatabase();
    try {
      expect(t.db.dialect).toBe('postgresql');
      const executed = await t.db.orm.migrator.getExecutedMigrations();
      expect(executed.map((m) => m.name)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name));
      const diff = await t.db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true });
      // The only difference allowed: ids are text where the entities say uuid (see the baseline).
      const statements = diff
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0);
      // The generator re-creates a foreign key whose columns change type; that a foreign key
      // exists is checked on its own below.
      const allowed = [
        /^alter table "\w+" alter column "\w*id" drop default;$/,
        /^alter table "\w+" alter column "\w*id" type uuid using \("\w*id"::text::uuid\);$/,
        /^alter table "\w+" drop constraint "\w+_foreign";$/,
        /^alter table "\w+" add constraint "\w+_foreign" foreign key .*;$/,
        // PostgreSQL does not index foreign keys by itself; the baseline does, as SQLite's did.
        /^drop index "\w+_id_index";$/,
      ];
      const other = statements.filter((line) => !allowed.some((re) => re.test(line)));
      expect(other).toEqual([]);
      const wanted = statements
        .map((line) => /add constraint "(\w+_foreign)"/.exec(line)?.[1])
        .filter((name): name is string => !!name)
        .sort();
      const present = await t.db
        .fork()
        .getConnection()
        .execute<{ name: string }[]>(
          "select conname as name from pg_constraint where contype = 'f' order by conname",
        );
      expect(wanted.length).toBeGreaterThan(20);
      expect(present.map((r) => r.name)).toEqual(expect.arrayContaining(wanted));
    } finally {
      await t.cleanup();
    }
  });

  test('a malformed id finds nothing instead of failing, as on SQLite', async () => {
    const t = await createTestDatabase();
    try {
      const em = t.db.fork();
      expect(await em.findOne(Dataset, { id: 'not-a-uuid' })).toBeNull();
      const def = await em.findOne(Project, { slug: 'default' });
      expect(def?.name).toBe('Default');
    } finally {
      await t.cleanup();
    }
  });

  test('opening the same database again (another replica) applies nothing', async () => {
    const t = await createTestDatabase();
    try {
      const em = t.db.fork();
      const project = testProject('pg');
      em.persist(project);
      await em.flush();
      const url = t.db.orm.config.getClientUrl();
      const { openDatabase } = await import('./database.ts');
      const again = await openDatabase({ dataDir: t.dataDir, databaseUrl: url });
      try {
        expect((await again.orm.migrator.getPendingMigrations()).length).toBe(0);
        expect((await again.fork().findOne(Project, project.id))?.slug).toBe(project.slug);
      } finally {
        await again.close();
      }
    } finally {
      await t.cleanup();
    }
  });
});
