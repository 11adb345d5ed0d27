import { Field, ObjectType } from 'type-graphql';
import type { UserError as JobsUserError } from '@strand/jobs';

@ObjectType({
  description:
    'An expected failure of a mutation: which input field, what went wrong, a stable code.',
})
export class UserError {
  @Field(() => String, {
    nullable: true,
    description: 'Path of the offending input field, if one is at fault.',
  })
  field!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => String)
  code!: string;
}

export function toUserErrors(errors: readonly JobsUserError[]): UserError[] {
  return errors.map((e) => Object.assign(new UserError(), e));
}
