import { Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type.ts';

/** A page of items from the data layer, with a cursor for each. */
export interface Page<T> {
  items: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/**
 * Builds the Relay connection and edge types for a node type (`RunConnection`, `RunEdge`, …),
 * following the Relay cursor connections spec.
 */
export function connectionOf<TNode extends object>(name: string, node: ClassType<TNode>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: TNode;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;

    static from<T>(page: Page<T>, map: (item: T) => TNode): Connection {
      const edges = page.items.map((item, i) =>
        Object.assign(new Edge(), { cursor: page.cursors[i], node: map(item) }),
      );
      const pageInfo = Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.cursors[0] ?? null,
        endCursor: page.cursors.at(-1) ?? null,
      });
      return Object.assign(new Connection(), { edges, pageInfo, totalCount: page.totalCount });
    }
  }

  return Connection;
}
