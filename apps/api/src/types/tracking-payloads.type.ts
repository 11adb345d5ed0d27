import { Field, ObjectType } from 'type-graphql';
import { ModelVersion } from './model-version.type.ts';
import { Run } from './run.type.ts';
import { UserErrorsField } from './user-error.type.ts';
import type { UserError } from './user-error.type.ts';

@ObjectType({ description: 'The run after its tags or note changed.' })
export class RunAnnotationPayload {
  @Field(() => Run, { nullable: true })
  run!: Run | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType({ description: 'The model version registered, or an alias pointed at.' })
export class ModelVersionPayload {
  @Field(() => ModelVersion, { nullable: true })
  modelVersion!: ModelVersion | null;

  @UserErrorsField()
  userErrors!: UserError[];
}
