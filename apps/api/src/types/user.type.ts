import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person or tool that calls the API.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  static of(id: string, name: string): User {
    return Object.assign(new User(), { id, name });
  }
}
