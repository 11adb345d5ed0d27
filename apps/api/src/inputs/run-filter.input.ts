import { Field, ID, InputType } from 'type-graphql';
import { RunStatus } from '../types/run-status.enum.ts';
import { ParamFilterInput } from './param-filter.input.ts';

@InputType({ description: 'Which runs to list; every condition given must hold.' })
export class RunFilterInput {
  @Field(() => [RunStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: RunStatus[] | null;

  @Field(() => String, { nullable: true })
  architecture?: string | null;

  @Field(() => ID, { nullable: true, description: 'Runs trained on this dataset.' })
  datasetId?: string | null;

  @Field(() => String, { nullable: true, description: 'Runs with this tag (normalised first).' })
  tag?: string | null;

  @Field(() => ParamFilterInput, { nullable: true })
  param?: ParamFilterInput | null;
}
