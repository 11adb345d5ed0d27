import { GraphQLError } from 'graphql';
import { MAX_PAGE_SIZE } from '@strand/data';

/**
 * Refuses a page size outside 1–100 with BAD_USER_INPUT, rather than quietly returning fewer
 * items than asked for: a client asking for 100,000 should learn at once that it must page.
 */
export function checkPageSize(first: number | null | undefined): void {
  if (first == null) return;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be from 1 to ${MAX_PAGE_SIZE}; got ${first}`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
}
