import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { ModelVersion as ModelVersionEntity } from '@strand/data';
import { connectionOf } from './connection.ts';
import { Node } from './node.interface.ts';

@ObjectType({
  implements: Node,
  description: 'A registered model version: the model a run saved, under a name and number.',
})
export class ModelVersion implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: '1, 2, … per name within a project.' })
  version!: number;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  /** Not fields: resolved by ModelVersionResolver. */
  projectId!: string;
  runId!: string;
  artifactId!: string;

  static from(entity: ModelVersionEntity): ModelVersion {
    return Object.assign(new ModelVersion(), {
      id: entity.id,
      name: entity.name,
      version: entity.version,
      createdAt: entity.createdAt,
      projectId: entity.project.id,
      runId: entity.run.id,
      artifactId: entity.artifact.id,
    });
  }
}

export const ModelVersionConnection = connectionOf('ModelVersion', ModelVersion);
