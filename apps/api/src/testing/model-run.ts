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
    em.persist(new ModelArtifact(run, path, 'tfjs-layers', await db.artifacts.sizeOf(path)));
  }
  await em.flush();
  return run.id;
}
