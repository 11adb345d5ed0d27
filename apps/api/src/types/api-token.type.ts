import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { ApiToken as ApiTokenEntity } from '@strand/data';

@ObjectType({ description: 'An API token, as stored: never the token itself.' })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The first characters of the token, e.g. strand_AbCd1234.' })
  prefix!: string;

  @Field(() => DateTimeISOResolver)
  createdAt!: Date;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: 'When it stops working by itself; null: never.',
  })
  expiresAt!: Date | null;

  static from(entity: ApiTokenEntity): ApiToken {
    return Object.assign(new ApiToken(), {
      id: entity.id,
      name: entity.name,
      prefix: entity.prefix,
      createdAt: entity.createdAt,
      expiresAt: entity.expiresAt ?? null,
    });
  }
}
