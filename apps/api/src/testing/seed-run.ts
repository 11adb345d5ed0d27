import { Dataset, EpochMetric, ModelArtifact, Project, Run } from '@strand/data';
import type { MetricValues, RunStatus, StrandDatabase } from '@strand/data';

export interface SeedRunOptions {
  projectId: string;
  /** Trains on this dataset; a new READY dataset of the project otherwise. */
  datasetId?: string;
  architecture?: string;
  status?: RunStatus;
  learningRate?: number;
  config?: Record<string, unknown>;
  /** One entry per epoch (1, 2, …); the last becomes the final metrics. */
  history?: MetricValues[];
  /** Whether the run stored a model (default: when SUCCEEDED). */
  artifact?: boolean;
  createdAt?: Date;
}

export interface SeededRun {
  runId: string;
  datasetId: string;
  checksum: string;
}

/**
 * A finished run written straight to the database — metrics, history and a model artifact row
 * — so API specs of tracking features do not wait for training.
 */
export async function seedRun(db: StrandDatabase, options: SeedRunOptions): Promise<SeededRun> {
  const em = db.fork();
  const project = em.getReference(Project, options.projectId);
  let dataset: Dataset;
  if (options.datasetId) {
    dataset = await em.findOneOrFail(Dataset, { id: options.datasetId });
  } else {
    dataset = new Dataset(project, 'seeded', 'sequence-classification');
    Object.assign(dataset, { status: 'READY', recordCount: 10, checksum: 'c'.repeat(64) });
  }
  const run = new Run(
    project,
    dataset,
    options.architecture ?? 'deepbind',
    options.config ?? { filters: 16 },
    42,
    options.history?.length || 1,
    32,
    options.learningRate ?? 0.001,
  );
  const status = options.status ?? 'SUCCEEDED';
  const history = options.history ?? [];
  Object.assign(run, {
    status,
    currentEpoch: history.length,
    finalMetrics: history.at(-1) ?? null,
    dataChecksum: dataset.checksum,
    createdAt: options.createdAt ?? new Date(),
  });
  em.persist(run);
  history.forEach((metrics, i) => em.persist(new EpochMetric(run, i + 1, metrics, 100, 1)));
  if (options.artifact ?? status === 'SUCCEEDED') {
    em.persist(new ModelArtifact(run, `models/${run.id}`, 'tfjs-layers', 1234));
    // registerModel checks that the model's files are there (not that they load).
    await db.artifacts.writeAtomic(`models/${run.id}/model.json`, '{}');
  }
  await em.flush();
  return { runId: run.id, datasetId: dataset.id, checksum: dataset.checksum ?? '' };
}
