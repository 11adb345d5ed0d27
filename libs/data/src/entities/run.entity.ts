import { Entity, Index, ManyToOne, Property, ref } from '@mikro-orm/core';
import type { Opt, Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Dataset } from './dataset.entity.ts';
import { Job } from './job.entity.ts';
import type { JsonObject, MetricValues } from './json.ts';
import { Project } from './project.entity.ts';
import type { RunStatus } from './run-status.ts';

/**
 * One training run of an architecture on a dataset, with everything needed to reproduce it
 * (seed, full config, data checksum, code version, backend).
 */
@Entity({ tableName: 'run' })
@Index({ properties: ['createdAt', 'id'] })
export class Run extends BaseEntity {
  /** Always the dataset's project (a run cannot cross projects). */
  @ManyToOne(() => Project, { ref: true })
  project: Ref<Project>;

  @ManyToOne(() => Dataset, { ref: true })
  dataset: Ref<Dataset>;

  @Property({ type: 'string' })
  architecture: string;

  /** The full architecture config (defaults filled in), as the model was built from it. */
  @Property({ type: 'json' })
  config: JsonObject;

  // Text, not @Enum: see Dataset.kind.
  @Property({ type: 'string' })
  status: RunStatus & Opt = 'QUEUED';

  /** `tensorflow`, `wasm` or `cpu`; null until the run starts. */
  @Property({ type: 'string', nullable: true })
  backend: string | null = null;

  @Property({ type: 'integer' })
  seed: number;

  @Property({ type: 'integer' })
  epochs: number;

  @Property({ type: 'integer' })
  batchSize: number;

  @Property({ type: 'double' })
  learningRate: number;

  /** The last epoch whose metrics are stored (0 before the first). */
  @Property({ type: 'integer' })
  currentEpoch: number & Opt = 0;

  /** The last epoch whose checkpoint (weights + optimizer state) is saved; 0 for none. */
  @Property({ type: 'integer' })
  checkpointEpoch: number & Opt = 0;

  /** Last sign of life from the run's worker (written at most every few seconds). */
  @Property({ type: 'datetime', nullable: true })
  heartbeatAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  /** SHA-256 of the dataset content the run trained on. */
  @Property({ type: 'string', nullable: true })
  dataChecksum: string | null = null;

  @Property({ type: 'string', nullable: true })
  codeVersion: string | null = null;

  @Property({ type: 'json', nullable: true })
  finalMetrics: MetricValues | null = null;

  /**
   * What the run trained and validated on: method, seed, counts and the SHA-256 of the held-out
   * record indices, so a run can say exactly what it saw. Null until the run starts.
   */
  @Property({ type: 'json', nullable: true })
  split: JsonObject | null = null;

  /**
   * Training choices besides the columns, as startTraining took them: those that differ from
   * the defaults (reverseComplement, rcAverage, classWeights, lrSchedule, plateauPatience,
   * weightDecay; @strand/jobs training-choices.ts) and featureSelection unless `auto`. Null:
   * every default (and every run from before the column).
   */
  @Property({ type: 'json', nullable: true })
  trainingOptions: JsonObject | null = null;

  /**
   * Live interpretation: up to 8 DNA sequences of the dataset's length whose attributions are
   * stored with every epoch (EpochMetric.probeAttributions). Null: none.
   */
  @Property({ type: 'json', nullable: true })
  probes: string[] | null = null;

  /** The job this run is part of (a sweep's trial); null for a run started on its own. */
  @ManyToOne(() => Job, { ref: true, nullable: true })
  parentJob: Ref<Job> | null = null;

  /** Its place in the parent job, e.g. `trial 3`. */
  @Property({ type: 'string', nullable: true })
  groupLabel: string | null = null;

  constructor(
    project: Project | Ref<Project>,
    dataset: Dataset | Ref<Dataset>,
    architecture: string,
    config: JsonObject,
    seed: number,
    epochs: number,
    batchSize: number,
    learningRate: number,
  ) {
    super();
    this.project = ref(project);
    this.dataset = ref(dataset);
    this.architecture = architecture;
    this.config = config;
    this.seed = seed;
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.learningRate = learningRate;
  }
}
