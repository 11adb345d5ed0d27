import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * An object that `node(id)` can fetch. Ids are the stored UUIDs: every table's ids are random
 * UUIDs, so one id names one object across all types without a type prefix.
 */
@InterfaceType({ description: 'An object with a globally unique id (a UUID).' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
