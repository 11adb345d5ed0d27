import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError } from './format-error.ts';
import { LimitError } from './limit-error.ts';

describe('formatError', () => {
  const internal = {
    message: 'SQLITE_ERROR: no such table: run (/srv/.strand/strand.db)',
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
    path: ['runs'],
  };

  it('hides an unexpected error’s message and stack in production', () => {
    expect(formatError(true)(internal, new Error('x'))).toEqual({
      message: 'internal error',
      path: ['runs'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatError(false)(internal, new Error('x'))).toEqual(internal);
  });

  it('restores a limit rule’s code that Apollo re-labelled GRAPHQL_VALIDATION_FAILED', () => {
    const limit = new LimitError('QUERY_TOO_DEEP', 'too deep');
    const wrapped = new GraphQLError('too deep', {
      originalError: limit,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = formatError(true)(
      { message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      wrapped,
    );
    expect(formatted.extensions).toEqual({ code: 'QUERY_TOO_DEEP' });
  });

  it('gives an error without a code INTERNAL_SERVER_ERROR', () => {
    expect(formatError(false)({ message: 'boom' }, new Error('boom')).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});
