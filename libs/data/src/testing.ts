import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { openDatabase } from './database.ts';
import { initPostgresOrm } from './orm-config.ts';
import type { StrandDatabase } from './database.ts';
import { Project } from './entities/project.entity.ts';

export interface TestDatabase {
  db: StrandDatabase;
  dataDir: string;
  /** Closes the database and deletes its directory. */
  cleanup(): Promise<void>;
}

/**
 * The dialect the test databases use: PostgreSQL when STRAND_TEST_DATABASE=postgresql (then
 * STRAND_TEST_POSTGRES_URL names a server where the tests may create databases, as
 * tools/scripts/with-postgres.sh sets it), SQLite otherwise.
 */
export function testDialect(): 'sqlite' | 'postgresql' {
  return process.env.STRAND_TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite';
}

let databases = 0;

/**
 * A migrated database under a fresh temp directory: a real SQLite file, or (see testDialect) a
 * fresh PostgreSQL database on the test server, dropped again by cleanup().
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'strand-data-'));
  if (testDialect() === 'sqlite') {
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
  const postgres = await createTestPostgresDatabase();
  const db = await openDatabase({ dataDir, databaseUrl: postgres.url });
  return {
    db,
    dataDir,
    async cleanup() {
      await db.close();
      await postgres.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh, empty database on the PostgreSQL test server (STRAND_TEST_POSTGRES_URL, see
 * testDialect): its URL (openDatabase migrates it) and how to drop it.
 */
export async function createTestPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const server = process.env.STRAND_TEST_POSTGRES_URL;
  if (!server) throw new Error('STRAND_TEST_DATABASE=postgresql needs STRAND_TEST_POSTGRES_URL');
  databases += 1;
  const name = `strand_test_${process.pid}_${databases}_${Date.now().toString(36)}`;
  await adminQuery(server, `create database "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(server, `drop database if exists "${name}" with (force)`),
  };
}

/** One statement on the test server's maintenance database (create/drop database). */
async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const orm = await initPostgresOrm(serverUrl, false, []);
  try {
    await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close(true);
  }
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
export { startTestS3Server, TEST_S3_CREDENTIALS } from './artifacts/s3-test-server.ts';
export type { TestS3Server } from './artifacts/s3-test-server.ts';
