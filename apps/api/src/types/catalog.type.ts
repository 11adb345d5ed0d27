import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A model architecture Strand can train.' })
export class Architecture {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'Default configuration, as JSON text.' })
  defaultConfig!: string;
}

@ObjectType({ description: 'A JASPAR motif bundled with Strand, usable in demo datasets.' })
export class Motif {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  width!: number;

  @Field(() => String)
  consensus!: string;
}
