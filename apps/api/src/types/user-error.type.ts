import { Field, ObjectType } from 'type-graphql';
import type { UserError as JobsUserError } from '@strand/jobs';
import { ListBound } from '../limits/list-bound.ts';

/** A mutation reports at most this many userErrors (the first ones found). */
export const MAX_USER_ERRORS = 100;

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
  return errors.slice(0, MAX_USER_ERRORS).map((e) => Object.assign(new UserError(), e));
}

/** A payload's `userErrors` field: `@UserErrorsField() userErrors!: UserError[]`. */
export function UserErrorsField(): PropertyDecorator {
  return (target, key) => {
    Field(() => [UserError], {
      description: `Why the mutation did nothing (at most ${MAX_USER_ERRORS}); empty on success.`,
    })(target, key);
    ListBound(MAX_USER_ERRORS, 'values')(target, key);
  };
}
