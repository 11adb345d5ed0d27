import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { createAuthStore, isAuthError } from './auth-state.ts';

describe('isAuthError', () => {
  it('is true for UNAUTHENTICATED GraphQL errors and HTTP 401, false otherwise', () => {
    const graphql = (code: string) =>
      new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions: { code } }] });
    expect(isAuthError(graphql('UNAUTHENTICATED'))).toBe(true);
    expect(isAuthError(graphql('FORBIDDEN'))).toBe(false);
    const response = (status: number) => new Response('{}', { status });
    expect(isAuthError(new ServerError('x', { response: response(401), bodyText: '{}' }))).toBe(
      true,
    );
    expect(isAuthError(new ServerError('x', { response: response(500), bodyText: '{}' }))).toBe(
      false,
    );
    expect(isAuthError(new Error('offline'))).toBe(false);
  });
});

describe('createAuthStore', () => {
  it('tells its listeners once when a token is required', () => {
    const store = createAuthStore();
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.getSnapshot()).toBe(false);
    store.requireToken();
    store.requireToken();
    expect(store.getSnapshot()).toBe(true);
    expect(calls).toBe(1);
  });
});
