import { Field, Int, ObjectType } from 'type-graphql';
import { ModelVersion } from './model-version.type.ts';
import { Project } from './project.type.ts';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: 'An alias of a registered model and the version it points at.' })
export class ModelAliasEntry {
  @Field(() => String)
  alias!: string;

  @Field(() => Int)
  version!: number;
}

@ObjectType({ description: 'A model name in a project, with all its versions and aliases.' })
export class RegisteredModel {
  @Field(() => String, { description: 'Pass as registeredModels(after:) for the next page.' })
  cursor!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Project)
  project!: Project;

  @Field(() => Int)
  latestVersion!: number;

  @Field(() => [ModelVersion], {
    description: `The latest versions, oldest first (at most ${BOUNDS.modelVersions}; any other by modelVersion(name, version)).`,
  })
  @ListBound(BOUNDS.modelVersions)
  versions!: ModelVersion[];

  @Field(() => [ModelAliasEntry], { description: `By alias (at most ${BOUNDS.modelAliases}).` })
  @ListBound(BOUNDS.modelAliases, 'values')
  aliases!: ModelAliasEntry[];
}
