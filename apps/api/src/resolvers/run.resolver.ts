import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Dataset as DatasetEntity,
  EpochMetric as EpochMetricEntity,
  epochHistory,
  Job as JobEntity,
  ModelArtifact as ModelArtifactEntity,
  probeAttributionsAt,
  Project as ProjectEntity,
  Run as RunEntity,
} from '@strand/data';
import { datasetShape, EMBEDDING_FILE, EVALUATION_FILE } from '@strand/jobs';
import type { Embedding as StoredEmbedding, FitEvaluation } from '@strand/jobs';
import { accessError, userError } from '../auth/access.ts';
import { targetProject } from '../auth/target-project.ts';
import type { StrandContext } from '../context.ts';
import { StartTrainingInput } from '../inputs/start-training.input.ts';
import { Dataset } from '../types/dataset.type.ts';
import { BestEpoch } from '../types/best-epoch.type.ts';
import { EpochMetrics } from '../types/epoch-metrics.type.ts';
import { RunEmbedding } from '../types/embedding.type.ts';
import { Evaluation } from '../types/evaluation.type.ts';
import { Job } from '../types/job.type.ts';
import { toMetrics } from '../types/metric.type.ts';
import { CancelRunPayload, StartTrainingPayload } from '../types/payloads.type.ts';
import { ProbeAttribution } from '../types/probe-attribution.type.ts';
import { Project } from '../types/project.type.ts';
import { Run, RunConnection } from '../types/run.type.ts';
import { toUserErrors } from '../types/user-error.type.ts';
import { bestEpoch } from './best-epoch.ts';
import { filteredRuns } from './filtered-runs.ts';
import { loadBatched } from './request-batch.ts';
import { RunsArgs } from './runs.args.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@Resolver(() => Run)
export class RunResolver {
  @Query(() => RunConnection, {
    description:
      "Training runs of the caller's projects: filtered, and sorted newest first or by a final metric.",
  })
  async runs(@Args(() => RunsArgs) args: RunsArgs, @Ctx() ctx: StrandContext) {
    const page = await filteredRuns(ctx, args);
    return RunConnection.from(page, Run.from);
  }

  @Query(() => Run, {
    nullable: true,
    description: 'A run by id; null when it does not exist or is in a project of others.',
  })
  async run(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: StrandContext) {
    const entity = await em.findOne(RunEntity, { id, project: { $in: viewer.projectIds } });
    return entity ? Run.from(entity) : null;
  }

  @FieldResolver(() => Project)
  async project(@Root() run: Run, @Ctx() { em, viewer }: StrandContext) {
    const project = await em.findOneOrFail(ProjectEntity, { id: run.projectId });
    return Project.from(project, viewer.roleIn(project.id) ?? 'viewer');
  }

  @FieldResolver(() => Dataset)
  async dataset(@Root() run: Run, @Ctx() { em }: StrandContext) {
    return Dataset.from(await em.findOneOrFail(DatasetEntity, { id: run.datasetId }));
  }

  @FieldResolver(() => [String], {
    description:
      'Class names of a run on one label column of classes, in class-index order: class i is row and column i of its confusion matrix (the val_confusion_<actual>_<predicted> metrics) and the i in val_auroc_c<i>. Empty for multitask, count-profile and label-free datasets.',
  })
  async classNames(@Root() run: Run, @Ctx() { em }: StrandContext): Promise<string[]> {
    const dataset = await em.findOneOrFail(DatasetEntity, { id: run.datasetId });
    const found = datasetShape(dataset);
    if ('problem' in found || found.shape.tasks || found.shape.profile) return [];
    return found.shape.labelNames;
  }

  @FieldResolver(() => Job, {
    nullable: true,
    description:
      "The job this run belongs to (a sweep's trial); null for a run started on its own.",
  })
  async parentJob(@Root() run: Run, @Ctx() { em }: StrandContext) {
    if (!run.parentJobId) return null;
    const job = await em.findOne(JobEntity, { id: run.parentJobId });
    return job ? Job.from(job) : null;
  }

  @FieldResolver(() => Job, {
    nullable: true,
    description:
      'The TRAIN job that trains this run (the latest, when a crash or a stall made another): its place in the queue, progress in epochs and outcome. Null for a run stored before training was a job and never run since.',
  })
  async trainingJob(@Root() run: Run, @Ctx() { em }: StrandContext) {
    const job = await em.findOne(
      JobEntity,
      { kind: 'TRAIN', run: run.id },
      { orderBy: { createdAt: 'desc' } },
    );
    return job ? Job.from(job) : null;
  }

  @FieldResolver(() => [ProbeAttribution], {
    description: `Live interpretation: the probes' attributions stored with \`epoch\` (default: the latest epoch that has them), one per probe in order (at most ${BOUNDS.probes}); empty when the run has no probes or the epoch none.`,
  })
  @ListBound(BOUNDS.probes, 'values')
  async probeAttributions(
    @Root() run: Run,
    @Arg('epoch', () => Int, { nullable: true }) epoch: number | null,
    @Ctx() { em }: StrandContext,
  ): Promise<ProbeAttribution[]> {
    if (!run.probes.length) return [];
    const found = await probeAttributionsAt(em, run.id, epoch ?? null);
    if (!found?.probeAttributions) return [];
    return found.probeAttributions.map((p) => ProbeAttribution.from(p, found.epoch, run.probes));
  }

  @FieldResolver(() => [EpochMetrics], {
    description: `Stored metrics of every finished epoch, in order (at most ${BOUNDS.epochs.toLocaleString('en-US')}).`,
  })
  @ListBound(BOUNDS.epochs)
  async history(@Root() run: Run, @Ctx() { em }: StrandContext) {
    const epochs = await epochHistory(em, run.id);
    return epochs.map((e) =>
      Object.assign(new EpochMetrics(), {
        epoch: e.epoch,
        metrics: toMetrics(e.metrics),
        samplesPerSecond: e.samplesPerSecond,
        seconds: e.seconds,
      }),
    );
  }

  @FieldResolver(() => BestEpoch, {
    nullable: true,
    description:
      'The stored epoch with the best value of the monitored metric (val_loss, lowest; loss without validation rows), ties to the earlier; null before the first epoch.',
  })
  async bestEpoch(@Root() run: Run, @Ctx() { em }: StrandContext): Promise<BestEpoch | null> {
    const found = await loadBatched(
      em,
      'run.bestEpoch',
      async (ids) => {
        const rows = await em.find(
          EpochMetricEntity,
          { run: { $in: ids } },
          { orderBy: { epoch: 'asc' } },
        );
        const byRun = new Map<string, EpochMetricEntity[]>();
        for (const row of rows) {
          const list = byRun.get(row.run.id) ?? [];
          list.push(row);
          byRun.set(row.run.id, list);
        }
        const result = new Map<string, BestEpoch>();
        for (const [id, epochs] of byRun) {
          const best = bestEpoch(epochs);
          const row = best && epochs.find((e) => e.epoch === best.epoch);
          if (!best || !row) continue;
          result.set(
            id,
            Object.assign(new BestEpoch(), { ...best, metrics: toMetrics(row.metrics) }),
          );
        }
        return result;
      },
      run.id,
    );
    return found ?? null;
  }

  @FieldResolver(() => RunEmbedding, {
    nullable: true,
    description:
      "An autoencoder's or VAE's 2-D sample embedding (embedding.json beside the model, computed in training). Null for other architectures, while there is no model, and for runs trained before embeddings were stored.",
  })
  async embedding(@Root() run: Run, @Ctx() { db, em }: StrandContext) {
    const text = await modelFile(db, em, run.id, EMBEDDING_FILE);
    if (text === null) return null;
    let parsed: StoredEmbedding;
    try {
      parsed = JSON.parse(text) as StoredEmbedding;
    } catch (error) {
      throw new Error(`run ${run.id}: ${EMBEDDING_FILE} is not JSON (${String(error)})`);
    }
    if (!Array.isArray(parsed?.x) || !Array.isArray(parsed.y) || !Array.isArray(parsed.label)) {
      throw new Error(`run ${run.id}: ${EMBEDDING_FILE} is not an embedding this API reads`);
    }
    return RunEmbedding.from(parsed);
  }

  @FieldResolver(() => Evaluation, {
    nullable: true,
    description:
      "The saved model's evaluation on the run's validation rows (evaluation.json beside the model). Null while the run has no model, and for runs trained before evaluations were stored, without validation rows, or of a task not evaluated this way (profile, reconstruction).",
  })
  async evaluation(@Root() run: Run, @Ctx() { db, em }: StrandContext) {
    const text = await modelFile(db, em, run.id, EVALUATION_FILE);
    if (text === null) return null;
    let parsed: FitEvaluation;
    try {
      parsed = JSON.parse(text) as FitEvaluation;
    } catch (error) {
      throw new Error(`run ${run.id}: ${EVALUATION_FILE} is not JSON (${String(error)})`);
    }
    if (parsed?.split !== 'validation' || !Array.isArray(parsed.classes)) {
      throw new Error(`run ${run.id}: ${EVALUATION_FILE} is not an evaluation this API reads`);
    }
    return Evaluation.from(parsed);
  }

  @Mutation(() => StartTrainingPayload, {
    description:
      'Queues a training run on a dataset of the project (projectId may be left out when the caller has exactly one). Needs EDITOR.',
  })
  async startTraining(
    @Arg('input', () => StartTrainingInput) input: StartTrainingInput,
    @Ctx() { em, jobs, viewer }: StrandContext,
  ): Promise<StartTrainingPayload> {
    const target = targetProject(viewer, input.projectId, 'editor');
    if ('error' in target) return { run: null, userErrors: [target.error] };
    let config: Record<string, unknown> | null = null;
    if (input.config) {
      try {
        const parsed: unknown = JSON.parse(input.config);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        config = parsed as Record<string, unknown>;
      } catch {
        const error = userError(
          'config',
          'INVALID_CONFIG',
          'config must be a JSON object, e.g. {"filters": 32}',
        );
        return { run: null, userErrors: [error] };
      }
    }
    const outcome = await jobs.startTraining(em, {
      ...input,
      projectId: target.projectId,
      config,
    });
    return outcome.ok
      ? { run: Run.from(outcome.value), userErrors: [] }
      : { run: null, userErrors: toUserErrors(outcome.errors) };
  }

  @Mutation(() => CancelRunPayload, {
    description:
      'Cancels a queued run, or stops a running one after its current batch. Needs EDITOR.',
  })
  async cancelRun(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, jobs, viewer }: StrandContext,
  ): Promise<CancelRunPayload> {
    const run = await em.findOne(RunEntity, { id });
    const notFound = `no run with id "${id}"`;
    const denied = run
      ? accessError(viewer, run.project.id, 'editor', 'id', notFound)
      : userError('id', 'NOT_FOUND', notFound);
    if (denied) return { run: null, userErrors: [denied] };
    const outcome = await jobs.cancelRun(em, id);
    return outcome.ok
      ? { run: Run.from(outcome.value), userErrors: [] }
      : { run: null, userErrors: toUserErrors(outcome.errors) };
  }
}

/** A file beside the run's stored model, as text; null without a model or without the file. */
async function modelFile(
  db: StrandContext['db'],
  em: StrandContext['em'],
  runId: string,
  name: string,
): Promise<string | null> {
  const artifact = await em.findOne(
    ModelArtifactEntity,
    { run: runId },
    { orderBy: { createdAt: 'desc' } },
  );
  if (!artifact) return null;
  const file = `${artifact.path}/${name}`;
  if (!(await db.artifacts.exists(file))) return null;
  return (await db.artifacts.read(file)).toString('utf8');
}
