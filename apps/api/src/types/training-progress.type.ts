import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { TrainingDetail } from '@strand/jobs';
import { Metric, toMetrics } from './metric.type.ts';
import { ProbeAttribution } from './probe-attribution.type.ts';
import { RunStatus } from './run-status.enum.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

/** One event of `trainingProgress`: a TRAIN job's training detail, and whether it is the last. */
export type TrainingProgressEvent = TrainingDetail & { done: boolean };

@ObjectType({
  description:
    'A live progress event of a run: a batch event (batch set, metrics empty) or an epoch event (batch null, metrics full). The last has done: true.',
})
export class TrainingProgress {
  @Field(() => ID)
  runId!: string;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => Int)
  epoch!: number;

  @Field(() => Int)
  epochs!: number;

  @Field(() => Int, { nullable: true })
  batch!: number | null;

  @Field(() => Int, { nullable: true })
  batches!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Training loss (of the batch, or of the epoch).',
  })
  loss!: number | null;

  @Field(() => [Metric], { description: `At most ${BOUNDS.metrics}.` })
  @ListBound(BOUNDS.metrics, 'values')
  metrics!: Metric[];

  @Field(() => Float, { nullable: true })
  samplesPerSecond!: number | null;

  @Field(() => Float, { nullable: true })
  etaSeconds!: number | null;

  @Field(() => Boolean)
  done!: boolean;

  @Field(() => [ProbeAttribution], {
    nullable: true,
    description: `Epoch events of a run with probes: each probe's attribution at the epoch's weights (at most ${BOUNDS.probes}); null on batch events and without probes.`,
  })
  @ListBound(BOUNDS.probes, 'values')
  probeAttributions!: ProbeAttribution[] | null;

  static from(event: TrainingProgressEvent): TrainingProgress {
    return Object.assign(new TrainingProgress(), {
      ...event,
      status: event.status as RunStatus,
      loss: Number.isFinite(event.loss) ? event.loss : null,
      metrics: toMetrics(event.metrics),
      probeAttributions: event.probeAttributions
        ? event.probeAttributions.map((p) =>
            Object.assign(new ProbeAttribution(), { ...p, epoch: event.epoch }),
          )
        : null,
    });
  }
}
