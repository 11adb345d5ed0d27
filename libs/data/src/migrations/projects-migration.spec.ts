import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/libsql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOrmConfig } from '../orm-config.ts';
import { MIGRATIONS } from './migrations.ts';

let dir: string;
let orm: MikroORM;

const run = (sql: string) => orm.em.getConnection().execute(sql);
const D = '11111111-1111-4111-8111-111111111111';
const R = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strand-migrate-'));
  orm = await MikroORM.init(createOrmConfig(join(dir, 'strand.db')));
  await orm.migrator.up({ to: MIGRATIONS[0].name });
  // A database as the first release left it: a dataset, a run, its epochs and its model.
  await run(
    `insert into dataset (id, created_at, updated_at, name, kind, label_counts, source) values ('${D}', 1, 1, 'old', 'variants', '{}', '{}')`,
  );
  await run(
    `insert into run (id, created_at, updated_at, dataset_id, architecture, config, seed, epochs, batch_size, learning_rate) values ('${R}', 2, 2, '${D}', 'deepbind', '{}', 1, 2, 8, 0.01)`,
  );
  await run(
    `insert into epoch_metric (id, created_at, updated_at, run_id, epoch, metrics, samples_per_second, seconds) values ('e1', 3, 3, '${R}', 1, '{"loss":0.5}', 10, 1), ('e2', 3, 3, '${R}', 2, '{"loss":0.4}', 10, 1)`,
  );
  await run(
    `insert into model_artifact (id, created_at, updated_at, run_id, path, format, size_bytes) values ('m1', 4, 4, '${R}', 'models/x', 'tfjs-layers', 9)`,
  );
  await orm.migrator.up();
});
afterAll(async () => {
  await orm.close(true);
  await rm(dir, { recursive: true, force: true });
});

describe('the projects migration', () => {
  test('puts existing datasets and runs into the default project and keeps their children', async () => {
    const projects = await run('select id, slug from project');
    expect(projects).toEqual([{ id: '00000000-0000-4000-8000-000000000001', slug: 'default' }]);
    expect(await run('select project_id from dataset')).toEqual([{ project_id: projects[0].id }]);
    expect(await run('select project_id, dataset_id from run')).toEqual([
      { project_id: projects[0].id, dataset_id: D },
    ]);
    expect(await run('select id from epoch_metric order by epoch')).toEqual([
      { id: 'e1' },
      { id: 'e2' },
    ]);
    expect(await run('select id from model_artifact')).toEqual([{ id: 'm1' }]);
    expect(await run('pragma foreign_key_check')).toEqual([]);
  });

  test('foreign keys point at the rebuilt tables: deleting the run still cascades', async () => {
    const tables = await run("select sql from sqlite_master where type = 'table'");
    expect(JSON.stringify(tables)).not.toContain('before_projects');
    await run(`delete from run where id = '${R}'`);
    expect(await run('select count(*) as n from epoch_metric')).toEqual([{ n: 0 }]);
    expect(await run('select count(*) as n from model_artifact')).toEqual([{ n: 0 }]);
  });
});
