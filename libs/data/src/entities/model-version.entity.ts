import { Entity, Index, ManyToOne, Property, ref, Unique } from '@mikro-orm/core';
import type { Ref } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.ts';
import { ModelArtifact } from './model-artifact.entity.ts';
import { Project } from './project.entity.ts';
import { Run } from './run.entity.ts';

/**
 * A registered model: version `version` (1, 2, …) of the model `name` in a project, pointing at
 * the run that trained it and the artifact it saved. A registered run cannot be deleted (the
 * foreign keys restrict), so a version never loses its model.
 */
@Entity({ tableName: 'model_version' })
@Unique({ properties: ['project', 'name', 'version'] })
@Index({ properties: ['run'] })
export class ModelVersion extends BaseEntity {
  @ManyToOne(() => Project, { ref: true })
  project: Ref<Project>;

  @Property({ type: 'string' })
  name: string;

  @Property({ type: 'integer' })
  version: number;

  @ManyToOne(() => Run, { ref: true })
  run: Ref<Run>;

  @ManyToOne(() => ModelArtifact, { ref: true })
  artifact: Ref<ModelArtifact>;

  constructor(
    project: Project | Ref<Project>,
    name: string,
    version: number,
    run: Run | Ref<Run>,
    artifact: ModelArtifact | Ref<ModelArtifact>,
  ) {
    super();
    this.project = ref(project);
    this.name = name;
    this.version = version;
    this.run = ref(run);
    this.artifact = ref(artifact);
  }
}
