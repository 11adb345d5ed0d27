import { Entity, ManyToOne, Property, ref } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { Run } from './run.entity.ts';

/** Model storage formats; `tfjs-layers` is `model.json` + weight shards. */
export type ModelFormat = 'tfjs-layers';

/** A trained model saved by a run, stored as a directory in the artifact store. */
@Entity({ tableName: 'model_artifact' })
export class ModelArtifact extends BaseEntity {
  @ManyToOne(() => Run, { ref: true, deleteRule: 'cascade' })
  run: Ref<Run>;

  /** Directory relative to the artifact root. */
  @Property({ type: 'string' })
  path: string;

  @Property({ type: 'string' })
  format: ModelFormat;

  /** Total size of the files in `path`. */
  @Property({ type: 'integer' })
  sizeBytes: number;

  constructor(run: Run | Ref<Run>, path: string, format: ModelFormat, sizeBytes: number) {
    super();
    this.run = ref(run);
    this.path = path;
    this.format = format;
    this.sizeBytes = sizeBytes;
  }
}
