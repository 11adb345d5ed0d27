import { resolve } from 'node:path';
import { DEFAULT_PROJECT_SLUG, openDatabase, Project } from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { CliError } from './cli-error.ts';

/**
 * The embedded store the CLI writes to: the same SQLite + artifacts the API uses
 * (`--data-dir`, else STRAND_DATA_DIR, else .strand), and its default project.
 */
export async function openEmbeddedStore(
  dataDir?: string,
): Promise<{ db: StrandDatabase; project: Project }> {
  const db = await openDatabase({
    dataDir: resolve(dataDir ?? process.env.STRAND_DATA_DIR ?? '.strand'),
    // Scaled out: the cluster's PostgreSQL and shared artifact directory.
    databaseUrl: process.env.STRAND_DATABASE_URL,
    artifactDir: process.env.STRAND_ARTIFACT_DIR,
  });
  const project = await db.fork().findOne(Project, { slug: DEFAULT_PROJECT_SLUG });
  if (!project) {
    await db.close();
    throw new CliError(`the store has no "${DEFAULT_PROJECT_SLUG}" project`);
  }
  return { db, project };
}
