import { Entity, Index, ManyToOne, Property, ref } from '@mikro-orm/core';
import type { Opt, Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Dataset } from './dataset.entity.ts';
import type { JobKindName, JobStatus } from './job-kind.ts';
import type { JsonObject } from './json.ts';
import { ModelVersion } from './model-version.entity.ts';
import { Project } from './project.entity.ts';
import { Run } from './run.entity.ts';

/** Where a job stands: `done` of `total` `unit`s (total null when unknown), and a short phase. */
export interface JobProgress {
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
}

/**
 * One background job that is not a single training run: an import, a variant scoring, an
 * explanation, a risk prediction, a cross-validation or a sweep. Its inputs (`params`) and its
 * lineage (the dataset, run and model version it used) are stored before it starts; its small
 * result (`result`) when it ends; large outputs live as files under `artifactPath`.
 */
@Entity({ tableName: 'job' })
@Index({ properties: ['project', 'createdAt', 'id'] })
export class Job extends BaseEntity {
  @ManyToOne(() => Project, { ref: true })
  project: Ref<Project>;

  // Text, not @Enum: see Dataset.kind.
  @Property({ type: 'string' })
  kind: JobKindName;

  @Property({ type: 'string' })
  status: JobStatus & Opt = 'QUEUED';

  /** The validated input, as the job's kind reads it (paths, ids, options). */
  @Property({ type: 'json' })
  params: JsonObject;

  @Property({ type: 'json' })
  progress: JobProgress & Opt = { done: 0, total: null, unit: 'steps', message: null };

  /** The job's summary result (metrics, counts, rankings); large outputs are files. */
  @Property({ type: 'json', nullable: true })
  result: JsonObject | null = null;

  /** The job's own directory in the artifact store (relative to its root). */
  @Property({ type: 'string' })
  artifactPath: string;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  /** A FAILED job's reason a client can act on, when Strand knows one (e.g. PREFLIGHT_FAILED). */
  @Property({ type: 'string', length: 64, nullable: true })
  errorCode: string | null = null;

  /** Lineage: the dataset the job read (null when it read server files, e.g. an import). */
  @ManyToOne(() => Dataset, { ref: true, nullable: true })
  dataset: Ref<Dataset> | null = null;

  /** Lineage: the run whose model the job applied. */
  @ManyToOne(() => Run, { ref: true, nullable: true })
  run: Ref<Run> | null = null;

  /** Lineage: the registered model version the job applied, when it was given one. */
  @ManyToOne(() => ModelVersion, { ref: true, nullable: true })
  modelVersion: Ref<ModelVersion> | null = null;

  /** What the job made as a dataset (an import's result). */
  @ManyToOne(() => Dataset, { ref: true, nullable: true })
  outputDataset: Ref<Dataset> | null = null;

  /** Lineage not held by the references: reference checksum, split, input file checksums. */
  @Property({ type: 'json' })
  lineage: JsonObject & Opt = {};

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  heartbeatAt: Date | null = null;

  constructor(
    project: Project | Ref<Project>,
    kind: JobKindName,
    params: JsonObject,
    artifactPath: string,
  ) {
    super();
    this.project = ref(project);
    this.kind = kind;
    this.params = params;
    this.artifactPath = artifactPath;
  }
}
