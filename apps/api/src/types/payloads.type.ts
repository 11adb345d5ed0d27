import { Field, ObjectType } from 'type-graphql';
import { ApiToken } from './api-token.type.ts';
import { Membership } from './membership.type.ts';
import { Project } from './project.type.ts';
import { Run } from './run.type.ts';
import { UserErrorsField } from './user-error.type.ts';
import type { UserError } from './user-error.type.ts';
import { User } from './user.type.ts';

@ObjectType()
export class RemoveMemberPayload {
  @Field(() => Boolean)
  removed!: boolean;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class RevokeTokenPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken!: ApiToken | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class StartTrainingPayload {
  @Field(() => Run, { nullable: true })
  run!: Run | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class CancelRunPayload {
  @Field(() => Run, { nullable: true })
  run!: Run | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class CreateProjectPayload {
  @Field(() => Project, { nullable: true })
  project!: Project | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class AddMemberPayload {
  @Field(() => Membership, { nullable: true })
  membership!: Membership | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class CreateUserPayload {
  @Field(() => User, { nullable: true })
  user!: User | null;

  @Field(() => String, {
    nullable: true,
    description: "The new user's first API token: shown once, hand it over now.",
  })
  token!: string | null;

  @UserErrorsField()
  userErrors!: UserError[];
}

@ObjectType()
export class CreateTokenPayload {
  @Field(() => String, { nullable: true, description: 'The token: shown once, store it now.' })
  token!: string | null;

  @Field(() => ApiToken, { nullable: true })
  apiToken!: ApiToken | null;

  @UserErrorsField()
  userErrors!: UserError[];
}
