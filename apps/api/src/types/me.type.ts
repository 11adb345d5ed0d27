import { Field, ID, ObjectType } from 'type-graphql';
import { ApiToken } from './api-token.type.ts';
import { Project } from './project.type.ts';

@ObjectType({ description: 'The caller: who the token belongs to, their projects and tokens.' })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [Project])
  projects!: Project[];

  @Field(() => [ApiToken])
  tokens!: ApiToken[];
}
