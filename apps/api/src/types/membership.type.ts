import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from './role.enum.ts';
import { User } from './user.type.ts';

@ObjectType({ description: "A user's role in a project." })
export class Membership {
  @Field(() => ID)
  projectId!: string;

  @Field(() => User)
  user!: User;

  @Field(() => Role)
  role!: Role;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;
}
