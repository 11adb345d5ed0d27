import { resolve } from 'node:path';
import {
  DEFAULT_PROJECT_SLUG,
  openArtifactRemote,
  openDatabase,
  Project,
  readArtifactRemote,
} from '@strand/data';
import type { StrandDatabase } from '@strand/data';
import { CliError } from './cli-error.ts';

/**
 * The embedded store the CLI writes to: the same SQLite + artifacts the API uses
 * (`--data-dir`, else STRAND_DATA_DIR, else .strand; scaled out, STRAND_DATABASE_URL with
 * STRAND_ARTIFACT_DIR or STRAND_ARTIFACT_URL), and its default project.
 */
export async function openEmbeddedStore(
  dataDir?: string,
): Promise<{ db: StrandDatabase; project: Project }> {
  let bucket;
  try {
    bucket = readArtifactRemote(process.env);
  } catch (error) {
    throw new CliError(`strand: ${(error as Error).message}`);
  }
  const db = await openDatabase({
    dataDir: resolve(dataDir ?? process.env.STRAND_DATA_DIR ?? '.strand'),
    // Scaled out: the cluster's PostgreSQL, and its shared artifact directory or bucket (then
    // STRAND_ARTIFACT_DIR, default <data dir>/artifact-cache, is this machine's local copy).
    databaseUrl: process.env.STRAND_DATABASE_URL,
    artifactDir: process.env.STRAND_ARTIFACT_DIR,
    artifactRemote: bucket && (await openArtifactRemote(bucket)),
  });
  const project = await db.fork().findOne(Project, { slug: DEFAULT_PROJECT_SLUG });
  if (!project) {
    await db.close();
    throw new CliError(`the store has no "${DEFAULT_PROJECT_SLUG}" project`);
  }
  return { db, project };
}
