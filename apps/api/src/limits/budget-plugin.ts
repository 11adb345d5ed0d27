import type { ApolloServerPlugin } from '@apollo/server';
import type { StrandContext } from '../context.ts';
import { exceededError } from './query-budget.ts';

/**
 * Over HTTP, an operation whose budget ran out while it resolved is answered with only the
 * QUERY_TOO_EXPENSIVE error (graphql-ws's onNext does the same over WebSocket).
 */
export function budgetPlugin(): ApolloServerPlugin<StrandContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const error = exceededError(contextValue.budget);
          if (!error || response.body.kind !== 'single') return;
          response.body.singleResult = { errors: [error] };
        },
      };
    },
  };
}
