import { Entity, ManyToOne, Property, ref, Unique } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import type { MetricValues, ProbeAttributionValues } from './json.ts';
import { Run } from './run.entity.ts';

/** The metrics of one finished epoch of a run; at most one row per (run, epoch). */
@Entity({ tableName: 'epoch_metric' })
@Unique({ properties: ['run', 'epoch'] })
export class EpochMetric extends BaseEntity {
  @ManyToOne(() => Run, { ref: true, deleteRule: 'cascade' })
  run: Ref<Run>;

  /** 1-based. */
  @Property({ type: 'integer' })
  epoch: number;

  @Property({ type: 'json' })
  metrics: MetricValues;

  @Property({ type: 'double' })
  samplesPerSecond: number;

  @Property({ type: 'double' })
  seconds: number;

  /**
   * The run's probes' attributions at this epoch's weights, one entry per probe in order
   * (@strand/jobs StoredProbeAttribution: probe, output, scores [length × 4]); null without probes.
   */
  @Property({ type: 'json', nullable: true })
  probeAttributions: ProbeAttributionValues[] | null = null;

  constructor(
    run: Run | Ref<Run>,
    epoch: number,
    metrics: MetricValues,
    samplesPerSecond: number,
    seconds: number,
  ) {
    super();
    this.run = ref(run);
    this.epoch = epoch;
    this.metrics = metrics;
    this.samplesPerSecond = samplesPerSecond;
    this.seconds = seconds;
  }
}
