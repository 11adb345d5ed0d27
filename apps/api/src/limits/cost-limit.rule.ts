import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
} from 'graphql';
import type {
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLType,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@strand/data';
import { LimitError } from './limit-error.ts';
import { listBoundOf } from './list-bound.ts';

/**
 * Rejects operations whose estimated cost is over `maxCost` (QUERY_TOO_COMPLEX). In the spirit
 * of GitHub's GraphQL resource limits: every field costs 1 for each parent item it is resolved
 * for, and a connection (a `…Connection` type) multiplies the items below it by its page size —
 * `first` when given as a number (1–100), 100 when it is a variable, the default 20 otherwise.
 * So `runs(first: 100) { edges { node { id } } }` costs 1 + 100·(edges, node, id) = 301.
 * Every other list of objects declares its bound (list-bound.ts): a list of `items` multiplies
 * the selection below it by that bound (`job { runs { … } }`: 50 trials at most), or by its
 * `first` when the list takes one and it is given as a number (registeredModels); a list of
 * `values` (records loaded with their parent, like metrics) counts once. A test fails for any
 * list of objects without a bound, so fields added later cannot slip through; what running
 * shows (real sizes, bytes, time) is bounded again by the runtime budget (query-budget.ts).
 */
export function costLimitRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const root =
        node.operation === 'query'
          ? context.getSchema().getQueryType()
          : node.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : context.getSchema().getSubscriptionType();
      const walk = new CostWalk(context, maxCost);
      const cost = walk.cost(node.selectionSet, root ?? null, 1);
      if (cost > maxCost) {
        context.reportError(
          new LimitError(
            'QUERY_TOO_COMPLEX',
            `query cost is over the limit of ${maxCost} (each field counts once per item; connections multiply by their page size)`,
            [node],
          ),
        );
      }
    },
  });
}

class CostWalk {
  private total = 0;
  private readonly spread = new Set<string>();

  constructor(
    private readonly context: ValidationContext,
    private readonly max: number,
  ) {}

  /** Adds the cost of `set` on `type` for `items` parent items; stops early once over max. */
  cost(set: SelectionSetNode, type: GraphQLNamedType | null, items: number): number {
    for (const selection of set.selections) {
      if (this.total > this.max) break; // bounded work even for fragment-heavy documents
      if (selection.kind === Kind.FIELD) {
        this.total += items;
        if (!selection.selectionSet) continue;
        const field = this.field(type, selection.name.value);
        const fieldType = field ? getNamedType(field.type) : null;
        this.cost(selection.selectionSet, fieldType, items * multiplier(field, selection));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? (this.context.getSchema().getType(selection.typeCondition.name.value) ?? null)
          : type;
        this.cost(selection.selectionSet, condition, items);
      } else {
        const name = selection.name.value;
        const fragment = this.context.getFragment(name);
        if (!fragment || this.spread.has(name)) continue;
        this.spread.add(name);
        const condition = this.context.getSchema().getType(fragment.typeCondition.name.value);
        this.cost(fragment.selectionSet, condition ?? null, items);
        this.spread.delete(name);
      }
    }
    return this.total;
  }

  private field(
    parent: GraphQLNamedType | null,
    name: string,
  ): GraphQLField<unknown, unknown> | null {
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return null;
    return parent.getFields()[name] ?? null;
  }
}

/** Whether a field's type is a list (under its non-null wrapper). */
export function isListField(type: GraphQLType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** By how many items the selection below `field` is resolved (see costLimitRule). */
function multiplier(field: GraphQLField<unknown, unknown> | null, node: FieldNode): number {
  if (!field) return 1;
  if (getNamedType(field.type).name.endsWith('Connection')) return pageSizeOf(node);
  if (!isListField(field.type)) return 1;
  const bound = listBoundOf(field);
  if (bound?.kind !== 'items') return 1;
  // A bounded list that takes `first` (registeredModels) returns at most that many.
  const first = node.arguments?.find((a) => a.name.value === 'first')?.value;
  if (first?.kind === Kind.INT) return Math.min(Math.max(Number(first.value), 1), bound.max);
  return bound.max;
}

function pageSizeOf(field: FieldNode): number {
  const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
  if (!first) return DEFAULT_PAGE_SIZE;
  if (first.kind === Kind.INT) return Math.min(Math.max(Number(first.value), 1), MAX_PAGE_SIZE);
  return MAX_PAGE_SIZE;
}
