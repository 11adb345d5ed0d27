// The one Apollo Client: queries and mutations over HTTP, subscriptions over graphql-ws, both at
// /graphql on the page's own origin (the Vite dev server proxies it to the API).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { createAuthStore, isAuthError, WS_UNAUTHORIZED } from './auth-state.ts';
import { bearer, readToken } from './auth-token.ts';
import { createSocketStore } from './socket-state.ts';
import { graphqlWsUrl } from './ws-url.ts';

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

/** Set when the API refuses the token (or there is none): the app then shows the token form. */
export const authStore = createAuthStore();

const authErrorLink = new ErrorLink(({ error }) => {
  if (isAuthError(error)) authStore.requireToken();
});

const authLink = new SetContextLink(({ headers }) => {
  const token = readToken(storage);
  return token ? { headers: { ...headers, authorization: bearer(token) } } : {};
});

/** The subscription socket; exported so the header can show whether live updates flow. */
export const wsClient = createClient({
  url: graphqlWsUrl(window.location),
  // Read on every (re)connect so a token stored later is picked up without a reload.
  connectionParams: () => {
    const token = readToken(storage);
    return token ? { authorization: bearer(token) } : {};
  },
  // Connected from the start so the header can tell whether live updates flow; a training run
  // lasts minutes, so keep reconnecting through API restarts instead of giving up.
  lazy: false,
  retryAttempts: 1000,
  // …except when the API refused the token: retrying cannot help until a person gives one.
  shouldRetry: (event) => !isUnauthorizedClose(event),
  on: {
    closed: (event) => {
      if (isUnauthorizedClose(event)) authStore.requireToken();
    },
  },
});

function isUnauthorizedClose(event: unknown): boolean {
  return (event as { code?: number } | null)?.code === WS_UNAUTHORIZED;
}

export const socketStore = createSocketStore(wsClient);

const link = ApolloLink.split(
  (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
  new GraphQLWsLink(wsClient),
  ApolloLink.from([authErrorLink, authLink, new HttpLink({ uri: '/graphql' })]),
);

// Lists and metric arrays have no ids: a newer result replaces the older one outright.
const replace = { merge: false } as const;

export const apolloClient = new ApolloClient({
  link,
  cache: new InMemoryCache({
    typePolicies: {
      Query: { fields: { runs: replace, datasets: replace } },
      Run: { fields: { metrics: replace, history: replace } },
    },
  }),
});
