import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { basename, isAbsolute } from 'node:path';
import type { Job as JobEntity, JobProgress as JobProgressValue, JsonObject } from '@strand/data';
import { connectionOf } from './connection.ts';
import { Node } from './node.interface.ts';
import { TrainingProgress } from './training-progress.type.ts';

/** Mirrors the data layer's JOB_KINDS. */
export enum JobKind {
  TRAIN = 'TRAIN',
  IMPORT_DATASET = 'IMPORT_DATASET',
  SCORE_VARIANTS = 'SCORE_VARIANTS',
  EXPLAIN_SEQUENCE = 'EXPLAIN_SEQUENCE',
  PREDICT_RISK = 'PREDICT_RISK',
  CROSS_VALIDATION = 'CROSS_VALIDATION',
  SWEEP = 'SWEEP',
  DISCOVER_MOTIFS = 'DISCOVER_MOTIFS',
  CALL_VARIANTS = 'CALL_VARIANTS',
  CREATE_DEMO_DATASET = 'CREATE_DEMO_DATASET',
  IMPORT_UPLOAD = 'IMPORT_UPLOAD',
  MARGINALIZE = 'MARGINALIZE',
  DESIGN = 'DESIGN',
}
registerEnumType(JobKind, {
  name: 'JobKind',
  description: 'What a job does (TRAIN: a training run; its Run is the record).',
});

/** Mirrors the data layer's JOB_STATUSES. */
export enum JobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(JobStatus, {
  name: 'JobStatus',
  description: 'Where a job is in its life; a job whose server stopped goes back to QUEUED.',
});

@ObjectType({ description: 'How far a job has come.' })
export class JobProgress {
  @Field(() => Float)
  done!: number;

  @Field(() => Float, { nullable: true, description: 'Null while the total is not known.' })
  total!: number | null;

  @Field(() => String, { description: 'What is counted: bytes, records, variants, folds, trials…' })
  unit!: string;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Float, { nullable: true, description: 'done / total, between 0 and 1.' })
  fraction!: number | null;

  static from(value: JobProgressValue): JobProgress {
    const fraction =
      value.total && value.total > 0 ? Math.min(1, Math.max(0, value.done / value.total)) : null;
    return Object.assign(new JobProgress(), { ...value, fraction });
  }
}

@ObjectType({
  implements: Node,
  description:
    'A background job: an import (of a server file or an upload), a demo dataset, a variant scoring, an explanation, a motif discovery, a marginalisation, a sequence design, a risk prediction, a cross-validation or a sweep. Its lineage says what it read.',
})
export class Job implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => JobKind)
  kind!: JobKind;

  @Field(() => JobStatus)
  status!: JobStatus;

  @Field(() => JobProgress)
  progress!: JobProgress;

  @Field(() => String, {
    description:
      'The validated input, as JSON text; files on the server are named by their file name only.',
  })
  params!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The summary result, as JSON text; null until the job succeeds.',
  })
  result!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A FAILED job's machine-readable reason, when Strand's error carries one; e.g. PREFLIGHT_FAILED: the variant-scoring pre-flight refused the input (a wrong genome build?), and the same input with force scores anyway.",
  })
  errorCode!: string | null;

  @Field(() => String, {
    description:
      'Lineage beyond the linked dataset, run and model version (reference checksum, split, input checksums), as JSON text.',
  })
  lineage!: string;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  finishedAt!: Date | null;

  projectId!: string;
  datasetId!: string | null;
  runId!: string | null;
  modelVersionId!: string | null;
  outputDatasetId!: string | null;

  static from(entity: JobEntity): Job {
    return Object.assign(new Job(), {
      id: entity.id,
      kind: entity.kind as JobKind,
      status: entity.status as JobStatus,
      progress: JobProgress.from(entity.progress),
      params: JSON.stringify(withoutServerPaths(entity.params)),
      result: entity.result ? JSON.stringify(entity.result) : null,
      error: entity.error,
      errorCode: entity.errorCode,
      createdAt: entity.createdAt,
      startedAt: entity.startedAt,
      finishedAt: entity.finishedAt,
      projectId: entity.project.id,
      datasetId: entity.dataset?.id ?? null,
      runId: entity.run?.id ?? null,
      modelVersionId: entity.modelVersion?.id ?? null,
      outputDatasetId: entity.outputDataset?.id ?? null,
      lineage: JSON.stringify(entity.lineage),
    });
  }
}

export const JobConnection = connectionOf('Job', Job);

/**
 * Job parameters as callers see them: an absolute path on the server (an import's file, a
 * scoring's reference, a risk job's genes BED) becomes its file name, so project members do not
 * learn the server's directory layout.
 */
export function withoutServerPaths(params: JsonObject): JsonObject {
  return JSON.parse(
    JSON.stringify(params, (_key, value: unknown) =>
      typeof value === 'string' && isAbsolute(value) ? basename(value) : value,
    ),
  ) as JsonObject;
}

@ObjectType({ description: "A job's live progress; the last event has done: true." })
export class JobProgressEvent {
  @Field(() => ID)
  jobId!: string;

  @Field(() => JobStatus)
  status!: JobStatus;

  @Field(() => JobProgress)
  progress!: JobProgress;

  @Field(() => Boolean)
  done!: boolean;

  @Field(() => TrainingProgress, {
    nullable: true,
    description:
      "A TRAIN job's run: this event's batch or epoch, and on the last event the run's final state (the run's trainingProgress event). Null for other kinds.",
  })
  training!: TrainingProgress | null;
}
