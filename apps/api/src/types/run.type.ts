import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { Run as RunEntity } from '@strand/data';
import { connectionOf } from './connection.ts';
import { Node } from './node.interface.ts';
import { Metric, toMetrics } from './metric.type.ts';
import { RunStatus } from './run-status.enum.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({
  implements: Node,
  description: 'A training run: its configuration, state and metrics.',
})
export class Run implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => String)
  architecture!: string;

  @Field(() => String, {
    description: 'Compute backend (tensorflow, wasm, cpu); "pending" until the run starts.',
  })
  backend!: string;

  @Field(() => Int)
  epochs!: number;

  @Field(() => Int)
  currentEpoch!: number;

  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int)
  seed!: number;

  @Field(() => String, { description: 'The architecture configuration, as JSON text.' })
  config!: string;

  @Field(() => [Metric], {
    description: `The latest epoch's metrics (at most ${BOUNDS.metrics}).`,
  })
  @ListBound(BOUNDS.metrics, 'values')
  metrics!: Metric[];

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the dataset content it trained on.',
  })
  dataChecksum!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What the run trained and validated on, as JSON text: method, seed, counts and the SHA-256 of the held-out record indices; null until it starts.',
  })
  split!: string | null;

  @Field(() => String, {
    description:
      'The training options it was started with that differ from the defaults, as JSON text: reverseComplement, rcAverage, classWeights, lrSchedule, plateauPatience, weightDecay, featureSelection; {} for all defaults.',
  })
  trainingOptions!: string;

  @Field(() => [String], {
    description: `Live interpretation: the probe sequences attributed after every epoch (at most ${BOUNDS.probes}; empty: none).`,
  })
  probes!: string[];

  @Field(() => String, {
    nullable: true,
    description: "Its place in the job it belongs to (a sweep's `trial 3`); null on its own.",
  })
  groupLabel!: string | null;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  finishedAt!: Date | null;

  /** Not a field: resolved by RunResolver.dataset. */
  datasetId!: string;

  /** Not a field: resolved by RunResolver.project. */
  projectId!: string;

  /** Not a field: resolved by LineageResolver.parentJob. */
  parentJobId!: string | null;

  static from(entity: RunEntity): Run {
    return Object.assign(new Run(), {
      id: entity.id,
      status: entity.status as RunStatus,
      architecture: entity.architecture,
      backend: entity.backend ?? 'pending',
      epochs: entity.epochs,
      currentEpoch: entity.currentEpoch,
      batchSize: entity.batchSize,
      learningRate: entity.learningRate,
      seed: entity.seed,
      config: JSON.stringify(entity.config),
      metrics: toMetrics(entity.finalMetrics ?? null),
      error: entity.error ?? null,
      dataChecksum: entity.dataChecksum ?? null,
      split: entity.split ? JSON.stringify(entity.split) : null,
      trainingOptions: JSON.stringify(entity.trainingOptions ?? {}),
      probes: entity.probes ?? [],
      groupLabel: entity.groupLabel ?? null,
      parentJobId: entity.parentJob?.id ?? null,
      createdAt: entity.createdAt,
      startedAt: entity.startedAt ?? null,
      finishedAt: entity.finishedAt ?? null,
      datasetId: entity.dataset.id,
      projectId: entity.project.id,
    });
  }
}

export const RunConnection = connectionOf('Run', Run);
