import { Field, Int, ObjectType } from 'type-graphql';
import { ModelVersion } from './model-version.type.ts';
import { Project } from './project.type.ts';

@ObjectType({ description: 'An alias of a registered model and the version it points at.' })
export class ModelAliasEntry {
  @Field(() => String)
  alias!: string;

  @Field(() => Int)
  version!: number;
}

@ObjectType({ description: 'A model name in a project, with all its versions and aliases.' })
export class RegisteredModel {
  @Field(() => String)
  name!: string;

  @Field(() => Project)
  project!: Project;

  @Field(() => Int)
  latestVersion!: number;

  @Field(() => [ModelVersion], { description: 'Oldest first.' })
  versions!: ModelVersion[];

  @Field(() => [ModelAliasEntry], { description: 'By alias.' })
  aliases!: ModelAliasEntry[];
}
