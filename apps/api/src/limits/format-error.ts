import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { scrubPaths } from './scrub-paths.ts';

/**
 * The one error policy of both transports (Apollo's formatError over HTTP; graphql-ws's onError
 * and onNext over WebSocket): every error leaves with an `extensions.code`, and nothing about
 * the server leaks.
 * - Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED; the limit rules' own
 *   codes (QUERY_TOO_COMPLEX, …) are restored from the original error.
 * - The parser's token limit becomes QUERY_TOO_LARGE.
 * - Stack traces never leave (they name the server's files): they go to the server log.
 * - Absolute server paths in a message are cut to their file name, in every mode: a VIEWER has
 *   no business learning where the server keeps its data.
 * - In production an unexpected error says only "internal error" (its message may carry SQL or
 *   internals), and "Did you mean …?" suggestions (which spell out the schema that
 *   introspection hides) are removed.
 */
export function formatError(production: boolean, onInternal?: (error: unknown) => void) {
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
    if (code === 'INTERNAL_SERVER_ERROR')
      onInternal?.(error instanceof GraphQLError ? (error.originalError ?? error) : error);
    if (production && code === 'INTERNAL_SERVER_ERROR') {
      return { message: 'internal error', path: formatted.path, extensions: { code } };
    }
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    let message = scrubPaths(formatted.message);
    if (production) message = message.replace(/ ?Did you mean .+\?$/s, '');
    return { ...formatted, message, extensions: { ...extensions, code } };
  };
}

/** formatError for errors that are not formatted yet (graphql-ws hands over GraphQLErrors). */
export function formatErrors(
  format: ReturnType<typeof formatError>,
  errors: readonly GraphQLError[],
): GraphQLFormattedError[] {
  return errors.map((error) => format(error.toJSON(), error));
}
