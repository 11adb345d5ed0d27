import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { ModelArtifact as ModelArtifactEntity } from '@strand/data';

@ObjectType({ description: 'A trained model a run saved (tfjs-layers: model.json + weights).' })
export class ModelArtifact {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  format!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  static from(entity: ModelArtifactEntity): ModelArtifact {
    return Object.assign(new ModelArtifact(), {
      id: entity.id,
      format: entity.format,
      sizeBytes: entity.sizeBytes,
      createdAt: entity.createdAt,
    });
  }
}
