import { Entity, ManyToOne, Property, ref, Unique } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { ModelVersion } from './model-version.entity.ts';
import { Project } from './project.entity.ts';

/**
 * A named pointer (`production`, `candidate`) at one version of a registered model. Unique per
 * (project, model name, alias), so moving an alias is one upsert of one row: readers see the old
 * version or the new one, never none or two.
 */
@Entity({ tableName: 'model_alias' })
@Unique({ properties: ['project', 'name', 'alias'] })
export class ModelAlias extends BaseEntity {
  @ManyToOne(() => Project, { ref: true })
  project: Ref<Project>;

  /** The model name (the same as `version.name`, kept here for the unique key). */
  @Property({ type: 'string' })
  name: string;

  @Property({ type: 'string' })
  alias: string;

  @ManyToOne(() => ModelVersion, { ref: true, deleteRule: 'cascade' })
  version: Ref<ModelVersion>;

  constructor(
    project: Project | Ref<Project>,
    name: string,
    alias: string,
    version: ModelVersion | Ref<ModelVersion>,
  ) {
    super();
    this.project = ref(project);
    this.name = name;
    this.alias = alias;
    this.version = ref(version);
  }
}
