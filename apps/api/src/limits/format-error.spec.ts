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
    // Outside production the message stays, but without the stack or the server's paths.
    expect(formatError(false)(internal, new Error('x'))).toEqual({
      message: 'SQLITE_ERROR: no such table: run (strand.db)',
      path: ['runs'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('cuts absolute server paths to file names in every mode', () => {
    const cases: [string, string][] = [
      [
        "ENOENT: no such file or directory, open '/srv/.strand/artifacts/datasets/x/seqs.tsv'",
        "ENOENT: no such file or directory, open 'seqs.tsv'",
      ],
      [
        '/tmp/strand-upload-ab12/file/promoters.tsv:12: label "x" is not 0 or 1',
        'promoters.tsv:12: label "x" is not 0 or 1',
      ],
      ['C:\\data\\calls.vcf: bad', 'calls.vcf: bad'],
      ['see http://host/a/b and 3/4 folds', 'see http://host/a/b and 3/4 folds'],
    ];
    for (const production of [false, true]) {
      for (const [message, expected] of cases) {
        const error = new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
        expect(formatError(production)(error.toJSON(), error).message).toBe(expected);
      }
    }
  });

  it('drops "Did you mean" suggestions in production only', () => {
    const message = 'Cannot query field "nme" on type "Me". Did you mean "name"?';
    const formatted = { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(formatError(true)(formatted, new Error(message)).message).toBe(
      'Cannot query field "nme" on type "Me".',
    );
    expect(formatError(false)(formatted, new Error(message)).message).toBe(message);
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
