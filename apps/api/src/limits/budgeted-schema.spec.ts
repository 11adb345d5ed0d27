import { describe, expect, it } from 'vitest';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { budgetSchema } from './budgeted-schema.ts';
import { QueryBudget } from './query-budget.ts';

const schema = () =>
  budgetSchema(
    new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { n: { type: GraphQLInt } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: { tick: { type: GraphQLInt, resolve: (event: number) => event } },
      }),
    }),
  );
const resolverOf = (s: GraphQLSchema, type: 'Query' | 'Subscription', field: string) =>
  (s.getType(type) as GraphQLObjectType).getFields()[field].resolve as GraphQLFieldResolver<
    unknown,
    { budget: QueryBudget }
  >;
const info = { fieldName: 'n' } as GraphQLResolveInfo;

describe('budgetSchema', () => {
  it('resolves a subscription event at once, however long since the previous one', () => {
    let now = 0;
    const context = {
      budget: new QueryBudget({ maxNodes: 10, maxResponseBytes: 100, maxMs: 1000 }, () => now),
    };
    const tick = resolverOf(schema(), 'Subscription', 'tick');
    expect(tick(1, {}, context, info)).toBe(1);
    // A second later the next event arrives: a fresh answer, not 1 s of continuous work.
    now = 1000;
    expect(tick(2, {}, context, info)).toBe(2);
    expect(context.budget.nodes).toBe(1);
  });

  it('yields to the event loop after 10 ms of continuous resolving', async () => {
    let now = 0;
    const context = {
      budget: new QueryBudget({ maxNodes: 10, maxResponseBytes: 100, maxMs: 1000 }, () => now),
    };
    const n = resolverOf(schema(), 'Query', 'n');
    expect(n({ n: 3 }, {}, context, info)).toBe(3);
    now = 11;
    const later = n({ n: 4 }, {}, context, info);
    expect(later).toBeInstanceOf(Promise);
    await expect(later).resolves.toBe(4);
  });
});
