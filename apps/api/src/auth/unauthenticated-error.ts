import { GraphQLError } from 'graphql';

/** No valid API token: HTTP 401, `extensions.code = 'UNAUTHENTICATED'`. */
export class UnauthenticatedError extends GraphQLError {
  constructor(reason: string) {
    super(`${reason}; send "Authorization: Bearer <token>" (see README: API tokens)`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
    this.name = 'UnauthenticatedError';
  }
}
