import { Field, ObjectType } from 'type-graphql';
import { Job } from './job.type.ts';
import { UserErrorsField } from './user-error.type.ts';
import type { UserError } from './user-error.type.ts';

@ObjectType({ description: 'A job that was started (or cancelled), or why not.' })
export class JobPayload {
  @Field(() => Job, { nullable: true })
  job!: Job | null;

  @UserErrorsField()
  userErrors!: UserError[];
}
