import { defaultFieldResolver, getNamedType, isLeafType, isObjectType } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { QueryBudget } from './query-budget.ts';

interface BudgetCarrier {
  budget?: QueryBudget;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Estimated JSON bytes of a leaf value (nested lists of scalars included). */
function leafBytes(value: unknown): number {
  if (value == null) return 4;
  if (typeof value === 'string') return value.length + 2;
  if (!Array.isArray(value)) return 8;
  let bytes = 2;
  for (const item of value) bytes += leafBytes(item) + 1;
  return bytes;
}

/**
 * Wraps every field resolver of `schema` (in place) so that resolving charges the operation's
 * QueryBudget (context.budget): one node per field, one per item of a list of objects, and the
 * estimated bytes of leaf values. Every field, whoever adds it later, is covered: nothing to register.
 * Also yields to the event loop after YIELD_EVERY_MS of continuous resolving, so a large answer
 * (or a synchronous database driver) cannot hold up /health or other callers. A subscription's
 * root field starts each event's budget afresh.
 */
export function budgetSchema(schema: GraphQLSchema): GraphQLSchema {
  const subscriptionType = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rootOfEvents = type === subscriptionType;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, BudgetCarrier> =
        field.resolve ?? defaultFieldResolver;
      const leaf = isLeafType(getNamedType(field.type));
      const charge = (budget: QueryBudget, value: unknown) => {
        // A list of scalars (a matrix of scores) is one node and its bytes.
        if (leaf) budget.charge(0, leafBytes(value));
        else if (Array.isArray(value)) {
          budget.charge(value.length, 0);
        }
        return value;
      };
      const run: GraphQLFieldResolver<unknown, BudgetCarrier> = (source, args, context, info) => {
        const budget = context?.budget;
        if (!budget) return resolve(source, args, context, info);
        try {
          budget.charge(1, 0);
          const value = resolve(source, args, context, info);
          if (value instanceof Promise) return value.then((v: unknown) => charge(budget, v));
          return charge(budget, value);
        } catch (error) {
          // Rejected, not thrown: graphql-js leaves the promises of a list's earlier items
          // unhandled when a later item throws synchronously, and an unhandled rejection would
          // stop the process.
          return Promise.reject(error);
        }
      };
      field.resolve = (source, args, context: BudgetCarrier, info) => {
        // A new event starts its answer afresh, before the yield check: the time since the
        // previous event is not continuous resolving (and yielding there would defer every
        // subscriber's every event to the next turn of the event loop).
        if (rootOfEvents) context?.budget?.reset();
        if (context?.budget?.shouldYield()) {
          return yieldToEventLoop().then(() => run(source, args, context, info));
        }
        return run(source, args, context, info);
      };
    }
  }
  return schema;
}
