import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { openDatabase } from './database.ts';
import type { StrandDatabase } from './database.ts';
import { Project } from './entities/project.entity.ts';

export interface TestDatabase {
  db: StrandDatabase;
  dataDir: string;
  /** Closes the database and deletes its directory. */
  cleanup(): Promise<void>;
}

/** A migrated database in a real SQLite file under a fresh temp directory. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'strand-data-'));
  const db = await openDatabase({ dataDir });
  return {
    db,
    dataDir,
    async cleanup() {
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let projects = 0;

/** A new (unsaved) project with a unique slug; persisting a dataset or run that uses it saves it. */
export function testProject(name = 'test'): Project {
  projects += 1;
  return new Project(name, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${projects}`);
}

/** A new test project (see testProject), saved through `em`; returns its id. */
export async function saveTestProject(em: EntityManager, name?: string): Promise<string> {
  const project = testProject(name);
  em.persist(project);
  await em.flush();
  return project.id;
}
