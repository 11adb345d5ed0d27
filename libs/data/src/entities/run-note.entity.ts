import { Entity, OneToOne, Property, ref } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Run } from './run.entity.ts';

/** A free-text note on a run (what was tried, why it matters); at most one per run. */
@Entity({ tableName: 'run_note' })
export class RunNote extends BaseEntity {
  @OneToOne(() => Run, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  run: Ref<Run>;

  @Property({ type: 'text' })
  text: string;

  constructor(run: Run | Ref<Run>, text: string) {
    super();
    this.run = ref(run);
    this.text = text;
  }
}
