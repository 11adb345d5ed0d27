import { Extensions } from 'type-graphql';
import type { GraphQLField } from 'graphql';

/**
 * How long a list field may be, declared where the field is (`@ListBound(50)`), so that the cost
 * rule can multiply by it and a test can check that no list is left unbounded:
 * - `items` (default): each item may resolve more objects from the database (a sweep's runs, a
 *   run's epochs) — the cost rule multiplies the selection below by `max`;
 * - `values`: small records loaded with their parent in one step (metrics, label counts) — they
 *   cannot fan out, so they count once; their size counts in the runtime budget.
 * Connections (`…Connection`, paged by `first`) need no declaration. The description of the field
 * must say the bound ("at most 50"), so the schema documents it too.
 */
export interface ListBoundInfo {
  max: number;
  kind: 'items' | 'values';
}

export function ListBound(max: number, kind: ListBoundInfo['kind'] = 'items') {
  return Extensions({ listBound: { max, kind } satisfies ListBoundInfo });
}

/** The declared bound of a field, if any. */
export function listBoundOf(field: GraphQLField<unknown, unknown>): ListBoundInfo | null {
  const bound = field.extensions?.listBound as ListBoundInfo | undefined;
  return bound && typeof bound.max === 'number' ? bound : null;
}
