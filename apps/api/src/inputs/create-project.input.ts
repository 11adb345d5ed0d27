import { Field, InputType } from 'type-graphql';

@InputType()
export class CreateProjectInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Unique, URL-safe (a–z, 0–9, "-"); made from the name when left out.',
  })
  slug?: string | null;
}
