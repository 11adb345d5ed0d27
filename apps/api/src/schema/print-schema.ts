import { lexicographicSortSchema, printSchema } from 'graphql';
import type { GraphQLSchema } from 'graphql';

/** The schema as committed in apps/api/schema.graphql: sorted, so diffs show real changes. */
export function printStrandSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

export const SCHEMA_FILE = new URL('../../schema.graphql', import.meta.url);
