import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo's formatError: every error leaves with an `extensions.code`.
 * - Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED; the limit rules' own
 *   codes (QUERY_TOO_COMPLEX, …) are restored from the original error.
 * - The parser's token limit becomes QUERY_TOO_LARGE.
 * - In production an unexpected error says only "internal error": its message may carry
 *   internals (SQL, paths); stack traces are already off there.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    let code = formatted.extensions?.code;
    if (
      code === 'GRAPHQL_VALIDATION_FAILED' &&
      original instanceof GraphQLError &&
      typeof original.extensions.code === 'string'
    ) {
      code = original.extensions.code;
    }
    // graphql-js: "Document contains more that 5000 tokens. Parsing aborted." (sic)
    const tokens = /contains more tha[nt] (\d+) tokens/.exec(formatted.message);
    if (code === 'GRAPHQL_PARSE_FAILED' && tokens) {
      const message = `the query is over the limit of ${tokens[1]} tokens`;
      return { message, extensions: { code: 'QUERY_TOO_LARGE' } };
    }
    if (typeof code !== 'string') code = 'INTERNAL_SERVER_ERROR';
    if (production && code === 'INTERNAL_SERVER_ERROR') {
      return { message: 'internal error', path: formatted.path, extensions: { code } };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  };
}
