import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The close code the API uses when a WebSocket's connection_init has no valid token. */
export const WS_UNAUTHORIZED = 4401;

/** Whether an Apollo error means the API wants a (valid) token: UNAUTHENTICATED or HTTP 401. */
export function isAuthError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

/** A tiny external store: does the dashboard need a token? Set once the API says so. */
export function createAuthStore() {
  let needsToken = false;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: (): boolean => needsToken,
    requireToken(): void {
      if (needsToken) return;
      needsToken = true;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
