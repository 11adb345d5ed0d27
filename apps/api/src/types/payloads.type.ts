import { Field, ObjectType } from 'type-graphql';
import { Dataset } from './dataset.type.ts';
import { Run } from './run.type.ts';
import { UserError } from './user-error.type.ts';

@ObjectType()
export class CreateDatasetPayload {
  @Field(() => Dataset, { nullable: true })
  dataset!: Dataset | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class StartTrainingPayload {
  @Field(() => Run, { nullable: true })
  run!: Run | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CancelRunPayload {
  @Field(() => Run, { nullable: true })
  run!: Run | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
