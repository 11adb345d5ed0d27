import { Entity, Index, ManyToOne, Property, ref, Unique } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Run } from './run.entity.ts';

/**
 * One tag on a run (normalised: see queries/run-tags.ts). A row per (run, tag) rather than a
 * JSON column on `run`, so "runs tagged x" is an indexed lookup and the run table stays as is.
 */
@Entity({ tableName: 'run_tag' })
@Unique({ properties: ['run', 'tag'] })
@Index({ properties: ['tag'] })
export class RunTag extends BaseEntity {
  @ManyToOne(() => Run, { ref: true, deleteRule: 'cascade' })
  run: Ref<Run>;

  @Property({ type: 'string' })
  tag: string;

  constructor(run: Run | Ref<Run>, tag: string) {
    super();
    this.run = ref(run);
    this.tag = tag;
  }
}
