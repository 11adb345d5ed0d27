import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../types/role.enum.ts';

@InputType({ description: 'A new user, made a member of a project the caller administers.' })
export class CreateUserInput {
  @Field(() => String)
  name!: string;

  @Field(() => ID)
  projectId!: string;

  @Field(() => Role)
  role!: Role;
}
