import { cp } from 'node:fs/promises';
import { Dataset, ModelArtifact, Project, Run } from '@strand/data';
import type { RunStatus, StrandDatabase } from '@strand/data';
import { saveTinyModel } from '@strand/jobs/testing';

/**
 * A finished run whose saved model is a tiny DeepBind trained for seconds (see saveTinyModel),
 * stored where training stores models (`models/<runId>`), so API specs can apply a real model
 * without waiting for a training job.
 */
export async function seedModelRun(
  db: StrandDatabase,
  projectId: string,
  inputLength: number,
  status: RunStatus = 'SUCCEEDED',
): Promise<string> {
  const em = db.fork();
  const project = em.getReference(Project, projectId);
  const dataset = new Dataset(project, 'training data', 'sequence-classification');
  Object.assign(dataset, { status: 'READY', recordCount: 256, checksum: 'c'.repeat(64) });
  const run = new Run(project, dataset, 'deepbind', { filters: 8 }, 5, 2, 64, 0.01);
  Object.assign(run, { status, dataChecksum: dataset.checksum });
  em.persist(run);
  if (status === 'SUCCEEDED') {
    const path = `models/${run.id}`;
    await saveTinyModel(db.artifacts.resolve(path), inputLength);
    await db.artifacts.push(path);
    em.persist(new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path)));
  }
  await em.flush();
  return run.id;
}

/**
 * A finished `pileup` run whose saved model is a copy of `modelDir` (e.g. the genotyper that
 * ships with Strand), stored where training stores models, so specs can call variants with a
 * stored model. Returns the run's id.
 */
export async function seedPileupModelRun(
  db: StrandDatabase,
  projectId: string,
  modelDir: string,
): Promise<string> {
  const em = db.fork();
  const project = em.getReference(Project, projectId);
  const dataset = new Dataset(project, 'labelled pileups', 'sequence-classification');
  Object.assign(dataset, { status: 'READY', recordCount: 100, checksum: 'p'.repeat(64) });
  const run = new Run(project, dataset, 'pileup', { outputs: 3 }, 1, 8, 64, 0.001);
  Object.assign(run, { status: 'SUCCEEDED', dataChecksum: dataset.checksum });
  em.persist(run);
  const path = `models/${run.id}`;
  await cp(modelDir, db.artifacts.resolve(path), { recursive: true });
  await db.artifacts.push(path);
  em.persist(new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path)));
  await em.flush();
  return run.id;
}
